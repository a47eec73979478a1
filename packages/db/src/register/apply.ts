import type { CashMoved, ShiftClosed, ShiftOpened } from '@deadwax/core';
import type { DeviceApplied, DeviceApplyContext } from '../office/apply-document.ts';
import './schema.ts';

/*
 * How the server applies the till's ops. The drawer's money already moved at the counter, so none
 * is refused: a close or a cash move for a shift the server has not seen (its open op lost or
 * reordered) still lands, and a repeat of the same shift or move changes nothing.
 */

/** Records a shift opened on a tablet. A second op for the same shift is a duplicate record. */
export async function applyShiftOpened(
	ctx: DeviceApplyContext,
	shift: ShiftOpened
): Promise<DeviceApplied> {
	const existing = await ctx.trx
		.selectFrom('till_shifts')
		.select(['id', 'opened_at'])
		.where('id', '=', shift.shiftId)
		.executeTakeFirst();
	if (existing !== undefined && existing.opened_at !== '') {
		return { serverSeq: null, isDuplicateRecord: `shift ${shift.shiftId} is already open` };
	}
	if (existing !== undefined) {
		// The close arrived first: fill in the opening it was missing.
		await ctx.trx
			.updateTable('till_shifts')
			.set({ opened_by: shift.clerkId, opened_at: shift.openedAt, float_cents: shift.floatCents })
			.where('id', '=', shift.shiftId)
			.execute();
		return { serverSeq: null };
	}
	await ctx.trx
		.insertInto('till_shifts')
		.values({
			id: shift.shiftId,
			shop_id: ctx.shopId,
			device_id: ctx.deviceId,
			opened_by: shift.clerkId,
			currency: shift.currency,
			business_day: shift.businessDay,
			opened_at: shift.openedAt,
			float_cents: shift.floatCents,
			closed_by: null,
			closed_at: null,
			expected_cash_cents: null,
			counted_cash_cents: null,
			difference_cents: null,
			z_report: null
		})
		.execute();
	return { serverSeq: null };
}

/** Records a paid-in, paid-out or no-sale. A repeated move id is a duplicate record. */
export async function applyCashMoved(
	ctx: DeviceApplyContext,
	move: CashMoved
): Promise<DeviceApplied> {
	const existing = await ctx.trx
		.selectFrom('cash_moves')
		.select('id')
		.where('id', '=', move.moveId)
		.executeTakeFirst();
	if (existing !== undefined) {
		return { serverSeq: null, isDuplicateRecord: `cash move ${move.moveId} is already recorded` };
	}
	await ctx.trx
		.insertInto('cash_moves')
		.values({
			id: move.moveId,
			shop_id: ctx.shopId,
			shift_id: move.shiftId,
			device_id: ctx.deviceId,
			clerk_id: move.clerkId,
			kind: move.kind,
			amount_cents: move.amountCents,
			reason: move.reason,
			business_day: move.businessDay,
			at: move.at
		})
		.execute();
	return { serverSeq: null };
}

/** Closes a shift with its counted cash and frozen Z report. A second close is a duplicate record. */
export async function applyShiftClosed(
	ctx: DeviceApplyContext,
	closed: ShiftClosed
): Promise<DeviceApplied> {
	const existing = await ctx.trx
		.selectFrom('till_shifts')
		.select(['closed_at'])
		.where('id', '=', closed.shiftId)
		.executeTakeFirst();
	if (existing?.closed_at != null) {
		return { serverSeq: null, isDuplicateRecord: `shift ${closed.shiftId} is already closed` };
	}
	const close = {
		closed_by: closed.clerkId,
		closed_at: closed.closedAt,
		expected_cash_cents: closed.expectedCashCents,
		counted_cash_cents: closed.countedCashCents,
		difference_cents: closed.differenceCents,
		z_report: JSON.stringify(closed.report)
	};
	if (existing === undefined) {
		const report = closed.report as { floatCents?: unknown };
		await ctx.trx
			.insertInto('till_shifts')
			.values({
				id: closed.shiftId,
				shop_id: ctx.shopId,
				device_id: ctx.deviceId,
				opened_by: closed.clerkId,
				currency: closed.currency,
				business_day: closed.businessDay,
				// Filled in by shift.opened if it arrives later; '' marks it as not seen yet.
				opened_at: '',
				float_cents: typeof report.floatCents === 'number' ? report.floatCents : 0,
				...close
			})
			.execute();
		return { serverSeq: null };
	}
	await ctx.trx.updateTable('till_shifts').set(close).where('id', '=', closed.shiftId).execute();
	return { serverSeq: null };
}
