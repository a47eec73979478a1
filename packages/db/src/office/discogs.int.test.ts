import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { expect, test } from 'vitest';
import type { Schema } from '../schema.ts';
import { forEachStore } from '../testing/index.ts';
import { discogsExportFromShopCsv, fixMisfiledGrades } from './discogs-fixtures.ts';
import { seedOfficeShop } from './fixtures.ts';

const FIXTURES = new URL('../../../../tests/fixtures/discogs/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** The file with LF line endings, as a spreadsheet re-saves it; breaks inside quoted fields stay. */
function withLfEndings(text: string): string {
	let out = '';
	let isQuoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') isQuoted = !isQuoted;
		if (!isQuoted && c === '\r' && text[i + 1] === '\n') continue;
		out += c;
	}
	return out;
}

/** Row counts of everything an import may write: equal before and after means nothing changed. */
async function footprint(db: Kysely<Schema>, shopId: string) {
	const count = async (
		table: 'items' | 'releases' | 'changes' | 'stock_movements' | 'audit_log'
	) => {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('shop_id', '=', shopId)
			.executeTakeFirstOrThrow();
		return Number(row.n);
	};
	return {
		items: await count('items'),
		releases: await count('releases'),
		changes: await count('changes'),
		movements: await count('stock_movements'),
		audit: await count('audit_log')
	};
}

forEachStore('Discogs import and export', (store) => {
	const db = () => store().database.db;

	test('imports the real Discogs export and writes it back byte for byte', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'dg-apitest' });
		const file = fixture('discogs_inventory_export_apitest.csv');
		const outcome = await f.stores.discogs.importText({ actor: f.manager, text: file });
		expect(outcome).toEqual({
			ok: true,
			listings: 1,
			created: 1,
			updated: 0,
			unchanged: 0,
			releasesCreated: 1
		});
		const { items } = await f.stores.catalog.listItems({ shopId: f.shopId, limit: 10, offset: 0 });
		expect(items).toMatchObject([
			{
				kind: 'used',
				description: 'HammerFall – Glory To The Brave',
				format: 'CD',
				priceCents: 10000,
				mediaGrade: 'NM',
				sleeveGrade: 'NM',
				bin: 'API_TEST_LOCATION',
				notes: 'API_TEST_CREATE_INVENTORY_EXPORT',
				onHand: 1,
				discogsListingId: '4332778344',
				sku: '2000000000015'
			}
		]);
		expect(await f.stores.discogs.exportText(f.shopId)).toBe(file);
	});

	test('round-trips the empty export: the header and its CRLF', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'dg-empty' });
		const file = fixture('discogs_inventory_export_empty.csv');
		expect(await f.stores.discogs.importText({ actor: f.manager, text: file })).toMatchObject({
			ok: true,
			listings: 0
		});
		expect(await f.stores.discogs.exportText(f.shopId)).toBe(file);
	});

	test('refuses the real shop inventory with its misfiled grade, naming the row and column, and changes nothing', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'dg-refuse', currency: 'HUF' });
		const file = discogsExportFromShopCsv(
			fixture('lemezordog_discogs_inventory_via_api_unas_format.csv')
		);
		const before = await footprint(db(), f.shopId);
		const outcome = await f.stores.discogs.importText({ actor: f.manager, text: file });
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.problemCount).toBe(1);
		expect(outcome.problems).toEqual([
			{
				row: expect.any(Number) as number,
				column: 'media_condition',
				message: 'No Cover is a sleeve condition, not a media grade (got "No Cover")'
			}
		]);
		expect(await footprint(db(), f.shopId)).toEqual(before);
	});

	test('imports all 747 real listings, re-imports them as no change, and exports them byte for byte', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'dg-shop', currency: 'HUF' });
		const file = fixMisfiledGrades(
			discogsExportFromShopCsv(fixture('lemezordog_discogs_inventory_via_api_unas_format.csv'))
		);
		const progress: number[] = [];
		const first = await f.stores.discogs.importText({
			actor: f.manager,
			text: file,
			onProgress: (done) => progress.push(done)
		});
		expect(first).toMatchObject({
			ok: true,
			listings: 747,
			created: 747,
			updated: 0,
			unchanged: 0
		});
		expect(progress.at(-1)).toBe(747);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
		expect(await f.stores.discogs.exportText(f.shopId)).toBe(file);

		const before = await footprint(db(), f.shopId);
		const again = await f.stores.discogs.importText({ actor: f.manager, text: file });
		expect(again).toEqual({
			ok: true,
			listings: 747,
			created: 0,
			updated: 0,
			unchanged: 747,
			releasesCreated: 0
		});
		// The same file with LF endings and a BOM, as a spreadsheet re-saves it, is the same file.
		const resaved = await f.stores.discogs.importText({
			actor: f.manager,
			text: '\ufeff' + withLfEndings(file)
		});
		expect(resaved).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 747 });
		expect(await footprint(db(), f.shopId)).toEqual(before);
	});

	test('updates a listing whose price changed on Discogs and leaves its stock to the shop', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'dg-update' });
		const file = fixture('discogs_inventory_export_apitest.csv');
		await f.stores.discogs.importText({ actor: f.manager, text: file });
		const outcome = await f.stores.discogs.importText({
			actor: f.manager,
			text: file
				.replace(',100.0,', ',89.5,')
				.replace(',API_TEST_LOCATION,1\r\n', ',API_TEST_LOCATION,3\r\n')
		});
		expect(outcome).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 0 });
		const { items } = await f.stores.catalog.listItems({ shopId: f.shopId, limit: 10, offset: 0 });
		expect(items.map((i) => [i.priceCents, i.version, i.onHand])).toEqual([[8950, 2, 1]]);
	});

	test('exports copies never listed on Discogs with their SKU, and re-importing that file adds none', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'dg-own' });
		const release = await f.stores.catalog.createRelease({
			actor: f.manager,
			fields: {
				artist: 'Svek',
				title: 'Stockholm',
				label: 'Svek',
				catno: 'SK032',
				format: '12"',
				year: 1999,
				discogsReleaseId: 1,
				genres: [],
				barcodes: []
			}
		});
		const copy = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: {
				releaseId: release.id,
				title: null,
				kind: 'used',
				priceCents: 1250,
				costCents: null,
				taxClassId: f.taxClassId,
				mediaGrade: 'VG+',
				sleeveGrade: 'Generic',
				bin: 'U-3',
				genre: null,
				labelId: null,
				notes: 'light "marks", plays fine',
				status: 'active'
			}
		});
		const exported = await f.stores.discogs.exportText(f.shopId);
		expect(exported.split('\r\n')[1]).toBe(
			`,Svek,Stockholm,Svek,SK032,"12""",1,For Sale,12.5,2026-03-02 10:00:00,"light ""marks"", plays fine",Very Good Plus (VG+),Generic,N,${copy.sku!},,1,U-3,1`
		);
		const again = await f.stores.discogs.importText({ actor: f.manager, text: exported });
		expect(again).toMatchObject({ ok: true, created: 0, updated: 1 });
		expect(await f.stores.discogs.exportText(f.shopId)).toBe(exported);
	});

	test('imports a file uploaded in chunks split anywhere, then forgets the upload', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'dg-chunks', currency: 'HUF' });
		const file = fixMisfiledGrades(
			discogsExportFromShopCsv(fixture('lemezordog_discogs_inventory_via_api_unas_format.csv'))
		);
		const cuts = [0, 1234, 50_001, 50_002, file.length];
		const { uploadId } = await f.stores.discogs.startUpload({
			actor: f.manager,
			chunkCount: cuts.length - 1
		});
		// Out of order and one chunk sent twice, as a flaky connection would.
		for (const index of [3, 0, 2, 1, 2]) {
			await f.stores.discogs.putChunk({
				actor: f.manager,
				uploadId,
				index,
				text: file.slice(cuts[index], cuts[index + 1])
			});
		}
		const outcome = await f.stores.discogs.commitUpload({ actor: f.manager, uploadId });
		expect(outcome).toMatchObject({ ok: true, created: 747 });
		const left = await db()
			.selectFrom('import_upload_chunks')
			.select('idx')
			.where('upload_id', '=', uploadId)
			.execute();
		expect(left).toEqual([]);
		await expect(f.stores.discogs.commitUpload({ actor: f.manager, uploadId })).rejects.toThrow(
			`No upload with id ${uploadId}`
		);
	});

	test('refuses to commit an upload with a missing chunk', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'dg-missing' });
		const { uploadId } = await f.stores.discogs.startUpload({ actor: f.manager, chunkCount: 3 });
		await f.stores.discogs.putChunk({ actor: f.manager, uploadId, index: 1, text: 'x' });
		await expect(f.stores.discogs.commitUpload({ actor: f.manager, uploadId })).rejects.toThrow(
			`upload ${uploadId} is missing chunks 0, 2`
		);
	});
});
