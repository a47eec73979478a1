import { expect, test } from 'vitest';
import { forEachStore, insertTestShop } from './testing/index.ts';

/*
 * One expected value for both dialects: a row written on SQLite or PostgreSQL reads back as the
 * same JS object (bigint money as numbers, 0/1 flags, JSON text, ISO timestamps untouched).
 */
const EXPECTED_ITEM = {
	id: 'item-1',
	shop_id: 'shop-rt',
	release_id: 'rel-1',
	title: null,
	kind: 'used',
	sku: '2000000000015',
	// Beyond 2^31, so a 32-bit column or parser would break it.
	price_cents: 4_294_967_296_01,
	cost_cents: 1250,
	tax_class_id: 'tc-records',
	media_grade: 'VG+',
	sleeve_grade: 'Generic',
	bin: 'A-12',
	genre: 'Electronic',
	label_id: null,
	notes: 'Zwölf Zoll — 十二インチ',
	status: 'active',
	version: 1,
	updated_at: '2026-03-01T10:15:00.000Z'
};

forEachStore('a row written reads back the same on every store', (store) => {
	test('reads back an item exactly as written, with defaults filled in', async () => {
		const { db } = store().database;
		await insertTestShop(db, { id: 'shop-rt' });
		await db
			.insertInto('tax_classes')
			.values({
				id: 'tc-records',
				shop_id: 'shop-rt',
				name: 'Records',
				rate_ppm: 190000,
				updated_at: '2026-03-01T10:00:00.000Z'
			})
			.execute();
		await db
			.insertInto('releases')
			.values({
				id: 'rel-1',
				shop_id: 'shop-rt',
				artist: 'The Persuader',
				title: 'Stockholm',
				label: 'Svek',
				catno: 'SK032',
				catno_key: 'SK032',
				format: '2xLP',
				year: 1999,
				discogs_release_id: 1,
				genres: JSON.stringify(['Electronic']),
				updated_at: '2026-03-01T10:00:00.000Z'
			})
			.execute();
		const { status: _status, version: _version, ...insertable } = EXPECTED_ITEM;
		await db
			.insertInto('items')
			.values({ ...insertable, kind: 'used' })
			.execute();

		// The foundation's columns; later migrations may add more.
		const columns = Object.keys(EXPECTED_ITEM) as (keyof typeof EXPECTED_ITEM)[];
		const item = await db
			.selectFrom('items')
			.select(columns)
			.where('id', '=', 'item-1')
			.executeTakeFirstOrThrow();
		expect(item).toEqual(EXPECTED_ITEM);
		const shop = await db
			.selectFrom('shops')
			.selectAll()
			.where('id', '=', 'shop-rt')
			.executeTakeFirstOrThrow();
		expect(shop.change_seq).toBe(0);
		expect(shop.cash_rounding_cents).toBe(1);
		expect(shop.locale).toBe('en-US');
		const release = await db
			.selectFrom('releases')
			.select(['genres', 'year', 'discogs_release_id'])
			.where('id', '=', 'rel-1')
			.executeTakeFirstOrThrow();
		expect(release).toEqual({ genres: '["Electronic"]', year: 1999, discogs_release_id: 1 });
		const taxClass = await db
			.selectFrom('tax_classes')
			.select('active')
			.where('id', '=', 'tc-records')
			.executeTakeFirstOrThrow();
		expect(taxClass.active).toBe(1);
	});

	test('sums bigint money to a JS number on both dialects', async () => {
		const { db } = store().database;
		const { total } = await db
			.selectFrom('items')
			.select((eb) => eb.fn.sum<number>('price_cents').as('total'))
			.where('shop_id', '=', 'shop-rt')
			.executeTakeFirstOrThrow();
		expect(total).toBe(EXPECTED_ITEM.price_cents);
	});
});
