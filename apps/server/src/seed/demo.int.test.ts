import { createTestStore, forEachStore } from '@deadwax/db/testing';
import { classifyBarcode, parseInStoreBarcode } from '@deadwax/core';
import { verifyPin } from '@deadwax/sync';
import { expect, test } from 'vitest';
import {
	DEMO_CATALOG_PATH,
	DEMO_SHOP_ID,
	DEMO_STAFF,
	hasNoShop,
	seedDemoShop,
	type DemoSummary
} from './index.ts';

const NOW = '2026-03-01T09:00:00.000Z';
const FAST_PINS = { pinIterations: 1_000 };

forEachStore('demo seed', (store) => {
	let summary: DemoSummary;

	test('seeds only an empty store, all 1,315 releases of the Discogs sample as the catalog', async () => {
		const database = store().database;
		expect(await hasNoShop(database)).toBe(true);
		summary = await seedDemoShop(database, {
			catalogPath: DEMO_CATALOG_PATH,
			now: NOW,
			...FAST_PINS
		});
		expect(await hasNoShop(database)).toBe(false);
		expect(summary).toMatchObject({ shopId: DEMO_SHOP_ID, releases: 1315, labels: 3, staff: 3 });
		const shop = await database.db
			.selectFrom('shops')
			.selectAll()
			.where('id', '=', DEMO_SHOP_ID)
			.executeTakeFirstOrThrow();
		expect(shop).toMatchObject({
			name: 'Deadwax Demo Records',
			currency: 'EUR',
			timezone: 'Europe/Berlin',
			tax_mode: 'inclusive',
			tax_rounding: 'line'
		});
		const { count } = await database.db
			.selectFrom('releases')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(Number(count)).toBe(1315);
		const persuader = await database.db
			.selectFrom('releases')
			.selectAll()
			.where('discogs_release_id', '=', 1)
			.executeTakeFirstOrThrow();
		expect(persuader).toMatchObject({
			artist: 'The Persuader',
			title: 'Stockholm',
			label: 'Svek',
			catno: 'SK032',
			catno_key: 'SK032',
			format: '2xLP',
			year: 1999
		});
		const taxRates = await database.db
			.selectFrom('tax_classes')
			.select(['name', 'rate_ppm'])
			.where('shop_id', '=', DEMO_SHOP_ID)
			.orderBy('id')
			.execute();
		expect(taxRates.map((t) => t.rate_ppm)).toEqual([190000, 190000, 0]);
	});

	test('keeps valid barcodes only, keyed as GTIN-14 like every lookup', async () => {
		const { db } = store().database;
		const rows = await db
			.selectFrom('release_barcodes')
			.select(['barcode', 'release_id'])
			.execute();
		expect(rows.length).toBe(summary.barcodes);
		expect(rows.length).toBeGreaterThan(300);
		for (const { barcode } of rows)
			expect(classifyBarcode(barcode).kind === 'valid' && barcode.length === 14).toBe(true);
		const faze = rows.filter((r) => r.release_id === 'demo-rel-4').map((r) => r.barcode);
		expect(faze).toEqual(['00093624755524']);
	});

	test('stocks a few hundred new releases with 1 to 8 counted copies each', async () => {
		const { db } = store().database;
		const items = await db
			.selectFrom('items')
			.innerJoin('stock_levels', 'stock_levels.item_id', 'items.id')
			.select([
				'items.id',
				'items.kind',
				'items.sku',
				'items.price_cents',
				'items.cost_cents',
				'items.label_id',
				'stock_levels.on_hand'
			])
			.where('items.shop_id', '=', DEMO_SHOP_ID)
			.where('items.kind', '=', 'new')
			.where('items.label_id', 'is', null)
			.execute();
		expect(items.length).toBe(summary.newItems);
		expect(items.length).toBeGreaterThanOrEqual(200);
		for (const item of items) {
			expect(item.on_hand).toBeGreaterThanOrEqual(1);
			expect(item.on_hand).toBeLessThanOrEqual(8);
			expect(item.cost_cents).toBeLessThan(item.price_cents);
		}
		expect(items.reduce((sum, i) => sum + i.on_hand, 0)).toBe(summary.newCopies);
	});

	test('shelves about 200 used copies, one each, across the whole grading scale with in-store EAN-13s', async () => {
		const { db } = store().database;
		const used = await db
			.selectFrom('items')
			.innerJoin('stock_levels', 'stock_levels.item_id', 'items.id')
			.select([
				'items.sku',
				'items.media_grade',
				'items.sleeve_grade',
				'items.bin',
				'items.genre',
				'stock_levels.on_hand'
			])
			.where('items.kind', '=', 'used')
			.execute();
		expect(used.length).toBe(200);
		expect(new Set(used.map((u) => u.media_grade))).toEqual(
			new Set(['M', 'NM', 'VG+', 'VG', 'G+', 'G', 'F', 'P'])
		);
		const sleeves = new Set(used.map((u) => u.sleeve_grade));
		for (const s of ['Generic', 'No Cover', 'Not Graded', 'VG+']) expect(sleeves.has(s)).toBe(true);
		expect(new Set(used.map((u) => u.sku)).size).toBe(200);
		for (const u of used) {
			expect(u.on_hand).toBe(1);
			expect(u.sku).toMatch(/^2\d{12}$/);
			expect(parseInStoreBarcode(u.sku!)).not.toBeNull();
			expect(u.bin).toMatch(/^[A-H]-\d{1,2}$/);
		}
		expect(used.filter((u) => u.genre !== null).length).toBeGreaterThan(190);
	});

	test('takes consignment from three real labels of the sample under 60 %, 70 % and fixed terms', async () => {
		const { db } = store().database;
		const agreements = await db
			.selectFrom('consignment_agreements')
			.innerJoin('labels', 'labels.id', 'consignment_agreements.label_id')
			.select(['labels.name', 'share_kind', 'share_bp', 'share_cents'])
			.orderBy('labels.name')
			.execute();
		expect(agreements).toEqual([
			{ name: 'Jungle Cakes', share_kind: 'percent', share_bp: 7000, share_cents: null },
			{ name: 'Rasta Vibez', share_kind: 'percent', share_bp: 6000, share_cents: null },
			{ name: 'Svek', share_kind: 'fixed', share_bp: null, share_cents: 700 }
		]);
		const consigned = await db
			.selectFrom('items')
			.innerJoin('releases', 'releases.id', 'items.release_id')
			.innerJoin('labels', 'labels.id', 'items.label_id')
			.select(['labels.name as consignor', 'releases.label as releaseLabel', 'items.id'])
			.execute();
		expect(consigned.length).toBe(summary.consignedItems);
		for (const c of consigned) expect(c.releaseLabel).toBe(c.consignor);
		for (const name of ['Jungle Cakes', 'Rasta Vibez', 'Svek']) {
			expect(consigned.filter((c) => c.consignor === name).length).toBeGreaterThanOrEqual(5);
		}
		const movements = await db
			.selectFrom('stock_movements')
			.select(['item_id', 'reason'])
			.where('reason', '=', 'consign_in')
			.execute();
		expect(new Set(movements.map((m) => m.item_id))).toEqual(new Set(consigned.map((c) => c.id)));
	});

	test('moves every copy through the ledger, so levels equal the sum of movements', async () => {
		const { db } = store().database;
		const movements = await db
			.selectFrom('stock_movements')
			.select(['item_id', 'delta', 'reason'])
			.execute();
		const sums = new Map<string, number>();
		for (const m of movements) sums.set(m.item_id, (sums.get(m.item_id) ?? 0) + m.delta);
		const levels = await db.selectFrom('stock_levels').select(['item_id', 'on_hand']).execute();
		expect(new Map(levels.map((l) => [l.item_id, l.on_hand]))).toEqual(sums);
		expect(new Set(movements.map((m) => m.reason))).toEqual(new Set(['receive', 'consign_in']));
		const total = summary.newCopies + summary.usedItems + summary.consignedCopies;
		expect(movements.reduce((sum, m) => sum + m.delta, 0)).toBe(total);
	});

	test('appends every entity to a gap-free change feed', async () => {
		const { db } = store().database;
		const feed = await db
			.selectFrom('changes')
			.select(['seq', 'entity'])
			.where('shop_id', '=', DEMO_SHOP_ID)
			.orderBy('seq')
			.execute();
		const items = summary.newItems + summary.usedItems + summary.consignedItems;
		expect(feed.map((c) => c.seq)).toEqual(Array.from({ length: feed.length }, (_, i) => i + 1));
		const counts: Record<string, number> = {};
		for (const c of feed) counts[c.entity] = (counts[c.entity] ?? 0) + 1;
		expect(counts).toEqual({
			shop: 1,
			tax_class: 3,
			staff: 3,
			label: 3,
			agreement: 3,
			release: 1315,
			item: items,
			stock: items
		});
		const shop = await db
			.selectFrom('shops')
			.select('change_seq')
			.where('id', '=', DEMO_SHOP_ID)
			.executeTakeFirstOrThrow();
		expect(shop.change_seq).toBe(feed.length);
	});

	test('gives the demo staff the printed PINs, hashed', async () => {
		const { db } = store().database;
		for (const s of DEMO_STAFF) {
			const row = await db
				.selectFrom('staff')
				.selectAll()
				.where('id', '=', s.id)
				.executeTakeFirstOrThrow();
			expect(row).toMatchObject({ name: s.name, role: s.role, active: 1 });
			expect(await verifyPin(s.pin, row.pin_hash)).toBe(true);
			expect(await verifyPin('0000', row.pin_hash)).toBe(false);
		}
		const feedStaff = await db
			.selectFrom('changes')
			.select('data')
			.where('entity', '=', 'staff')
			.where('entity_id', '=', 'demo-clerk')
			.executeTakeFirstOrThrow();
		const snapshot = JSON.parse(feedStaff.data!) as Record<string, unknown>;
		expect(snapshot).toMatchObject({ id: 'demo-clerk', role: 'clerk', isActive: true });
		expect(await verifyPin('1234', String(snapshot['pinHash']))).toBe(true);
	});

	test('comes out the same in a second store: prices, grades, bins and quantities are seeded', async () => {
		const other = await createTestStore(store().kind);
		try {
			const again = await seedDemoShop(other.database, {
				catalogPath: DEMO_CATALOG_PATH,
				now: NOW,
				...FAST_PINS
			});
			expect(again).toEqual(summary);
			const snapshot = (database: typeof other.database) =>
				database.db
					.selectFrom('items')
					.innerJoin('stock_levels', 'stock_levels.item_id', 'items.id')
					.select([
						'items.id',
						'release_id',
						'price_cents',
						'sku',
						'media_grade',
						'sleeve_grade',
						'bin',
						'label_id',
						'on_hand'
					])
					.orderBy('items.id')
					.execute();
			expect(await snapshot(other.database)).toEqual(await snapshot(store().database));
		} finally {
			await other.dispose();
		}
	});
});
