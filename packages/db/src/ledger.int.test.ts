import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { lockShopFeed } from './change-feed.ts';
import { recordMovement, stockLevels, writeMovements } from './ledger.ts';
import type { Schema } from './schema.ts';
import type { Kysely } from 'kysely';
import { forEachStore, insertTestShop } from './testing/index.ts';

const AT = '2026-03-01T10:00:00.000Z';

async function insertItems(db: Kysely<Schema>, shopId: string, ids: string[]): Promise<void> {
	await insertTestShop(db, { id: shopId });
	await db
		.insertInto('tax_classes')
		.values({
			id: `${shopId}-tc`,
			shop_id: shopId,
			name: 'Records',
			rate_ppm: 190000,
			updated_at: AT
		})
		.execute();
	for (const id of ids) {
		await db
			.insertInto('items')
			.values({
				id,
				shop_id: shopId,
				title: id,
				kind: 'new',
				price_cents: 2499,
				tax_class_id: `${shopId}-tc`,
				updated_at: AT
			})
			.execute();
	}
}

async function sumsOfMovements(db: Kysely<Schema>, shopId: string): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('stock_movements')
		.select(['item_id', sql<number>`sum(delta)`.as('total')])
		.where('shop_id', '=', shopId)
		.groupBy('item_id')
		.execute();
	return new Map(rows.map((r) => [r.item_id, Number(r.total)]));
}

forEachStore('stock ledger', (store) => {
	test('keeps every stock level equal to the sum of its movements', async () => {
		const { db } = store().database;
		await insertItems(db, 'ledger-a', ['a1', 'a2', 'a3']);
		const deltas: [string, number, 'receive' | 'sale' | 'return' | 'adjust'][] = [
			['a1', 5, 'receive'],
			['a2', 1, 'receive'],
			['a1', -2, 'sale'],
			['a1', 1, 'return'],
			['a2', -1, 'sale'],
			['a3', 3, 'receive'],
			['a3', -1, 'adjust']
		];
		for (const [itemId, delta, reason] of deltas) {
			await db
				.transaction()
				.execute((trx) =>
					recordMovement(trx, { shopId: 'ledger-a', itemId, delta, reason, at: AT, by: 'test' })
				);
		}
		const levels = await stockLevels(db, 'ledger-a');
		expect(levels).toEqual(
			new Map([
				['a1', 4],
				['a2', 0],
				['a3', 2]
			])
		);
		expect(levels).toEqual(await sumsOfMovements(db, 'ledger-a'));
	});

	test('lets stock go below zero when two registers sold the last copy', async () => {
		const { db } = store().database;
		await insertItems(db, 'ledger-b', ['b1']);
		await recordMovement(db, {
			shopId: 'ledger-b',
			itemId: 'b1',
			delta: 1,
			reason: 'receive',
			at: AT
		});
		const results = await Promise.all(
			['sale-1', 'sale-2'].map((refId) =>
				db.transaction().execute((trx) =>
					recordMovement(trx, {
						shopId: 'ledger-b',
						itemId: 'b1',
						delta: -1,
						reason: 'sale',
						refKind: 'sale',
						refId,
						at: AT
					})
				)
			)
		);
		expect(results.map((r) => r.onHand).sort()).toEqual([-1, 0]);
		expect((await stockLevels(db, 'ledger-b')).get('b1')).toBe(-1);
	});

	test('appends each new level to the change feed in the same transaction', async () => {
		const { db } = store().database;
		await insertItems(db, 'ledger-c', ['c1']);
		await db.transaction().execute(async (trx) => {
			await recordMovement(trx, {
				shopId: 'ledger-c',
				itemId: 'c1',
				delta: 4,
				reason: 'consign_in',
				at: AT
			});
			await recordMovement(trx, {
				shopId: 'ledger-c',
				itemId: 'c1',
				delta: -1,
				reason: 'return_to_label',
				at: AT
			});
		});
		const feed = await db
			.selectFrom('changes')
			.select(['seq', 'entity', 'entity_id', 'data'])
			.where('shop_id', '=', 'ledger-c')
			.orderBy('seq')
			.execute();
		expect(feed).toEqual([
			{ seq: 1, entity: 'stock', entity_id: 'c1', data: '{"itemId":"c1","onHand":4}' },
			{ seq: 2, entity: 'stock', entity_id: 'c1', data: '{"itemId":"c1","onHand":3}' }
		]);
	});

	test('rolls the movement, the level and the feed back together', async () => {
		const { db } = store().database;
		await insertItems(db, 'ledger-d', ['d1']);
		await expect(
			db.transaction().execute(async (trx) => {
				await recordMovement(trx, {
					shopId: 'ledger-d',
					itemId: 'd1',
					delta: 2,
					reason: 'receive',
					at: AT
				});
				throw new Error('abandon the delivery');
			})
		).rejects.toThrow('abandon the delivery');
		expect(await stockLevels(db, 'ledger-d')).toEqual(new Map());
		expect(
			await db.selectFrom('changes').select('seq').where('shop_id', '=', 'ledger-d').execute()
		).toEqual([]);
		expect(
			await db
				.selectFrom('stock_movements')
				.select('id')
				.where('shop_id', '=', 'ledger-d')
				.execute()
		).toEqual([]);
	});

	test('refuses a zero or fractional delta and writes nothing', async () => {
		const { db } = store().database;
		await insertItems(db, 'ledger-e', ['e1']);
		for (const delta of [0, 1.5]) {
			await expect(
				recordMovement(db, { shopId: 'ledger-e', itemId: 'e1', delta, reason: 'adjust', at: AT })
			).rejects.toThrow(`stock movement delta must be a whole number other than 0 (got ${delta})`);
		}
		expect(
			await db
				.selectFrom('stock_movements')
				.select('id')
				.where('shop_id', '=', 'ledger-e')
				.execute()
		).toEqual([]);
	});
	test('writes many movements at once, with each one’s on-hand and feed entry in order', async () => {
		const { db } = store().database;
		await insertItems(db, 'ledger-f', ['f1', 'f2']);
		await recordMovement(db, {
			shopId: 'ledger-f',
			itemId: 'f1',
			delta: 2,
			reason: 'receive',
			at: AT
		});
		const written = await db.transaction().execute(async (trx) => {
			await lockShopFeed(trx, 'ledger-f');
			return writeMovements(
				trx,
				'ledger-f',
				[
					['f1', -3],
					['f2', 4],
					['f1', 5],
					['f2', -1]
				].map(([itemId, delta]) => ({
					itemId: itemId as string,
					delta: delta as number,
					reason: 'adjust' as const,
					at: AT
				}))
			);
		});
		expect(written.movements.map((m) => m.onHand)).toEqual([-1, 4, 4, 3]);
		expect(written.changes).toEqual([
			{ entity: 'stock', entityId: 'f1', data: { itemId: 'f1', onHand: -1 } },
			{ entity: 'stock', entityId: 'f2', data: { itemId: 'f2', onHand: 4 } },
			{ entity: 'stock', entityId: 'f1', data: { itemId: 'f1', onHand: 4 } },
			{ entity: 'stock', entityId: 'f2', data: { itemId: 'f2', onHand: 3 } }
		]);
		const levels = await stockLevels(db, 'ledger-f');
		expect(levels).toEqual(
			new Map([
				['f1', 4],
				['f2', 3]
			])
		);
		expect(levels).toEqual(await sumsOfMovements(db, 'ledger-f'));
		await expect(
			writeMovements(db, 'ledger-f', [{ itemId: 'f1', delta: 0, reason: 'adjust', at: AT }])
		).rejects.toThrow('stock movement delta must be a whole number other than 0 (got 0)');
	});
});
