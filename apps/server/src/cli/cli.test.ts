import { expect, test } from 'vitest';
import { runCli } from './run.ts';

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

test('lists the commands for help and refuses an unknown one with exit 2', async () => {
	const help = capture();
	expect(await runCli(['help'], help.io, { env: {} })).toBe(0);
	const text = help.out.join('\n');
	for (const name of ['serve', 'migrate', 'shop create', 'backup'])
		expect(text).toContain(`  ${name}`);

	const unknown = capture();
	expect(await runCli(['import', 'nonsense'], unknown.io, { env: {} })).toBe(2);
	expect(unknown.err[0]).toContain('Unknown command "import nonsense"');
});

test('stops with every bad variable listed and exit 1 before doing anything', async () => {
	const run = capture();
	const code = await runCli(['migrate'], run.io, {
		env: { PORT: 'x', DATABASE_URL: 'sqlite:foo.db' }
	});
	expect(code).toBe(1);
	expect(run.err.join('\n')).toContain('Invalid server configuration (2 problems):');
	expect(run.err.join('\n')).toContain(
		'PORT: expected a port number from 0 to 65535 (0 picks a free port), got "x"'
	);
	expect(run.err.join('\n')).toContain('DATABASE_URL: expected a URL starting with file:');
});

test('backup on PostgreSQL says to use pg_dump and exits 2 without touching the database', async () => {
	const run = capture();
	const code = await runCli(['backup'], run.io, {
		env: { DATABASE_URL: 'postgres://shop:secret@127.0.0.1:1/deadwax' }
	});
	expect(code).toBe(2);
	expect(run.err.join('\n')).toContain(
		'The store is PostgreSQL (postgres://shop:***@127.0.0.1:1/deadwax)'
	);
	expect(run.err.join('\n')).toContain('pg_dump');
	expect(run.out).toEqual([]);
});

test('shop create names every bad or missing flag and creates nothing', async () => {
	const run = capture();
	const code = await runCli(
		[
			'shop',
			'create',
			'--currency',
			'euro',
			'--timezone',
			'Mars/Olympus',
			'--tax-mode',
			'sometimes'
		],
		run.io,
		// An unreachable store proves validation runs before any connection.
		{ env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } }
	);
	expect(code).toBe(2);
	expect(run.err[0]).toBe(
		'Cannot create the shop:\n' +
			'  --name is required (the shop name)\n' +
			'  --currency must be an ISO 4217 code like EUR (got "euro")\n' +
			'  --timezone must be an IANA zone like Europe/Berlin (got "Mars/Olympus")\n' +
			'  --tax-mode must be inclusive or exclusive (got "sometimes")\n' +
			'Usage: deadwax shop create --name NAME --currency EUR --timezone Europe/Berlin [--locale de-DE] [--tax-mode inclusive|exclusive] [--tax-rounding line|receipt] [--id slug]'
	);
	expect(run.out).toEqual([]);
});

test('shop create refuses an unknown flag with the usage line', async () => {
	const run = capture();
	expect(await runCli(['shop', 'create', '--colour', 'red'], run.io, { env: {} })).toBe(2);
	expect(run.err[0]).toContain("Unknown option '--colour'");
	expect(run.err[0]).toContain('Usage: deadwax shop create');
});
