import { expect, test } from 'vitest';
import { appendChange } from './change-feed.ts';
import { forEachStore, insertTestShop } from './testing/index.ts';

forEachStore('change feed', (store) => {
	test('gives each shop its own gap-free increasing seq', async () => {
		const { db } = store().database;
		await insertTestShop(db, { id: 'feed-a' });
		await insertTestShop(db, { id: 'feed-b' });
		const seqs: Record<string, number[]> = { 'feed-a': [], 'feed-b': [] };
		for (let i = 0; i < 5; i++) {
			for (const shopId of ['feed-a', 'feed-b'] as const) {
				const { seq } = await db
					.transaction()
					.execute((trx) => appendChange(trx, shopId, 'label', `label-${i}`, { n: i }));
				seqs[shopId]!.push(seq);
			}
		}
		expect(seqs).toEqual({ 'feed-a': [1, 2, 3, 4, 5], 'feed-b': [1, 2, 3, 4, 5] });
		const shop = await db
			.selectFrom('shops')
			.select('change_seq')
			.where('id', '=', 'feed-a')
			.executeTakeFirstOrThrow();
		expect(shop.change_seq).toBe(5);
	});

	test('stays gap-free under concurrent writers and when a writer rolls back', async () => {
		const { db } = store().database;
		await insertTestShop(db, { id: 'feed-c' });
		const writers = Array.from({ length: 20 }, (_, i) =>
			db.transaction().execute(async (trx) => {
				await appendChange(trx, 'feed-c', 'item', `item-${i}`, { i });
				if (i % 4 === 0) throw new Error('roll this one back');
			})
		);
		const outcomes = await Promise.allSettled(writers);
		expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(5);
		const rows = await db
			.selectFrom('changes')
			.select(['seq', 'entity_id'])
			.where('shop_id', '=', 'feed-c')
			.orderBy('seq')
			.execute();
		expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
		expect(new Set(rows.map((r) => r.entity_id)).size).toBe(15);
		expect(rows.some((r) => r.entity_id === 'item-0')).toBe(false);
	});

	test('stores the snapshot as JSON and a delete as null', async () => {
		const { db } = store().database;
		await insertTestShop(db, { id: 'feed-d' });
		await db.transaction().execute(async (trx) => {
			await appendChange(trx, 'feed-d', 'release', 'rel-1', { title: 'Stockholm', year: 1999 });
			await appendChange(trx, 'feed-d', 'release', 'rel-1', null);
		});
		const rows = await db
			.selectFrom('changes')
			.selectAll()
			.where('shop_id', '=', 'feed-d')
			.orderBy('seq')
			.execute();
		expect(rows).toEqual([
			{
				shop_id: 'feed-d',
				seq: 1,
				entity: 'release',
				entity_id: 'rel-1',
				data: '{"title":"Stockholm","year":1999}'
			},
			{ shop_id: 'feed-d', seq: 2, entity: 'release', entity_id: 'rel-1', data: null }
		]);
	});

	test('refuses a shop that does not exist', async () => {
		const { db } = store().database;
		await expect(appendChange(db, 'no-such-shop', 'shop', 'x', {})).rejects.toThrow(
			'appendChange: shop no-such-shop does not exist'
		);
	});
});
