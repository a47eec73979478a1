import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { returnRecord, saleRecord } from '../testing/index.ts';
import { DeadwaxDb } from './db.ts';
import { LocalStore } from './local-store.ts';

const device = { deviceId: 'dev-1', deviceCode: 'K1', shopId: 'shop-1', token: 't' };

async function pairedStore(): Promise<LocalStore> {
	const db = new DeadwaxDb('local', { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new LocalStore(db, { now: () => Date.parse('2026-03-01T10:00:00.000Z') });
	await store.setDevice(device);
	return store;
}

test('writes the sale and its op together, numbering ops 1, 2, 3 on this device', async () => {
	const store = await pairedStore();
	const ops = [];
	for (let i = 0; i < 3; i++) ops.push(await store.recordSale(saleRecord([{ itemId: 'a' }])));
	expect(ops.map((o) => [o.deviceId, o.deviceSeq, o.kind])).toEqual([
		['dev-1', 1, 'sale.completed'],
		['dev-1', 2, 'sale.completed'],
		['dev-1', 3, 'sale.completed']
	]);
	expect(await store.db.sales.count()).toBe(3);
	expect((await store.outbox.pending(10)).map((e) => e.opId)).toEqual(ops.map((o) => o.opId));
	expect(ops[0]!.deviceTime).toBe('2026-03-01T10:00:00.000Z');
});

test('refuses a second recording of the same sale and queues nothing for it', async () => {
	const store = await pairedStore();
	const sale = saleRecord([{ itemId: 'a' }], { receiptNo: 'K1-000001' });
	await store.recordSale(sale);
	await expect(store.recordSale(sale)).rejects.toThrow(
		`sale ${sale.saleId} (K1-000001) is already recorded`
	);
	expect((await store.outbox.stats()).pendingCount).toBe(1);
	expect((await store.db.meta.get('deviceSeq'))?.value).toBe(1);
});

test('refuses a malformed sale, naming the field, and changes nothing', async () => {
	const store = await pairedStore();
	const sale = { ...saleRecord([{ itemId: 'a' }]), lines: [] };
	await expect(store.recordSale(sale)).rejects.toThrow(
		'sale is invalid: lines: a sale needs at least one line'
	);
	expect(await store.db.sales.count()).toBe(0);
	expect((await store.outbox.stats()).pendingCount).toBe(0);
});

test('refuses to sell before the register is paired', async () => {
	const db = new DeadwaxDb('unpaired', { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new LocalStore(db);
	await expect(store.recordSale(saleRecord([{ itemId: 'a' }]))).rejects.toThrow(
		'this register is not paired yet; pair it with a code from the office'
	);
	expect(await db.sales.count()).toBe(0);
});

test('shows stock as the server level plus unreflected local deltas', async () => {
	const store = await pairedStore();
	await store.applyPage({
		changes: [{ seq: 1, entity: 'stock', entityId: 'a', data: { itemId: 'a', onHand: 3 } }],
		cursor: 1,
		hasMore: false,
		highWater: 1
	});
	const sale = saleRecord([{ itemId: 'a', quantity: 2 }, { itemId: 'b' }]);
	await store.recordSale(sale);
	await store.recordReturn(returnRecord(sale, [{ lineIndex: 0, quantity: 1 }]));
	expect(await store.stockOf('a')).toBe(2);
	expect(await store.stockOf('b')).toBe(-1);
	expect(await store.stockView()).toEqual(
		new Map([
			['a', 2],
			['b', -1]
		])
	);
});

test('does not put back a returned copy written off as damaged', async () => {
	const store = await pairedStore();
	const sale = saleRecord([{ itemId: 'a' }]);
	await store.recordSale(sale);
	await store.recordReturn(returnRecord(sale, [{ lineIndex: 0, restock: false }]));
	expect(await store.stockOf('a')).toBe(-1);
});

test('applies a page atomically, keeping the last snapshot of an entity and honouring deletes', async () => {
	const store = await pairedStore();
	await store.applyPage({
		changes: [
			{ seq: 1, entity: 'item', entityId: 'i1', data: { price_cents: 100 } },
			{ seq: 2, entity: 'item', entityId: 'i2', data: { price_cents: 200 } },
			{ seq: 3, entity: 'item', entityId: 'i1', data: { price_cents: 150 } },
			{ seq: 4, entity: 'item', entityId: 'i2', data: null }
		],
		cursor: 4,
		hasMore: false,
		highWater: 4
	});
	expect(await store.db.items.toArray()).toEqual([{ id: 'i1', price_cents: 150 }]);
	expect(await store.cursor()).toBe(4);
});

test('ignores a replayed or stale page', async () => {
	const store = await pairedStore();
	const page = (seq: number, onHand: number) => ({
		changes: [{ seq, entity: 'stock' as const, entityId: 'a', data: { itemId: 'a', onHand } }],
		cursor: seq,
		hasMore: false,
		highWater: seq
	});
	await store.applyPage(page(1, 5));
	await store.applyPage(page(2, 4));
	await store.applyPage(page(1, 5));
	expect(await store.stockOf('a')).toBe(4);
	expect(await store.cursor()).toBe(2);
});

test('numbers receipts with the device code', async () => {
	const store = await pairedStore();
	expect([await store.nextReceiptNo(), await store.nextReceiptNo()]).toEqual([
		'K1-000001',
		'K1-000002'
	]);
});
