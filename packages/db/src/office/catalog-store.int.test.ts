import type { ItemFields, ReleaseFields } from '@deadwax/sync';
import { expect, test } from 'vitest';
import { forEachStore } from '../testing/index.ts';
import { seedOfficeShop, type OfficeFixture } from './fixtures.ts';

const FAZE_ACTION: ReleaseFields = {
	artist: 'Faze Action',
	title: 'Moving Cities',
	label: 'F-111 Records',
	catno: '9 47555-2',
	format: 'CD',
	year: 1999,
	discogsReleaseId: 4,
	genres: ['Electronic'],
	// The same product typed two ways on Discogs, plus a second pressing's EAN.
	barcodes: ['0 9362-47555-2 4', '093624755524', '074646362822']
};

function usedCopy(
	f: OfficeFixture,
	releaseId: string,
	overrides: Partial<ItemFields> = {}
): ItemFields {
	return {
		releaseId,
		title: null,
		kind: 'used',
		priceCents: 1250,
		costCents: 400,
		taxClassId: f.taxClassId,
		mediaGrade: 'VG+',
		sleeveGrade: 'VG',
		bin: 'U-A',
		genre: null,
		labelId: null,
		notes: null,
		status: 'active',
		...overrides
	};
}

forEachStore('office catalog store', (store) => {
	const db = () => store().database.db;

	test('keeps several barcodes on a release, normalised to GTIN-13 and deduplicated', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'cat-barcodes' });
		const release = await f.stores.catalog.createRelease({ actor: f.manager, fields: FAZE_ACTION });
		expect(release).toMatchObject({
			version: 1,
			barcodes: ['0074646362822', '0093624755524'],
			catno: '9 47555-2'
		});
		const found = await f.stores.catalog.findByCode({ shopId: f.shopId, code: '0093624755524' });
		expect(found.kind === 'release' && found.release.id).toBe(release.id);
		const byOther = await f.stores.catalog.findByCode({ shopId: f.shopId, code: '074646362822' });
		expect(byOther.kind === 'release' && byOther.release.id).toBe(release.id);
		const feed = await db()
			.selectFrom('changes')
			.select(['entity', 'data'])
			.where('shop_id', '=', f.shopId)
			.where('entity', '=', 'release')
			.execute();
		expect(feed.map((c) => (JSON.parse(c.data!) as { barcodes: string[] }).barcodes)).toEqual([
			['0074646362822', '0093624755524']
		]);
	});

	test('refuses a barcode with a wrong check digit, naming it, and saves nothing', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'cat-badcode' });
		await expect(
			f.stores.catalog.createRelease({
				actor: f.manager,
				fields: { ...FAZE_ACTION, barcodes: ['074646362822', '0093624755525'] }
			})
		).rejects.toMatchObject({
			code: 'invalid_input',
			message: expect.stringContaining('barcodes[1]: barcode check digit is wrong') as string
		});
		const releases = await db()
			.selectFrom('releases')
			.select('id')
			.where('shop_id', '=', f.shopId)
			.execute();
		expect(releases).toEqual([]);
	});

	test('gives each used copy its own grade, price and in-store EAN-13, and counts new stock', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'cat-items' });
		const release = await f.stores.catalog.createRelease({ actor: f.manager, fields: FAZE_ACTION });
		const a = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: usedCopy(f, release.id)
		});
		const b = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: usedCopy(f, release.id, {
				mediaGrade: 'near mint',
				sleeveGrade: 'No Cover',
				priceCents: 1800
			})
		});
		expect([a.sku, b.sku]).toEqual(['2000000000015', '2000000000022']);
		expect([a.mediaGrade, a.sleeveGrade, a.onHand, a.priceCents]).toEqual(['VG+', 'VG', 1, 1250]);
		expect([b.mediaGrade, b.sleeveGrade, b.onHand, b.priceCents]).toEqual([
			'NM',
			'No Cover',
			1,
			1800
		]);
		const sealed = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: usedCopy(f, release.id, {
				kind: 'new',
				mediaGrade: null,
				sleeveGrade: null,
				priceCents: 1499
			}),
			quantity: 5
		});
		expect([sealed.sku, sealed.onHand, sealed.mediaGrade]).toEqual([null, 5, null]);
		const byScan = await f.stores.catalog.findByCode({ shopId: f.shopId, code: b.sku! });
		expect(byScan.kind === 'item' && byScan.item.id).toBe(b.id);
		const detail = await f.stores.catalog.releaseById({ shopId: f.shopId, releaseId: release.id });
		expect([detail.release.itemCount, detail.release.onHand]).toEqual([3, 7]);
	});

	test('refuses an ungraded used copy and a sleeve-only grade as media grade', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'cat-grades' });
		const release = await f.stores.catalog.createRelease({ actor: f.manager, fields: FAZE_ACTION });
		await expect(
			f.stores.catalog.createItem({
				actor: f.manager,
				fields: usedCopy(f, release.id, { mediaGrade: null })
			})
		).rejects.toThrow('media grade is required for a used copy');
		await expect(
			f.stores.catalog.createItem({
				actor: f.manager,
				fields: usedCopy(f, release.id, { mediaGrade: 'Generic' })
			})
		).rejects.toThrow('Generic is a sleeve condition, not a media grade');
	});

	test('refuses a stale item edit, saying which fields changed and their values, and keeps the newer one', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'cat-stale' });
		const release = await f.stores.catalog.createRelease({ actor: f.manager, fields: FAZE_ACTION });
		const item = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: usedCopy(f, release.id)
		});
		const opened = usedCopy(f, release.id);
		const saved = await f.stores.catalog.updateItem({
			actor: f.owner,
			itemId: item.id,
			version: item.version,
			fields: { ...opened, priceCents: 1499, bin: 'U-B' }
		});
		expect(saved.version).toBe(2);
		await expect(
			f.stores.catalog.updateItem({
				actor: f.manager,
				itemId: item.id,
				version: item.version,
				fields: { ...opened, notes: 'small seam split' }
			})
		).rejects.toMatchObject({
			code: 'conflict',
			message:
				'Ola Owner changed this item after you opened it (you edited version 1, it is now version 2): price is now 14.99 EUR; bin is now "U-B". Nothing was saved; reload to edit the current version.'
		});
		const now = await f.stores.catalog.itemById({ shopId: f.shopId, itemId: item.id });
		expect([now.version, now.priceCents, now.bin, now.notes]).toEqual([2, 1499, 'U-B', null]);
	});

	test('refuses a stale release edit and names the changed barcodes', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'cat-stale-release' });
		const release = await f.stores.catalog.createRelease({ actor: f.manager, fields: FAZE_ACTION });
		await f.stores.catalog.updateRelease({
			actor: f.owner,
			releaseId: release.id,
			version: 1,
			fields: { ...FAZE_ACTION, barcodes: ['074646362822'] }
		});
		await expect(
			f.stores.catalog.updateRelease({
				actor: f.manager,
				releaseId: release.id,
				version: 1,
				fields: { ...FAZE_ACTION, year: 2000 }
			})
		).rejects.toThrow('barcodes is now 0074646362822. Nothing was saved');
		const detail = await f.stores.catalog.releaseById({ shopId: f.shopId, releaseId: release.id });
		expect([detail.release.year, detail.release.version]).toEqual([1999, 2]);
	});

	test('writes an audit entry for each catalog write, naming who did it', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'cat-audit' });
		const release = await f.stores.catalog.createRelease({ actor: f.manager, fields: FAZE_ACTION });
		const item = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: usedCopy(f, release.id)
		});
		await f.stores.catalog.updateItem({
			actor: f.owner,
			itemId: item.id,
			version: 1,
			fields: usedCopy(f, release.id, { priceCents: 999 })
		});
		const log = await f.stores.audit.list({ shopId: f.shopId, limit: 10 });
		expect(log.map((e) => [e.action, e.actorName, e.subject])).toEqual([
			['item.updated', 'Ola Owner', item.id],
			['item.created', 'Mika Manager', item.id],
			['release.created', 'Mika Manager', release.id]
		]);
		expect(log[0]!.detail).toEqual({ version: 2, changed: ['priceCents'] });
	});

	test('finds items by artist, catalog number typed another way, barcode and SKU', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'cat-search' });
		const release = await f.stores.catalog.createRelease({ actor: f.manager, fields: FAZE_ACTION });
		const item = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: usedCopy(f, release.id)
		});
		for (const search of ['faze', '947555-2', '0 9362-47555-2 4', item.sku!]) {
			const { items, total } = await f.stores.catalog.listItems({
				shopId: f.shopId,
				search,
				limit: 10,
				offset: 0
			});
			expect([search, total, items.map((i) => i.id)]).toEqual([search, 1, [item.id]]);
		}
		const none = await f.stores.catalog.listItems({
			shopId: f.shopId,
			search: 'nothing like it',
			limit: 10,
			offset: 0
		});
		expect(none.total).toBe(0);
	});
});
