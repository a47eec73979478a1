import type { TradeInRecord } from '@deadwax/core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { uuidv7 } from 'uuidv7';
import { expect, test } from 'vitest';
import type { PullOutput } from '../protocol.ts';
import { MemorySyncServer } from '../testing/index.ts';
import { DeadwaxDb } from './db.ts';
import { LocalStore } from './local-store.ts';
import { SyncEngine } from './sync-engine.ts';

const at = '2026-03-01T10:00:00.000Z';

function storeCredit(receiptNo: string, amountCents: number): TradeInRecord {
	return {
		tradeInId: uuidv7(),
		receiptNo,
		clerkId: 'staff-1',
		currency: 'EUR',
		businessDay: '2026-03-01',
		completedAt: at,
		lines: [
			{
				lineId: 'l1',
				itemId: uuidv7(),
				releaseId: null,
				description: 'Can – Tago Mago',
				mediaGrade: 'VG+',
				sleeveGrade: 'VG',
				offerCents: amountCents,
				costBasisCents: amountCents,
				priceCents: null,
				taxClassId: 'std'
			}
		],
		offerCents: amountCents,
		payout: { kind: 'store_credit', amountCents, bonusCents: 0, voucherCode: `CR-${receiptNo}` }
	};
}

async function register(server: MemorySyncServer, deviceId: string) {
	const db = new DeadwaxDb(deviceId, { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new LocalStore(db);
	await store.setDevice({ deviceId, deviceCode: deviceId, shopId: 's', token: deviceId });
	const engine = new SyncEngine({ store, transport: server.transport(deviceId), locks: null });
	return { db, store, engine };
}

test('a trade-in rung up on one register reaches the other, and its own copy stays local and single', async () => {
	const server = new MemorySyncServer();
	const a = await register(server, 'A');
	const b = await register(server, 'B');
	const tradeIn = storeCredit('A-000001', 1500);
	await a.store.recordTradeIn(tradeIn);
	await a.engine.syncNow();
	await b.engine.syncNow();

	const pulled = await b.db.tradeIns.get(tradeIn.tradeInId);
	expect(pulled).toMatchObject({ ...tradeIn, origin: 'server' });
	expect(await b.store.stockOf(tradeIn.lines[0]!.itemId)).toBe(1);

	// Tablet A pulled its own trade-in back: one row, under the same key, still its own.
	await a.engine.syncNow();
	expect(await a.db.tradeIns.toArray()).toEqual([{ ...tradeIn, origin: 'local' }]);
});

test('passes over a change of an entity it has no table for instead of failing the page', async () => {
	const server = new MemorySyncServer();
	const { store, db } = await register(server, 'A');
	const page = {
		changes: [
			{ seq: 1, entity: 'someday', entityId: 'x', data: { id: 'x' } },
			{ seq: 2, entity: 'stock', entityId: 'a', data: { onHand: 3 } }
		],
		cursor: 2,
		hasMore: false,
		highWater: 2
	} as unknown as PullOutput;
	await store.applyPage(page);
	expect(await store.cursor()).toBe(2);
	expect(await db.stockLevels.get('a')).toEqual({ itemId: 'a', onHand: 3, seq: 2 });
});
