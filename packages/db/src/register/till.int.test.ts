import type { Operation } from '@deadwax/core';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { expect, test } from 'vitest';
import type { Schema } from '../schema.ts';
import { createSyncStore } from '../sync/index.ts';
import { seedSyncShop } from '../sync/fixtures.ts';
import { forEachStore } from '../testing/index.ts';
import './schema.ts';

const NOW = '2026-03-01T18:00:00.000Z';

let seq = 0;
function op(kind: Operation['kind'], payload: unknown): Operation {
	seq += 1;
	return {
		opId: uuidv7(),
		deviceId: 'd1',
		deviceSeq: seq,
		deviceTime: NOW,
		kind,
		payload
	} as Operation;
}

function shiftOps(shopId: string) {
	const shiftId = uuidv7();
	const base = { clerkId: `${shopId}-manager`, currency: 'EUR', businessDay: '2026-03-01' };
	return {
		shiftId,
		opened: op('shift.opened', {
			...base,
			shiftId,
			openedAt: '2026-03-01T08:00:00.000Z',
			floatCents: 10_000
		}),
		paidOut: op('cash.moved', {
			...base,
			moveId: uuidv7(),
			shiftId,
			at: '2026-03-01T12:00:00.000Z',
			kind: 'paid_out',
			amountCents: 550,
			reason: 'milk'
		}),
		closed: op('shift.closed', {
			...base,
			shiftId,
			closedAt: '2026-03-01T18:00:00.000Z',
			expectedCashCents: 9450,
			countedCashCents: 9400,
			differenceCents: -50,
			report: { floatCents: 10_000, expectedCashCents: 9450 }
		})
	};
}

async function shift(db: Kysely<Schema>, id: string) {
	return db.selectFrom('till_shifts').selectAll().where('id', '=', id).executeTakeFirst();
}

forEachStore('till ops', (store) => {
	test('a shift opened, a paid-out and a close are applied once each, with the Z report kept', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'till', items: {} });
		const sync = createSyncStore({ db, now: () => NOW });
		const { shiftId, opened, paidOut, closed } = shiftOps('till');
		const first = await sync.push({
			shopId: 'till',
			deviceId: 'd1',
			ops: [opened, paidOut, closed]
		});
		expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
		const again = await sync.push({ shopId: 'till', deviceId: 'd1', ops: [paidOut, closed] });
		expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

		expect(await shift(db, shiftId)).toMatchObject({
			shop_id: 'till',
			float_cents: 10_000,
			counted_cash_cents: 9400,
			difference_cents: -50,
			closed_at: '2026-03-01T18:00:00.000Z'
		});
		expect(JSON.parse((await shift(db, shiftId))?.z_report ?? 'null')).toEqual({
			floatCents: 10_000,
			expectedCashCents: 9450
		});
		const moves = await db
			.selectFrom('cash_moves')
			.selectAll()
			.where('shift_id', '=', shiftId)
			.execute();
		expect(moves).toMatchObject([{ kind: 'paid_out', amount_cents: 550, reason: 'milk' }]);
	});

	test('a close that arrives before its open still lands, and the open fills in the rest', async () => {
		const { db } = store().database;
		await seedSyncShop(db, { shopId: 'late', items: {} });
		const sync = createSyncStore({ db, now: () => NOW });
		const { shiftId, opened, closed } = shiftOps('late');
		await sync.push({ shopId: 'late', deviceId: 'd1', ops: [closed] });
		expect(await shift(db, shiftId)).toMatchObject({ opened_at: '', counted_cash_cents: 9400 });
		const result = await sync.push({ shopId: 'late', deviceId: 'd1', ops: [opened] });
		expect(result.results[0]?.status).toBe('applied');
		expect(await shift(db, shiftId)).toMatchObject({
			opened_at: '2026-03-01T08:00:00.000Z',
			closed_at: '2026-03-01T18:00:00.000Z'
		});
	});
});
