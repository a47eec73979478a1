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
	for (const name of ['serve', 'migrate', 'shop create', 'staff create', 'backup'])
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
			'Usage: deadwax shop create --name NAME --currency EUR --timezone Europe/Berlin [--locale de-DE] [--tax-mode inclusive|exclusive] [--tax-rounding line|receipt] [--tax-rate 19] [--tax-name NAME] [--id slug]'
	);
	expect(run.out).toEqual([]);
});

test('shop create refuses an unknown flag with the usage line', async () => {
	const run = capture();
	expect(await runCli(['shop', 'create', '--colour', 'red'], run.io, { env: {} })).toBe(2);
	expect(run.err[0]).toContain("Unknown option '--colour'");
	expect(run.err[0]).toContain('Usage: deadwax shop create');
});

test('staff create names every bad or missing flag without echoing the PIN, and adds nobody', async () => {
	const run = capture();
	const code = await runCli(
		['staff', 'create', '--shop', 'soho', '--role', 'boss', '--pin', '12ab5'],
		run.io,
		// An unreachable store proves validation runs before any connection.
		{ env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } }
	);
	expect(code).toBe(2);
	expect(run.err[0]).toBe(
		'Cannot add the staff member:\n' +
			'  --name is required (as the register and the office show it)\n' +
			'  --role must be owner, manager or clerk (got "boss")\n' +
			'  --pin must be 4 to 8 digits\n' +
			'Usage: deadwax staff create [--shop ID] --name NAME --role owner|manager|clerk --pin 1234'
	);
	expect(run.err.join('\n')).not.toContain('12ab5');
	expect(run.out).toEqual([]);

	const missing = capture();
	expect(
		await runCli(['staff', 'create', '--name', 'Cleo'], missing.io, {
			env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }
		})
	).toBe(2);
	expect(missing.err[0]).toContain('--role is required (owner, manager or clerk)');
	expect(missing.err[0]).toContain('--pin is required (4 to 8 digits)');
});

test('shop create refuses a tax rate that is not a percentage from 0 to 100', async () => {
	for (const rate of ['19%', '-1', '100.5', '8.87501']) {
		const run = capture();
		const code = await runCli(
			[
				'shop',
				'create',
				'--name',
				'Soho',
				'--currency',
				'GBP',
				'--timezone',
				'Europe/London',
				// = keeps a leading dash a value, not an option.
				`--tax-rate=${rate}`
			],
			run.io,
			{ env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } }
		);
		expect(code).toBe(2);
		expect(run.err[0]).toContain(
			rate === '100.5'
				? `--tax-rate must be at most 100 (got "${rate}")`
				: `--tax-rate must be a percentage like 19 or 8.875 (got "${rate}")`
		);
	}
});
