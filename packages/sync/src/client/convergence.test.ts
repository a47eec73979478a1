import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { faultyTransport, MemorySyncServer, returnRecord, saleRecord } from '../testing/index.ts';
import { DeadwaxDb } from './db.ts';
import { LocalStore } from './local-store.ts';
import { SyncEngine } from './sync-engine.ts';

const ITEMS = ['a', 'b', 'c'];

const actionArb = fc.oneof(
	fc.record({
		kind: fc.constant('sell' as const),
		register: fc.integer({ min: 0, max: 1 }),
		item: fc.constantFrom(...ITEMS),
		quantity: fc.integer({ min: 1, max: 2 })
	}),
	fc.record({ kind: fc.constant('return' as const), register: fc.integer({ min: 0, max: 1 }) }),
	fc.record({
		kind: fc.constant('sync' as const),
		register: fc.integer({ min: 0, max: 1 }),
		isFaulty: fc.boolean()
	})
);

test('two registers converge on the server state whatever the interleaving and faults', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.array(actionArb, { maxLength: 25 }),
			fc.integer({ min: 1, max: 2 ** 31 - 2 }),
			async (actions, seed) => {
				const server = new MemorySyncServer();
				for (const item of ITEMS) server.receive(item, 2);
				let state = seed;
				const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
				const registers = await Promise.all(
					['r0', 'r1'].map(async (deviceId) => {
						const db = new DeadwaxDb(deviceId, { indexedDB: new IDBFactory(), IDBKeyRange });
						const store = new LocalStore(db);
						await store.setDevice({ deviceId, deviceCode: deviceId, shopId: 's', token: deviceId });
						const faults = { dropRequest: 0.3, dropResponse: 0.3, duplicate: 0.3 };
						return {
							store,
							clean: new SyncEngine({ store, transport: server.transport(deviceId), locks: null }),
							faulty: new SyncEngine({
								store,
								transport: faultyTransport(server.transport(deviceId), faults, random),
								locks: null
							}),
							sold: [] as ReturnType<typeof saleRecord>[],
							returnable: [] as ReturnType<typeof saleRecord>[],
							returned: [] as ReturnType<typeof returnRecord>[]
						};
					})
				);
				for (const action of actions) {
					const r = registers[action.register]!;
					if (action.kind === 'sell') {
						const sale = saleRecord([{ itemId: action.item, quantity: action.quantity }]);
						await r.store.recordSale(sale);
						r.sold.push(sale);
						r.returnable.push(sale);
					} else if (action.kind === 'return') {
						const sale = r.returnable.pop();
						if (sale) {
							const ret = returnRecord(sale, [{ lineIndex: 0 }]);
							await r.store.recordReturn(ret);
							r.returned.push(ret);
						}
					} else {
						await (action.isFaulty ? r.faulty : r.clean).syncNow().catch(() => undefined);
					}
				}
				for (const r of [...registers, ...registers]) await r.clean.syncNow();

				const sold = registers.flatMap((r) => r.sold.map((s) => s.saleId));
				expect([...server.sales.keys()].sort()).toEqual(sold.sort());
				const returned = registers.flatMap((r) => r.returned.map((ret) => ret.returnId));
				expect([...server.returns.keys()].sort()).toEqual(returned.sort());
				const saleOps = [...server.applied.values()].filter((r) => r.status !== 'rejected');
				expect(saleOps).toHaveLength(sold.length + returned.length);
				const expected = new Map(ITEMS.map((item) => [item, 2]));
				for (const r of registers) {
					for (const sale of r.sold) {
						const line = sale.lines[0]!;
						expected.set(line.itemId, expected.get(line.itemId)! - line.quantity);
					}
				}
				for (const r of registers) {
					for (const ret of r.returned) {
						const line = ret.lines[0]!;
						expected.set(line.itemId, expected.get(line.itemId)! + line.quantity);
					}
				}
				expect(server.levels).toEqual(expected);
				for (const r of registers) {
					const view = await r.store.stockView();
					for (const item of ITEMS) expect(view.get(item)).toBe(server.levels.get(item));
					expect(await r.store.outbox.stats()).toEqual({
						pendingCount: 0,
						oldestPending: undefined
					});
				}
			}
		),
		{ numRuns: 40 }
	);
});
