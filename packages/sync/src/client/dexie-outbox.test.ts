import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { expect, test } from 'vitest';
import { outboxContract, saleOp, saleRecord } from '../testing/index.ts';
import { DeadwaxDb } from './db.ts';
import { DexieOutbox } from './dexie-outbox.ts';

const freshDb = (indexedDB = new IDBFactory()) =>
	new DeadwaxDb(`test-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });

outboxContract('dexie', () => Promise.resolve(new DexieOutbox(freshDb())));

test('keeps pending ops across a close and reopen of the database', async () => {
	const indexedDB = new IDBFactory();
	const name = 'reopen';
	const first = new DeadwaxDb(name, { indexedDB, IDBKeyRange });
	const op = saleOp(saleRecord([{ itemId: 'item-a' }]));
	await new DexieOutbox(first).enqueue(op, [{ itemId: 'item-a', delta: -1 }]);
	first.close();
	const second = new DeadwaxDb(name, { indexedDB, IDBKeyRange });
	const pending = await new DexieOutbox(second).pending(10);
	expect(pending.map((e) => e.op)).toEqual([op]);
});

test('upgrading a version 1 database indexes the items of entries already queued', async () => {
	const indexedDB = new IDBFactory();
	const v1 = new Dexie('upgrade', { indexedDB, IDBKeyRange });
	v1.version(1).stores({ outbox: 'opId, [state+deviceSeq]' });
	const op = saleOp(saleRecord([{ itemId: 'item-a' }, { itemId: 'item-b' }]));
	await v1.table('outbox').add({
		opId: op.opId,
		deviceSeq: 1,
		op,
		state: 'pending',
		stockDeltas: [
			{ itemId: 'item-a', delta: -1 },
			{ itemId: 'item-b', delta: -1 }
		]
	});
	v1.close();
	const outbox = new DexieOutbox(new DeadwaxDb('upgrade', { indexedDB, IDBKeyRange }));
	expect(await outbox.stockDeltas(['item-b'])).toEqual(new Map([['item-b', -1]]));
});
