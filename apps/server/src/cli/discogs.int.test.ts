import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forEachStore, seedOfficeShop } from '@deadwax/db/testing';
import { afterAll, expect, test } from 'vitest';
import { runCli } from './run.ts';

const API_TEST = fileURLToPath(
	new URL(
		'../../../../tests/fixtures/discogs/discogs_inventory_export_apitest.csv',
		import.meta.url
	)
);

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return {
		io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) },
		out,
		err,
		/** What a shell redirect of stdout would have written. */
		stdout: () => out.map((l) => `${l}\n`).join('')
	};
}

const dataDir = mkdtempSync(join(tmpdir(), 'deadwax-discogs-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

forEachStore('deadwax import discogs and export discogs', (store) => {
	const env = () => ({ DATABASE_URL: store().url, DATA_DIR: dataDir });

	test('imports the real export into the only shop and exports the same bytes to stdout', async () => {
		const f = await seedOfficeShop(store().database.db, { shopId: 'cli-discogs' });
		const imported = capture();
		expect(await runCli(['import', 'discogs', API_TEST], imported.io, { env: env() })).toBe(0);
		expect(imported.out).toEqual([
			'Imported 1 listings into shop cli-discogs: 1 new, 0 updated, 0 unchanged (1 new releases).'
		]);
		const exported = capture();
		expect(
			await runCli(['export', 'discogs', '--shop', f.shopId], exported.io, { env: env() })
		).toBe(0);
		expect(exported.stdout()).toBe(readFileSync(API_TEST, 'utf8'));
		const [audit] = await f.stores.audit.list({ shopId: f.shopId, limit: 1 });
		expect(audit).toMatchObject({
			action: 'discogs.imported',
			actorKind: 'system',
			actorId: 'cli'
		});
	});

	test('lists every problem of a bad file, exits 1, and changes nothing', async () => {
		const bad = join(dataDir, 'bad.csv');
		writeFileSync(
			bad,
			readFileSync(API_TEST, 'utf8')
				.replace(',100.0,', ',1OO.0,')
				.replace('Near Mint (NM or M-),N,', 'Near Mint (NM or M-),maybe,')
		);
		const run = capture();
		expect(
			await runCli(['import', 'discogs', bad, '--shop', 'cli-discogs'], run.io, { env: env() })
		).toBe(1);
		expect(run.err).toEqual([
			`${bad} was not imported; nothing changed. 2 problem(s):`,
			'  row 2, price: must be a price with a dot for decimals, like 12.50 (got "1OO.0")',
			'  row 2, accept_offer: must be Y or N (got "maybe")'
		]);
	});

	test('asks which shop when there are several, and says how to call it', async () => {
		await seedOfficeShop(store().database.db, { shopId: 'cli-second' });
		const run = capture();
		expect(await runCli(['export', 'discogs'], run.io, { env: env() })).toBe(2);
		expect(run.err[0]).toBe(
			'There are 2 shops; say which with --shop ID:\n  cli-discogs  Shop cli-discogs\n  cli-second  Shop cli-second'
		);
		const missing = capture();
		expect(await runCli(['import', 'discogs'], missing.io, { env: env() })).toBe(2);
		expect(missing.err[0]).toBe(
			'Give exactly one file to import.\nUsage: deadwax import discogs FILE [--shop ID]'
		);
	});
});
