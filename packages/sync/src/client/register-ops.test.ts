import type { TradeInRecord } from '@deadwax/core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { uuidv7 } from 'uuidv7';
import { expect, test } from 'vitest';
import { DeadwaxDb } from './db.ts';
import { LocalStore } from './local-store.ts';

const device = { deviceId: 'dev-1', deviceCode: 'K1', shopId: 'shop-1', token: 't' };
const at = '2026-03-01T10:00:00.000Z';
const base = { clerkId: 'staff-1', currency: 'EUR', businessDay: '2026-03-01' };

async function pairedStore(): Promise<LocalStore> {
	const db = new DeadwaxDb('register-ops', { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new LocalStore(db, { now: () => Date.parse(at) });
	await store.setDevice(device);
	return store;
}

function shift() {
	return { ...base, shiftId: uuidv7(), openedAt: at, floatCents: 10_000 };
}

test('opens one shift at a time, each with its op queued', async () => {
	const store = await pairedStore();
	const first = shift();
	const op = await store.recordShiftOpened(first);
	expect(op.kind).toBe('shift.opened');
	await expect(store.recordShiftOpened(shift())).rejects.toThrow(
		`shift ${first.shiftId} is still open; close it first`
	);
	expect((await store.outbox.stats()).pendingCount).toBe(1);
	expect(await store.db.shifts.count()).toBe(1);
});

test('takes a cash move only into an open shift, and closes a shift once', async () => {
	const store = await pairedStore();
	const open = shift();
	await store.recordShiftOpened(open);
	const move = {
		...base,
		moveId: uuidv7(),
		shiftId: open.shiftId,
		at,
		kind: 'paid_out' as const,
		amountCents: 550,
		reason: 'milk'
	};
	await store.recordCashMoved(move);
	const close = {
		...base,
		shiftId: open.shiftId,
		closedAt: at,
		expectedCashCents: 9450,
		countedCashCents: 9450,
		differenceCents: 0,
		report: {}
	};
	await store.recordShiftClosed(close);
	expect((await store.db.shifts.get(open.shiftId))?.closed?.countedCashCents).toBe(9450);
	await expect(store.recordShiftClosed(close)).rejects.toThrow(`shift ${open.shiftId} is not open`);
	await expect(store.recordCashMoved({ ...move, moveId: uuidv7() })).rejects.toThrow(
		`shift ${open.shiftId} is not open; open a shift first`
	);
	expect((await store.outbox.stats()).pendingCount).toBe(3);
});

test('a trade-in counts one copy of each record bought until the server says otherwise', async () => {
	const store = await pairedStore();
	const itemId = uuidv7();
	const tradeIn: TradeInRecord = {
		...base,
		tradeInId: uuidv7(),
		receiptNo: 'K1-000001',
		completedAt: at,
		lines: [
			{
				lineId: 'l1',
				itemId,
				releaseId: null,
				description: 'Can – Tago Mago',
				mediaGrade: 'VG+',
				sleeveGrade: 'VG',
				offerCents: 800,
				costBasisCents: 800,
				priceCents: null,
				taxClassId: 'std'
			}
		],
		offerCents: 800,
		payout: { kind: 'cash', amountCents: 800 }
	};
	const op = await store.recordTradeIn(tradeIn);
	expect(op.kind).toBe('trade_in.completed');
	expect(await store.stockOf(itemId)).toBe(1);
	await expect(store.recordTradeIn(tradeIn)).rejects.toThrow('is already recorded');
	await expect(store.recordTradeIn({ ...tradeIn, tradeInId: uuidv7(), lines: [] })).rejects.toThrow(
		'trade-in is invalid'
	);
	expect((await store.outbox.stats()).pendingCount).toBe(1);
});
