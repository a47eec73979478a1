import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSqliteFile, openDatabase } from '@deadwax/db';
import { forEachStore } from '@deadwax/db/testing';
import { afterAll, expect, test } from 'vitest';
import { runCli } from './run.ts';

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dataDir = mkdtempSync(join(tmpdir(), 'deadwax-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

forEachStore(
	'deadwax migrate and shop create',
	(store) => {
		const env = () => ({ DATABASE_URL: store().url, DATA_DIR: dataDir });

		test('migrate applies every migration once, then reports the store up to date', async () => {
			const first = capture();
			expect(await runCli(['migrate'], first.io, { env: env() })).toBe(0);
			expect(first.out[0]).toMatch(/^Applied 0001_foundation/);
			const second = capture();
			expect(await runCli(['migrate'], second.io, { env: env() })).toBe(0);
			expect(second.out[0]).toMatch(/is up to date\.$/);
		});

		test('shop create adds the shop, prints its id, and appends it to its feed', async () => {
			const run = capture();
			const code = await runCli(
				[
					'shop',
					'create',
					'--name',
					'Plattenbar Leipzig',
					'--currency',
					'EUR',
					'--timezone',
					'Europe/Berlin',
					'--locale',
					'de-DE',
					'--tax-mode',
					'inclusive'
				],
				run.io,
				{ env: env() }
			);
			expect(code).toBe(0);
			const id = run.out[0]!;
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
			expect(run.err[0]).toBe(
				'Created shop "Plattenbar Leipzig" (EUR, Europe/Berlin, prices inclusive of tax).'
			);
			const { db } = store().database;
			const shop = await db
				.selectFrom('shops')
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			expect(shop).toMatchObject({
				name: 'Plattenbar Leipzig',
				currency: 'EUR',
				locale: 'de-DE',
				tax_mode: 'inclusive',
				change_seq: 1
			});
		});

		test('shop create refuses a taken id and changes nothing', async () => {
			const args = [
				'shop',
				'create',
				'--id',
				'soho',
				'--name',
				'Soho',
				'--currency',
				'GBP',
				'--timezone',
				'Europe/London'
			];
			expect(await runCli(args, capture().io, { env: env() })).toBe(0);
			const again = capture();
			expect(await runCli(args, again.io, { env: env() })).toBe(1);
			expect(again.err[0]).toBe('deadwax shop create failed: A shop with id soho already exists');
			const rows = await store()
				.database.db.selectFrom('shops')
				.select('id')
				.where('id', '=', 'soho')
				.execute();
			expect(rows).toHaveLength(1);
		});
	},
	{ migrate: false }
);

test('backup writes a consistent, readable copy of the SQLite store and prints its path', async () => {
	const url = `file:${join(dataDir, 'live.db')}`;
	expect(
		await runCli(
			[
				'shop',
				'create',
				'--id',
				'live',
				'--name',
				'Live',
				'--currency',
				'EUR',
				'--timezone',
				'Europe/Berlin'
			],
			capture().io,
			{ env: { DATABASE_URL: url, DATA_DIR: dataDir } }
		)
	).toBe(0);
	const run = capture();
	expect(await runCli(['backup'], run.io, { env: { DATABASE_URL: url, DATA_DIR: dataDir } })).toBe(
		0
	);
	const path = run.out[0]!;
	expect(path).toMatch(new RegExp(`^${dataDir}/backups/deadwax-\\d{8}-\\d{6}\\.db$`));
	expect(run.err[0]).toMatch(/1 shops, 0 items, 0 stock movements\. Integrity check: ok\.$/);
	expect(checkSqliteFile(path).isIntact).toBe(true);
	const copy = await openDatabase(`file:${path}`);
	try {
		expect(await copy.db.selectFrom('shops').select(['id', 'name']).execute()).toEqual([
			{ id: 'live', name: 'Live' }
		]);
	} finally {
		await copy.close();
	}
	const explicit = capture();
	const out = join(dataDir, 'named.db');
	expect(
		await runCli(['backup', '--out', out], explicit.io, {
			env: { DATABASE_URL: url, DATA_DIR: dataDir }
		})
	).toBe(0);
	expect(explicit.out).toEqual([out]);
});
