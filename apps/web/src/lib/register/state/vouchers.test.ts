import type { TradeInRecord } from '@deadwax/core';
import { DeadwaxDb, LocalStore, SyncEngine } from '@deadwax/sync/client';
import { MemorySyncServer, saleRecord } from '@deadwax/sync/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { voucherBalance } from './vouchers.ts';

const at = '2026-03-01T10:00:00.000Z';
const code = 'CR-A-000001';

const tradeIn: TradeInRecord = {
	tradeInId: '019a0000-0000-7000-8000-000000000001',
	receiptNo: 'A-000001',
	clerkId: 'staff-1',
	currency: 'EUR',
	businessDay: '2026-03-01',
	completedAt: at,
	lines: [
		{
			lineId: 'l1',
			itemId: 'used-1',
			releaseId: null,
			description: 'Can – Tago Mago',
			mediaGrade: 'VG+',
			sleeveGrade: 'VG',
			offerCents: 1200,
			costBasisCents: 1200,
			priceCents: null,
			taxClassId: 'std'
		}
	],
	offerCents: 1200,
	payout: { kind: 'store_credit', amountCents: 1500, bonusCents: 300, voucherCode: code }
};

async function register(server: MemorySyncServer, deviceId: string) {
	const db = new DeadwaxDb(deviceId, { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new LocalStore(db);
	await store.setDevice({ deviceId, deviceCode: deviceId, shopId: 's', token: deviceId });
	const engine = new SyncEngine({ store, transport: server.transport(deviceId), locks: null });
	return { db, store, engine };
}

test('a voucher issued by a trade-in on one register is spendable on another, and what it spends there counts on the first', async () => {
	const server = new MemorySyncServer();
	const a = await register(server, 'A');
	const b = await register(server, 'B');
	await a.store.recordTradeIn(tradeIn);
	expect(await voucherBalance(b.db, code)).toBeNull();

	await a.engine.syncNow();
	await b.engine.syncNow();
	expect(await voucherBalance(b.db, code.toLowerCase())).toBe(1500);

	const sale = saleRecord([{ itemId: 'new-1', unitPriceCents: 1000 }], { receiptNo: 'B-000001' });
	await b.store.recordSale({
		...sale,
		tenders: [{ kind: 'voucher', amountCents: 1000, voucherCode: code }]
	});
	expect(await voucherBalance(b.db, code)).toBe(500);

	await b.engine.syncNow();
	await a.engine.syncNow();
	// Tablet A has its own trade-in and the server's copy of it under one key: issued once.
	expect(await a.db.tradeIns.count()).toBe(1);
	expect(await voucherBalance(a.db, code)).toBe(500);
	await b.engine.syncNow();
	expect(await voucherBalance(b.db, code)).toBe(500);
});
