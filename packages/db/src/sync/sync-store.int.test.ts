import { saleOp, saleRecord, returnOp, returnRecord } from '@deadwax/sync/testing';
import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { expect, test } from 'vitest';
import type { Schema } from '../schema.ts';
import { forEachStore } from '../testing/index.ts';
import { createDeviceStore, createSyncStore } from './index.ts';
import { seedSyncShop } from './fixtures.ts';

const NOW = '2026-03-01T10:00:00.000Z';

function stores(db: Kysely<Schema>, now = () => NOW) {
	return { sync: createSyncStore({ db, now }), devices: createDeviceStore({ db, now }) };
}

async function ledgerSums(db: Kysely<Schema>, shopId: string): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('stock_movements')
		.select(['item_id', sql<number>`sum(delta)`.as('total')])
		.where('shop_id', '=', shopId)
		.groupBy('item_id')
		.execute();
	return new Map(rows.map((r) => [r.item_id, Number(r.total)]));
}

async function levels(db: Kysely<Schema>, shopId: string): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('stock_levels')
		.select(['item_id', 'on_hand'])
		.where('shop_id', '=', shopId)
		.execute();
	return new Map(rows.map((r) => [r.item_id, r.on_hand]));
}

async function flags(db: Kysely<Schema>, shopId: string) {
	return db
		.selectFrom('review_flags')
		.select(['kind', 'subject', 'detail'])
		.where('shop_id', '=', shopId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

const sale = (itemId: string, quantity = 1, extra: { labelId?: string } = {}) =>
	saleRecord([{ itemId, quantity, unitPriceCents: 1000, ...extra }], { completedAt: NOW });

/** A `trade_in.completed` op buying one used record per item id, all under tax class `taxClassId`. */
const tradeInOp = (taxClassId: string, itemIds: readonly string[]) => ({
	opId: uuidv7(),
	deviceId: 'd1',
	deviceSeq: 1,
	deviceTime: NOW,
	kind: 'trade_in.completed' as const,
	payload: {
		tradeInId: uuidv7(),
		receiptNo: 'K1-T00001',
		clerkId: 'clerk-1',
		currency: 'EUR',
		businessDay: '2026-03-01',
		completedAt: NOW,
		lines: itemIds.map((itemId, i) => ({
			lineId: `line-${i + 1}`,
			itemId,
			releaseId: null,
			description: `Used ${itemId}`,
			mediaGrade: 'VG+' as const,
			sleeveGrade: 'VG' as const,
			offerCents: 500,
			costBasisCents: 500,
			priceCents: 1200,
			taxClassId
		})),
		offerCents: 500 * itemIds.length,
		payout: { kind: 'cash' as const, amountCents: 500 * itemIds.length }
	}
});

forEachStore('sync store', (store) => {
	test('applies a pushed sale once however often and however batched it arrives', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'once', items: { 'once-a': 5 } });
		const { sync } = stores(db);
		const op = saleOp(sale('once-a', 2), { deviceId: 'd1', deviceTime: NOW });
		const first = await sync.push({ shopId: 'once', deviceId: 'd1', ops: [op, op] });
		const again = await sync.push({ shopId: 'once', deviceId: 'd1', ops: [op] });
		expect(first.results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
		expect(again.results).toEqual([
			{ opId: op.opId, status: 'duplicate', reason: 'already applied' }
		]);
		expect(await levels(db, 'once')).toEqual(new Map([['once-a', 3]]));
		const sales = await db
			.selectFrom('sales')
			.select(['id', 'total_cents'])
			.where('shop_id', '=', 'once')
			.execute();
		expect(sales).toEqual([{ id: op.payload.saleId, total_cents: 2000 }]);
	});

	test('applies a sale still in an old register’s outbox with taxRateBp (protocol 5) as ppm', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'oldbp', items: { 'oldbp-a': 2 } });
		const { sync } = stores(db);
		const record = sale('oldbp-a');
		// The protocol 5 wire shape: 19 % as 1900 bp, and no taxRatePpm.
		const lines = record.lines.map(({ taxRatePpm: _ppm, ...l }) => ({
			...l,
			taxRateBp: 1900,
			taxCents: 160
		}));
		const op = saleOp({ ...record, taxCents: 160 }, { deviceId: 'd1', deviceTime: NOW });
		const old = { ...op, payload: { ...op.payload, lines } };
		const pushed = await sync.push({ shopId: 'oldbp', deviceId: 'd1', ops: [old] });
		expect(pushed.results.map((r) => r.status)).toEqual(['applied']);
		const rows = await db
			.selectFrom('sale_lines')
			.select(['tax_rate_ppm', 'tax_cents'])
			.where('shop_id', '=', 'oldbp')
			.execute();
		expect(rows).toEqual([{ tax_rate_ppm: 190_000, tax_cents: 160 }]);
		const stored = await db
			.selectFrom('sales')
			.select('record')
			.where('shop_id', '=', 'oldbp')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(stored.record)).toMatchObject({ lines: [{ taxRatePpm: 190_000 }] });
		expect(stored.record).not.toContain('taxRateBp');
	});

	test('writes one sale movement per line and keeps every level equal to its ledger', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'ledger', items: { 'ledger-a': 3, 'ledger-b': 2 } });
		const { sync } = stores(db);
		const record = saleRecord(
			[
				{ itemId: 'ledger-a', quantity: 1 },
				{ itemId: 'ledger-b', quantity: 2 },
				{ itemId: 'ledger-a', quantity: 1 }
			],
			{ completedAt: NOW }
		);
		await sync.push({
			shopId: 'ledger',
			deviceId: 'd1',
			ops: [saleOp(record, { deviceTime: NOW })]
		});
		const moves = await db
			.selectFrom('stock_movements')
			.select(['item_id', 'delta', 'reason', 'ref_id'])
			.where('shop_id', '=', 'ledger')
			.where('reason', '=', 'sale')
			.orderBy('id')
			.execute();
		expect(moves).toHaveLength(3);
		expect(moves.every((m) => m.ref_id === record.saleId)).toBe(true);
		expect(await levels(db, 'ledger')).toEqual(
			new Map([
				['ledger-a', 1],
				['ledger-b', 0]
			])
		);
		expect(await ledgerSums(db, 'ledger')).toEqual(await levels(db, 'ledger'));
	});

	test('accepts both offline sales of the last copy, goes to −1 and flags the one that oversold', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'last', items: { 'last-rare': 1 } });
		const { sync } = stores(db);
		const fromA = saleOp(sale('last-rare'), { deviceId: 'A', deviceTime: NOW });
		const fromB = saleOp(sale('last-rare'), { deviceId: 'B', deviceTime: NOW });
		const a = await sync.push({ shopId: 'last', deviceId: 'A', ops: [fromA] });
		const b = await sync.push({ shopId: 'last', deviceId: 'B', ops: [fromB] });
		expect(a.results[0]).toEqual({ opId: fromA.opId, status: 'applied' });
		expect(b.results[0]).toEqual({ opId: fromB.opId, status: 'flagged', reason: 'oversell' });
		expect(await levels(db, 'last')).toEqual(new Map([['last-rare', -1]]));
		const raised = await flags(db, 'last');
		expect(raised.map((f) => [f.kind, f.subject, JSON.parse(f.detail) as unknown])).toEqual([
			['oversell', fromB.payload.saleId, { itemId: 'last-rare', quantity: 1, onHand: -1 }]
		]);
		const stored = await db
			.selectFrom('sales')
			.select(['id', 'is_flagged'])
			.where('shop_id', '=', 'last')
			.orderBy('id')
			.execute();
		expect(stored.find((s) => s.id === fromB.payload.saleId)?.is_flagged).toBe(1);
	});

	test('accepts a sale of an item the server does not know and flags it', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'unknown', items: { 'unknown-a': 1 } });
		const { sync } = stores(db);
		const op = saleOp(sale('unknown-ghost'), { deviceTime: NOW });
		const { results } = await sync.push({ shopId: 'unknown', deviceId: 'd1', ops: [op] });
		expect(results[0]).toEqual({ opId: op.opId, status: 'flagged', reason: 'unknown_item' });
		expect((await flags(db, 'unknown')).map((f) => f.kind)).toEqual(['unknown_item']);
		expect(
			await db.selectFrom('sales').select('id').where('shop_id', '=', 'unknown').execute()
		).toHaveLength(1);
		expect(await ledgerSums(db, 'unknown')).toEqual(new Map([['unknown-a', 1]]));
	});

	test('parks a malformed op as rejected data, naming the field, and applies the ops behind it', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'poison', items: { 'poison-a': 3 } });
		const { sync } = stores(db);
		const good = saleOp(sale('poison-a'), { deviceTime: NOW });
		const poisoned = { ...saleOp(sale('poison-a'), { deviceTime: NOW }), deviceSeq: 0 };
		const { results } = await sync.push({
			shopId: 'poison',
			deviceId: 'd1',
			ops: [poisoned, good]
		});
		expect(results).toEqual([
			{
				opId: poisoned.opId,
				status: 'rejected',
				reason: 'deviceSeq: Too small: expected number to be >=1'
			},
			{ opId: good.opId, status: 'applied' }
		]);
		const parked = await db
			.selectFrom('applied_ops')
			.select(['status', 'payload'])
			.where('op_id', '=', poisoned.opId)
			.executeTakeFirstOrThrow();
		expect(parked.status).toBe('rejected');
		expect(JSON.parse(parked.payload)).toEqual(poisoned);
		expect((await flags(db, 'poison')).map((f) => f.kind)).toEqual(['invalid_op']);
		expect(await levels(db, 'poison')).toEqual(new Map([['poison-a', 2]]));
	});

	test('flags an op stamped more than five minutes ahead of the server clock, and applies it', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'skew', items: { 'skew-a': 3 } });
		const { sync } = stores(db);
		const ahead = saleOp(sale('skew-a'), { deviceTime: '2026-03-01T10:06:00.000Z' });
		const late = saleOp(sale('skew-a'), { deviceTime: '2026-02-27T10:00:00.000Z' });
		const { results } = await sync.push({ shopId: 'skew', deviceId: 'd1', ops: [ahead, late] });
		expect(results.map((r) => [r.status, r.reason])).toEqual([
			['flagged', 'clock_skew'],
			['applied', undefined]
		]);
		expect(await levels(db, 'skew')).toEqual(new Map([['skew-a', 1]]));
	});

	test('restocks returned copies, writes off damaged ones, and reverses the label’s share', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'returns', items: { 'returns-a': 5 } });
		const { sync } = stores(db);
		const sold = saleRecord(
			[{ itemId: 'returns-a', quantity: 2, unitPriceCents: 1000, labelId: fx.labelId }],
			{ completedAt: NOW }
		);
		const back = returnRecord(sold, [{ lineIndex: 0, quantity: 1 }], { completedAt: NOW });
		const damaged = returnRecord(sold, [{ lineIndex: 0, quantity: 1, restock: false }], {
			completedAt: NOW
		});
		const { results } = await sync.push({
			shopId: 'returns',
			deviceId: 'd1',
			ops: [
				saleOp(sold, { deviceTime: NOW }),
				returnOp(back, { deviceTime: NOW }),
				returnOp(damaged, { deviceTime: NOW })
			]
		});
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
		expect(await levels(db, 'returns')).toEqual(new Map([['returns-a', 4]]));
		const payables = await db
			.selectFrom('payable_entries')
			.select(['kind', 'amount_cents'])
			.where('shop_id', '=', 'returns')
			.orderBy('at')
			.orderBy('id')
			.execute();
		expect(payables).toEqual([
			{ kind: 'sale', amount_cents: 1000 },
			{ kind: 'return', amount_cents: -500 },
			{ kind: 'return', amount_cents: -500 }
		]);
	});

	test('turns each traded-in record into a used item with one copy, flagging a line it cannot place', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'tradein', items: { 'tradein-a': 1 } });
		const { sync } = stores(db);
		const line = (itemId: string, taxClassId = fx.taxClassId) => ({
			lineId: `${itemId}-line`,
			itemId,
			releaseId: null,
			description: `Used ${itemId}`,
			mediaGrade: 'VG+' as const,
			sleeveGrade: 'VG' as const,
			offerCents: 500,
			costBasisCents: 500,
			priceCents: 1200,
			taxClassId
		});
		const op = {
			opId: uuidv7(),
			deviceId: 'd1',
			deviceSeq: 1,
			deviceTime: NOW,
			kind: 'trade_in.completed' as const,
			payload: {
				tradeInId: uuidv7(),
				receiptNo: 'K1-T00001',
				clerkId: 'clerk-1',
				currency: 'EUR',
				businessDay: '2026-03-01',
				completedAt: NOW,
				lines: [line('tradein-u1'), line('tradein-u2', 'no-such-class'), line('tradein-a')],
				offerCents: 1500,
				payout: { kind: 'cash' as const, amountCents: 1500 }
			}
		};
		const { results } = await sync.push({ shopId: 'tradein', deviceId: 'd1', ops: [op] });
		expect(results[0]).toEqual({ opId: op.opId, status: 'flagged', reason: 'unknown_item' });
		const used = await db
			.selectFrom('items')
			.select(['id', 'kind', 'media_grade', 'price_cents', 'cost_cents'])
			.where('shop_id', '=', 'tradein')
			.where('kind', '=', 'used')
			.execute();
		expect(used).toEqual([
			{ id: 'tradein-u1', kind: 'used', media_grade: 'VG+', price_cents: 1200, cost_cents: 500 }
		]);
		expect(await levels(db, 'tradein')).toEqual(
			new Map([
				['tradein-a', 1],
				['tradein-u1', 1]
			])
		);
		const feed = await sync.pull({ shopId: 'tradein', cursor: 0, limit: 1000 });
		expect(feed.changes.filter((c) => c.entityId === 'tradein-u1').map((c) => c.entity)).toEqual([
			'item',
			'stock'
		]);
		expect((await flags(db, 'tradein')).map((f) => JSON.parse(f.detail) as unknown)).toEqual([
			{
				itemId: 'tradein-u2',
				lineId: 'tradein-u2-line',
				problem: 'unknown tax class no-such-class'
			},
			{ itemId: 'tradein-a', lineId: 'tradein-a-line', problem: 'item id already exists' }
		]);
	});

	test('puts each pushed trade-in in the change feed with the record the register keeps, flagged or not', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'tradein-feed', items: {} });
		const { sync } = stores(db);
		const credit = tradeInOp(fx.taxClassId, ['tradein-feed-u1']);
		const voucher = {
			kind: 'store_credit' as const,
			amountCents: 600,
			bonusCents: 100,
			voucherCode: 'CR-K1-T00001'
		};
		const op = { ...credit, payload: { ...credit.payload, offerCents: 500, payout: voucher } };
		// Nothing of it can be placed: the voucher was handed over all the same.
		const unplaced = tradeInOp('no-such-class', ['tradein-feed-u2']);
		const { results } = await sync.push({
			shopId: 'tradein-feed',
			deviceId: 'd1',
			ops: [op, { ...unplaced, deviceSeq: 2 }]
		});
		expect(results.map((r) => r.status)).toEqual(['applied', 'flagged']);

		const feed = await sync.pull({ shopId: 'tradein-feed', cursor: 0, limit: 1000 });
		const tradeIns = feed.changes.filter((c) => c.entity === 'trade_in');
		expect(tradeIns).toEqual([
			{
				seq: expect.any(Number) as number,
				entity: 'trade_in',
				entityId: op.payload.tradeInId,
				data: { ...op.payload, deviceId: 'd1', isFlagged: false, flags: [] }
			},
			{
				seq: expect.any(Number) as number,
				entity: 'trade_in',
				entityId: unplaced.payload.tradeInId,
				data: { ...unplaced.payload, deviceId: 'd1', isFlagged: true, flags: ['unknown_item'] }
			}
		]);
		// After the item and its level, so a register that has the trade-in has its stock too.
		const itemSeq = feed.changes.find((c) => c.entityId === 'tradein-feed-u1')!.seq;
		expect(tradeIns[0]!.seq).toBeGreaterThan(itemSeq);
		expect(feed.highWater).toBe(feed.cursor);
	});

	test('rejects a trade-in repeating an item id as data, applies the sales around it, and answers a retry', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'dup-tradein', items: { 'dup-tradein-a': 5 } });
		const { sync } = stores(db);
		const first = saleOp(sale('dup-tradein-a'), { deviceTime: NOW });
		const bad = tradeInOp(fx.taxClassId, ['dup-tradein-u1', 'dup-tradein-u1']);
		const last = saleOp(sale('dup-tradein-a'), { deviceTime: NOW });
		const reason = 'payload.lines.1.itemId: repeats item id dup-tradein-u1 of payload.lines.0';
		const batch = { shopId: 'dup-tradein', deviceId: 'd1', ops: [first, bad, last] };
		const { results } = await sync.push(batch);
		expect(results).toEqual([
			{ opId: first.opId, status: 'applied' },
			{ opId: bad.opId, status: 'rejected', reason },
			{ opId: last.opId, status: 'applied' }
		]);
		const retry = await sync.push(batch);
		expect(retry.results).toEqual([
			{ opId: first.opId, status: 'duplicate', reason: 'already applied' },
			{ opId: bad.opId, status: 'duplicate', reason: `already rejected: ${reason}` },
			{ opId: last.opId, status: 'duplicate', reason: 'already applied' }
		]);
		const parked = await db
			.selectFrom('applied_ops')
			.select(['status', 'reason', 'kind', 'payload'])
			.where('op_id', '=', bad.opId)
			.executeTakeFirstOrThrow();
		expect({ ...parked, payload: JSON.parse(parked.payload) as unknown }).toEqual({
			status: 'rejected',
			reason,
			kind: 'trade_in.completed',
			payload: bad
		});
		expect((await flags(db, 'dup-tradein')).map((f) => [f.kind, f.subject])).toEqual([
			['invalid_op', bad.opId]
		]);
		expect(await levels(db, 'dup-tradein')).toEqual(new Map([['dup-tradein-a', 3]]));
		const used = await db
			.selectFrom('items')
			.select('id')
			.where('id', '=', 'dup-tradein-u1')
			.execute();
		expect(used).toEqual([]);
	});

	test('rejects a sale or return repeating a line id, and flags a trade-in of another shop’s item id', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'dup-lines', items: { 'dup-lines-a': 5 } });
		await seedSyncShop(db, { shopId: 'dup-other', items: { 'dup-other-a': 1 } });
		const { sync } = stores(db);
		const sold = sale('dup-lines-a', 1);
		const repeatedSale = saleRecord(
			[
				{ itemId: 'dup-lines-a', quantity: 1 },
				{ itemId: 'dup-lines-a', quantity: 1 }
			],
			{ completedAt: NOW }
		);
		const badSale = saleOp(
			{
				...repeatedSale,
				lines: repeatedSale.lines.map((l) => ({ ...l, lineId: repeatedSale.lines[0]!.lineId }))
			},
			{ deviceTime: NOW }
		);
		const ret = returnRecord(sold, [{ lineIndex: 0 }, { lineIndex: 0 }], { completedAt: NOW });
		const badReturn = returnOp(
			{ ...ret, lines: ret.lines.map((l) => ({ ...l, lineId: 'same' })) },
			{ deviceTime: NOW }
		);
		const foreign = tradeInOp(fx.taxClassId, ['dup-other-a', 'dup-lines-u1']);
		const { results } = await sync.push({
			shopId: 'dup-lines',
			deviceId: 'd1',
			ops: [saleOp(sold, { deviceTime: NOW }), badSale, badReturn, foreign]
		});
		expect(results.slice(1)).toEqual([
			{
				opId: badSale.opId,
				status: 'rejected',
				reason: `payload.lines.1.lineId: repeats line id ${repeatedSale.lines[0]!.lineId} of payload.lines.0`
			},
			{
				opId: badReturn.opId,
				status: 'rejected',
				reason: 'payload.lines.1.lineId: repeats line id same of payload.lines.0'
			},
			{ opId: foreign.opId, status: 'flagged', reason: 'unknown_item' }
		]);
		expect(results[0]!.status).toBe('applied');
		const owners = await db
			.selectFrom('items')
			.select(['id', 'shop_id'])
			.where('id', 'in', ['dup-other-a', 'dup-lines-u1'])
			.orderBy('id')
			.execute();
		expect(owners).toEqual([
			{ id: 'dup-lines-u1', shop_id: 'dup-lines' },
			{ id: 'dup-other-a', shop_id: 'dup-other' }
		]);
		expect(await levels(db, 'dup-lines')).toEqual(
			new Map([
				['dup-lines-a', 4],
				['dup-lines-u1', 1]
			])
		);
	});

	test('answers a second op carrying an already-recorded sale as a duplicate and applies nothing', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'twice', items: { 'twice-a': 5 } });
		const { sync } = stores(db);
		const record = sale('twice-a');
		const first = saleOp(record, { deviceTime: NOW });
		const second = saleOp(record, { deviceTime: NOW, deviceSeq: 2 });
		const { results } = await sync.push({ shopId: 'twice', deviceId: 'd1', ops: [first, second] });
		expect(results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
		expect(await levels(db, 'twice')).toEqual(new Map([['twice-a', 4]]));
	});

	test('applies an op pushed twice at once exactly once, answering the slower push as a duplicate', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'racing', items: { 'racing-a': 5 } });
		const { sync } = stores(db);
		for (let round = 0; round < 3; round++) {
			const op = saleOp(sale('racing-a'), { deviceId: 'd1', deviceTime: NOW });
			const again = saleOp(op.payload, { deviceId: 'd1', deviceSeq: 2, deviceTime: NOW });
			// Both pushes read their facts before either commits: the second finds the sale taken.
			const pushes = await Promise.all([
				sync.push({ shopId: 'racing', deviceId: 'd1', ops: [op] }),
				sync.push({ shopId: 'racing', deviceId: 'd1', ops: [op] }),
				sync.push({ shopId: 'racing', deviceId: 'd1', ops: [again] })
			]);
			expect(pushes.map((p) => p.results[0]?.status).sort()).toEqual([
				'applied',
				'duplicate',
				'duplicate'
			]);
		}
		expect(await levels(db, 'racing')).toEqual(new Map([['racing-a', 2]]));
		expect(await ledgerSums(db, 'racing')).toEqual(await levels(db, 'racing'));
		const recorded = await db
			.selectFrom('applied_ops')
			.select(['status'])
			.where('shop_id', '=', 'racing')
			.execute();
		expect(recorded.map((r) => r.status).sort()).toEqual([
			'applied',
			'applied',
			'applied',
			'rejected',
			'rejected',
			'rejected'
		]);
	});

	test('appends each line’s level and then the sale under consecutive seqs, and records the sale’s seq', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'order', items: { 'order-a': 5, 'order-b': 1 } });
		const { sync } = stores(db);
		const { change_seq: before } = await db
			.selectFrom('shops')
			.select('change_seq')
			.where('id', '=', 'order')
			.executeTakeFirstOrThrow();
		const record = saleRecord(
			[
				{ itemId: 'order-a', quantity: 2 },
				{ itemId: 'order-b', quantity: 2 },
				{ itemId: 'order-a', quantity: 1 }
			],
			{ completedAt: NOW }
		);
		const op = saleOp(record, { deviceTime: NOW });
		const { results } = await sync.push({ shopId: 'order', deviceId: 'd1', ops: [op] });
		expect(results[0]).toEqual({ opId: op.opId, status: 'flagged', reason: 'oversell' });
		const feed = await sync.pull({ shopId: 'order', cursor: before, limit: 10 });
		expect(feed.changes.map((c) => [c.seq - before, c.entity, c.entityId, c.data])).toEqual([
			[1, 'stock', 'order-a', { itemId: 'order-a', onHand: 3 }],
			[2, 'stock', 'order-b', { itemId: 'order-b', onHand: -1 }],
			[3, 'stock', 'order-a', { itemId: 'order-a', onHand: 2 }],
			[4, 'sale', record.saleId, expect.objectContaining({ isFlagged: true, flags: ['oversell'] })]
		]);
		const applied = await db
			.selectFrom('applied_ops')
			.select('server_seq')
			.where('op_id', '=', op.opId)
			.executeTakeFirstOrThrow();
		expect(applied.server_seq).toBe(before + 4);
		expect((await flags(db, 'order')).map((f) => JSON.parse(f.detail) as unknown)).toEqual([
			{ itemId: 'order-b', quantity: 2, onHand: -1 }
		]);
	});

	test('sells a record traded in earlier in the same push from stock, without flagging it', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'resold', items: {} });
		const { sync } = stores(db);
		const tradeIn = {
			opId: uuidv7(),
			deviceId: 'd1',
			deviceSeq: 1,
			deviceTime: NOW,
			kind: 'trade_in.completed' as const,
			payload: {
				tradeInId: uuidv7(),
				receiptNo: 'K1-T00002',
				clerkId: 'clerk-1',
				currency: 'EUR',
				businessDay: '2026-03-01',
				completedAt: NOW,
				lines: [
					{
						lineId: 'resold-line',
						itemId: 'resold-u1',
						releaseId: null,
						description: 'Used LP',
						mediaGrade: 'VG+' as const,
						sleeveGrade: 'VG' as const,
						offerCents: 500,
						costBasisCents: 500,
						priceCents: 1200,
						taxClassId: fx.taxClassId
					}
				],
				offerCents: 500,
				payout: { kind: 'cash' as const, amountCents: 500 }
			}
		};
		const sold = saleOp(sale('resold-u1'), { deviceSeq: 2, deviceTime: NOW });
		const { results } = await sync.push({ shopId: 'resold', deviceId: 'd1', ops: [tradeIn, sold] });
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
		expect(await levels(db, 'resold')).toEqual(new Map([['resold-u1', 0]]));
		expect(await flags(db, 'resold')).toEqual([]);
	});

	test('pages the change feed by seq and says how much is left', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'pages', items: { 'pages-a': 1, 'pages-b': 1 } });
		const { sync } = stores(db);
		const first = await sync.pull({ shopId: 'pages', cursor: 0, limit: 3 });
		expect(first.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
		expect(first).toMatchObject({ cursor: 3, hasMore: true, highWater: 5 });
		const rest = await sync.pull({ shopId: 'pages', cursor: first.cursor, limit: 3 });
		expect(rest.changes.map((c) => [c.seq, c.entity, c.entityId])).toEqual([
			[4, 'item', 'pages-b'],
			[5, 'stock', 'pages-b']
		]);
		expect(rest.changes[1]!.data).toEqual({ itemId: 'pages-b', onHand: 1 });
		expect(rest).toMatchObject({ cursor: 5, hasMore: false, highWater: 5 });
		const empty = await sync.pull({ shopId: 'pages', cursor: 5, limit: 3 });
		expect(empty).toEqual({ changes: [], cursor: 5, hasMore: false, highWater: 5 });
		const other = await sync.pull({ shopId: 'once', cursor: 0, limit: 1000 });
		expect(other.changes.some((c) => c.entityId === 'pages-b')).toBe(false);
	});

	test('never lets a puller skip a seq while pushes commit concurrently', async () => {
		const { db } = store().database;
		const items = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`gaps-g${i}`, 1000]));
		await seedSyncShop(db, { shopId: 'gaps', items });
		const { sync } = stores(db);
		const seen: number[] = [];
		let cursor = 0;
		let isPushing = true;
		const puller = (async () => {
			for (;;) {
				const wasPushing = isPushing;
				const page = await sync.pull({ shopId: 'gaps', cursor, limit: 50 });
				for (const change of page.changes) {
					// Each page starts right after the cursor: a gap here is a change skipped forever.
					expect(change.seq).toBe(cursor + 1);
					seen.push(change.seq);
					cursor = change.seq;
				}
				if (!wasPushing && !page.hasMore) return;
			}
		})();
		const devices = Array.from({ length: 6 }, (_, d) =>
			(async () => {
				for (let i = 0; i < 10; i++) {
					const ops = Array.from({ length: 3 }, (_, k) =>
						saleOp(sale(`gaps-g${(d + i + k) % 8}`), { deviceId: `dev${d}`, deviceTime: NOW })
					);
					await sync.push({ shopId: 'gaps', deviceId: `dev${d}`, ops });
				}
			})()
		);
		await Promise.all(devices);
		isPushing = false;
		await puller;
		const { change_seq } = await db
			.selectFrom('shops')
			.select('change_seq')
			.where('id', '=', 'gaps')
			.executeTakeFirstOrThrow();
		expect(seen).toEqual(Array.from({ length: change_seq }, (_, i) => i + 1));
		// Seed: a tax class, 8 items and their stock; then 180 sales, each a stock and a sale change.
		expect(change_seq).toBe(1 + 8 * 2 + 6 * 10 * 3 * 2);
	});
});

forEachStore('device store', (store) => {
	test('pairs a tablet with a one-time code and authenticates its token to its shop', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'pair', items: {} });
		const { devices } = stores(db);
		const { code, expiresAt } = await devices.createPairingCode({
			shopId: 'pair',
			createdBy: fx.managerId
		});
		expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect(expiresAt).toBe('2026-03-01T10:10:00.000Z');
		const paired = await devices.pair({
			code: code.toLowerCase().replace('-', ' '),
			name: 'Counter 1'
		});
		expect(paired).toMatchObject({ shopId: 'pair', deviceCode: 'K1' });
		expect(await devices.authenticate(paired.token)).toEqual({
			ok: true,
			shopId: 'pair',
			deviceId: paired.deviceId
		});
		await expect(devices.pair({ code, name: 'Counter 2' })).rejects.toThrow(
			'pairing code is unknown, already used or expired; create a new one in the office (Devices)'
		);
		const stored = await db
			.selectFrom('devices')
			.select('token_hash')
			.where('id', '=', paired.deviceId)
			.executeTakeFirstOrThrow();
		expect(stored.token_hash).not.toContain(paired.token);
		expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
	});

	test('refuses an expired code', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'expired', items: {} });
		let now = NOW;
		const devices = createDeviceStore({ db, now: () => now });
		const { code } = await devices.createPairingCode({
			shopId: 'expired',
			createdBy: fx.managerId,
			ttlMs: 60_000
		});
		now = '2026-03-01T10:01:00.000Z';
		await expect(devices.pair({ code, name: 'Late' })).rejects.toThrow(
			'pairing code is unknown, already used or expired'
		);
	});

	test('gives exactly one of two racing tablets the device for a code', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'race', items: {} });
		const { devices } = stores(db);
		const { code } = await devices.createPairingCode({ shopId: 'race', createdBy: fx.managerId });
		const outcomes = await Promise.allSettled([
			devices.pair({ code, name: 'A' }),
			devices.pair({ code, name: 'B' })
		]);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		expect(await devices.list('race')).toHaveLength(1);
	});

	test('stops a revoked token at once with a clear reason, and tells an unknown one apart', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'revoke', items: {} });
		const { devices } = stores(db);
		const paired = await devices.pair({
			...(await devices.createPairingCode({ shopId: 'revoke', createdBy: fx.managerId })),
			name: 'Old'
		});
		await devices.revoke({ shopId: 'revoke', deviceId: paired.deviceId, by: fx.managerId });
		const auth = await devices.authenticate(paired.token);
		expect(auth).toMatchObject({ ok: false, code: 'device_revoked' });
		expect(auth.ok ? '' : auth.message).toMatch(/^device_revoked: /);
		expect(await devices.authenticate('dwx_not-a-token')).toMatchObject({
			ok: false,
			code: 'device_unknown'
		});
		await expect(
			devices.revoke({ shopId: 'pair', deviceId: paired.deviceId, by: 'x' })
		).rejects.toThrow(`device ${paired.deviceId} is not a device of this shop`);
		expect((await devices.list('revoke'))[0]?.revokedAt).toBe(NOW);
	});

	test('accepts a manager’s PIN and refuses a wrong PIN or a clerk', async () => {
		const { db } = store().database;
		const fx = await seedSyncShop(db, { shopId: 'pins', items: {} });
		const { devices } = stores(db);
		expect(
			await devices.verifyManagerPin({ shopId: 'pins', staffId: fx.managerId, pin: fx.managerPin })
		).toBe(true);
		expect(
			await devices.verifyManagerPin({ shopId: 'pins', staffId: fx.managerId, pin: '0000' })
		).toBe(false);
		expect(
			await devices.verifyManagerPin({ shopId: 'other', staffId: fx.managerId, pin: fx.managerPin })
		).toBe(false);
		await db.updateTable('staff').set({ role: 'clerk' }).where('id', '=', fx.managerId).execute();
		expect(
			await devices.verifyManagerPin({ shopId: 'pins', staffId: fx.managerId, pin: fx.managerPin })
		).toBe(false);
	});

	test('keys every op id once across devices, so a replay from a re-paired tablet is a duplicate', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'repaired', items: { 'repaired-a': 2 } });
		const { sync } = stores(db);
		const op = saleOp(sale('repaired-a'), { deviceTime: NOW, opId: uuidv7() });
		await sync.push({ shopId: 'repaired', deviceId: 'old', ops: [op] });
		const { results } = await sync.push({ shopId: 'repaired', deviceId: 'new', ops: [op] });
		expect(results[0]?.status).toBe('duplicate');
		expect(await levels(db, 'repaired')).toEqual(new Map([['repaired-a', 1]]));
	});
});
