import { assert } from '../assert.ts';
import { businessDayOf } from '../business-day/business-day.ts';
import { assertShareRule, labelShareForLine, type ConsignmentTerms } from '../consignment/terms.ts';
import { DomainError } from '../errors.ts';
import { assertId, assertUuid } from '../ids.ts';
import { assertCents, assertWholeNumber } from '../money/cents.ts';
import { mulDivRound, roundToIncrement } from '../money/rounding.ts';
import { formatReceiptNo, parseReceiptNo } from '../receipt-number/receipt-number.ts';
import type { Shop } from '../shop/shop.ts';
import { assertRatePpm, taxIncluded } from '../tax/tax.ts';
import {
	returnRecordSchema,
	type ReturnLine,
	type ReturnRecord,
	type SaleRecord,
	type Tender
} from '../wire/operations.ts';

/** Where a refund goes. `original`: back the way it was paid. Cash is only for returns without a receipt. */
export type RefundTo =
	| { readonly kind: 'original' }
	| { readonly kind: 'store_credit'; readonly voucherCode: string }
	| { readonly kind: 'cash' };

/** Who, when and where: the fields every return needs. */
export interface ReturnContext {
	readonly returnId: string;
	readonly shop: Shop;
	/** From formatReceiptNo, on the same device sequence as sales. */
	readonly receiptNo: string;
	readonly clerkId: string;
	readonly completedAt: string;
	readonly reason: string;
}

/** Units of one original sale line coming back. */
export interface ReturnRequestLine {
	readonly lineId: string;
	readonly originalLineId: string;
	readonly quantity: number;
	/** Back on the shelf (true) or written off as damaged (false). */
	readonly restock: boolean;
}

/**
 * The part of `amount` that belongs to units (done, done + quantity] of `of`: the difference of
 * two cumulative shares. Returning all units in any number of steps gives back `amount` to the
 * cent, and no step depends on how earlier ones were split.
 */
function unitsShare(amount: number, done: number, quantity: number, of: number): number {
	return mulDivRound(amount, done + quantity, of) - mulDivRound(amount, done, of);
}

function checkContext(context: ReturnContext): {
	businessDay: string;
	reason: string;
	receiptNo: string;
} {
	assertUuid(context.returnId, 'returnId');
	assertId(context.clerkId, 'clerkId');
	const { deviceCode, seq } = parseReceiptNo(context.receiptNo);
	const reason = context.reason.trim();
	if (reason === '' || reason.length > 200) {
		throw new DomainError(
			'invalid_input',
			`return reason must be 1 to 200 characters (got ${JSON.stringify(context.reason)})`
		);
	}
	return {
		businessDay: businessDayOf(context.completedAt, context.shop.timeZone),
		reason,
		receiptNo: formatReceiptNo(deviceCode, seq)
	};
}

function voucherCode(code: string): string {
	const trimmed = code.trim();
	if (trimmed === '' || trimmed.length > 64) {
		throw new DomainError(
			'invalid_input',
			`voucherCode must be 1 to 64 characters (got ${JSON.stringify(code)})`
		);
	}
	return trimmed;
}

function tenderKey(t: Tender): string {
	switch (t.kind) {
		case 'cash':
			return 'cash';
		case 'card':
			return `card:${t.reference}`;
		case 'voucher':
			return `voucher:${t.voucherCode}`;
	}
}

/** Cash handed back over the counter: nothing is tendered the other way, so there is no change. */
function cashRefund(amountCents: number): Tender {
	return { kind: 'cash', amountCents, tenderedCents: amountCents, changeCents: 0 };
}

const sum = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);

/**
 * The part of an earlier return's line refunds that fell to cash before cash rounding: what no
 * card or voucher took (0 for a return to store credit).
 */
function cashShareOf(r: ReturnRecord): number {
	const lines = sum(r.lines.map((l) => l.refundCents));
	return lines - sum(r.refunds.filter((t) => t.kind !== 'cash').map((t) => t.amountCents));
}

/**
 * Splits a refund over the original tenders: cards first (the money goes back through the
 * terminal against the original reference), then vouchers, each up to what it paid less what
 * earlier returns already gave back to it. The rest is cash, rounded to the shop's cash
 * increment as cash is at the till (settleTenders). Like unitsShare, the rounding is of the
 * running total: this return gives back round(cash share of all returns so far) less the cash
 * earlier returns gave, so a sale returned in any number of parts gives back exactly the cash
 * it took, and never more.
 */
function refundToOriginal(
	refundCents: number,
	original: SaleRecord,
	earlier: readonly ReturnRecord[],
	cashRoundingIncrementCents: number
): Tender[] {
	const order = { card: 0, voucher: 1, cash: 2 } as const;
	const left = new Map<string, { tender: Tender; cents: number }>();
	for (const t of [...original.tenders].sort((a, b) => order[a.kind] - order[b.kind])) {
		const k = tenderKey(t);
		const entry = left.get(k) ?? { tender: t, cents: 0 };
		entry.cents += t.amountCents;
		left.set(k, entry);
	}
	for (const r of earlier) {
		for (const t of r.refunds) {
			const entry = left.get(tenderKey(t));
			if (entry !== undefined) entry.cents -= t.amountCents;
		}
	}
	const refunds: Tender[] = [];
	let rest = refundCents;
	for (const { tender, cents } of left.values()) {
		if (tender.kind === 'cash') continue;
		const take = Math.min(rest, Math.max(cents, 0));
		if (take <= 0) continue;
		rest -= take;
		refunds.push({ ...tender, amountCents: take });
	}
	if (rest > 0) {
		const cashLeft = left.get('cash');
		assert(cashLeft !== undefined, 'the original tenders cover every refund of their sale');
		const cashBefore = sum(earlier.map(cashShareOf));
		const givenBefore = sum(
			earlier.flatMap((r) => r.refunds.filter((t) => t.kind === 'cash').map((t) => t.amountCents))
		);
		const give = roundToIncrement(cashBefore + rest, cashRoundingIncrementCents) - givenBefore;
		// Within what the sale took in cash: only earlier returns rounded differently (recorded
		// before refunds were rounded, or under another increment) can push it outside.
		const cash = Math.min(Math.max(give, 0), Math.max(cashLeft.cents, 0));
		if (cash > 0) refunds.push(cashRefund(cash));
	}
	return refunds;
}

/**
 * The refund as recorded: its tenders (at least one; a cash tender of 0 when cash rounding leaves
 * nothing to hand back) and refundCents, their sum: what the customer gets back, which is the
 * line refunds plus any cash rounding.
 */
function refundOf(tenders: readonly Tender[]): { refundCents: number; refunds: Tender[] } {
	const refunds = tenders.length > 0 ? [...tenders] : [cashRefund(0)];
	return { refundCents: sum(refunds.map((t) => t.amountCents)), refunds };
}

function finish(record: ReturnRecord): ReturnRecord {
	const checked = returnRecordSchema.safeParse(record);
	assert(checked.success, `a return builds a valid ReturnRecord: ${checked.error?.message}`);
	return record;
}

/**
 * A return against a receipt. Each returned unit refunds its share of the original line's
 * total, tax and consignment share, computed cumulatively (see unitsShare), so returning a
 * whole line, in one go or several, refunds and reverses exactly what was sold. Refunds go to
 * the original tenders (cards, then vouchers, then cash) or to a store-credit voucher. Cash is
 * rounded to the shop's cash increment like cash at the till, so refundCents (Σ refund tenders)
 * can differ from Σ line refunds by that rounding; a sale returned in full, in any number of
 * parts, gives back exactly what it took in each tender.
 * Throws `return_exceeds_sale` when more units come back than were sold less earlier returns;
 * `not_found` for a line not on the sale; `invalid_input` for a different currency, earlier
 * returns of another sale, cash as the refund, or bad fields.
 */
export function returnAgainstSale(
	context: ReturnContext,
	options: {
		readonly original: SaleRecord;
		/** Every return already made against this sale. */
		readonly earlierReturns: readonly ReturnRecord[];
		readonly lines: readonly ReturnRequestLine[];
		readonly refundTo: RefundTo;
		readonly approvedByManagerId?: string | null;
	}
): ReturnRecord {
	const { businessDay, reason, receiptNo } = checkContext(context);
	const { original, earlierReturns, refundTo } = options;
	if (original.currency !== context.shop.currency) {
		throw new DomainError(
			'invalid_input',
			`sale ${original.receiptNo} is in ${original.currency} but the shop now uses ${context.shop.currency}`
		);
	}
	for (const r of earlierReturns) {
		if (r.originalSaleId !== original.saleId) {
			throw new DomainError(
				'invalid_input',
				`earlier return ${r.receiptNo} is not against sale ${original.receiptNo}`
			);
		}
	}
	if (options.lines.length === 0) {
		throw new DomainError('invalid_input', 'a return needs at least one line');
	}
	if (refundTo.kind === 'cash') {
		throw new DomainError(
			'invalid_input',
			'a return with a receipt refunds to the original tender or to store credit'
		);
	}

	const returnedBefore = new Map<string, number>();
	for (const r of earlierReturns) {
		for (const l of r.lines) {
			if (l.originalLineId === null) continue;
			returnedBefore.set(
				l.originalLineId,
				(returnedBefore.get(l.originalLineId) ?? 0) + l.quantity
			);
		}
	}
	const lines = options.lines.map((request, i): ReturnLine => {
		assertId(request.lineId, `return line ${i + 1} lineId`);
		assertWholeNumber(
			request.quantity,
			`return line ${i + 1} quantity`,
			1,
			Number.MAX_SAFE_INTEGER
		);
		const sold = original.lines.find((l) => l.lineId === request.originalLineId);
		if (sold === undefined) {
			throw new DomainError(
				'not_found',
				`line ${request.originalLineId} is not on sale ${original.receiptNo}`
			);
		}
		const done = returnedBefore.get(sold.lineId) ?? 0;
		if (done + request.quantity > sold.quantity) {
			throw new DomainError(
				'return_exceeds_sale',
				`${sold.description} has ${sold.quantity - done} left to return (sold ${sold.quantity}, returned ${done} before); asked for ${request.quantity}`
			);
		}
		returnedBefore.set(sold.lineId, done + request.quantity);
		const share = (amount: number): number =>
			unitsShare(amount, done, request.quantity, sold.quantity);
		return {
			lineId: request.lineId,
			originalLineId: sold.lineId,
			itemId: sold.itemId,
			quantity: request.quantity,
			refundCents: share(sold.totalCents),
			taxCents: share(sold.taxCents),
			restock: request.restock,
			consignment:
				sold.consignment === null
					? null
					: { labelId: sold.consignment.labelId, shareCents: share(sold.consignment.shareCents) }
		};
	});
	const linesCents = sum(lines.map((l) => l.refundCents));
	const refunds =
		refundTo.kind === 'original'
			? refundToOriginal(
					linesCents,
					original,
					earlierReturns,
					context.shop.cashRoundingIncrementCents
				)
			: [
					{
						kind: 'voucher' as const,
						amountCents: linesCents,
						voucherCode: voucherCode(refundTo.voucherCode)
					}
				];
	const manager = options.approvedByManagerId ?? null;
	if (manager !== null) assertId(manager, 'approvedByManagerId');
	return finish({
		returnId: context.returnId,
		receiptNo,
		originalSaleId: original.saleId,
		clerkId: context.clerkId,
		approvedByManagerId: manager,
		currency: original.currency,
		businessDay,
		completedAt: context.completedAt,
		reason,
		lines,
		...refundOf(refunds)
	});
}

/** One item coming back without a receipt, at the refund a manager agreed. */
export interface UnreceiptedReturnLine {
	readonly lineId: string;
	readonly itemId: string;
	readonly quantity: number;
	/** Refund per copy, tax included (what the customer gets back). */
	readonly unitRefundCents: number;
	readonly taxRatePpm: number;
	readonly restock: boolean;
	/** The item's current consignment terms, so the label's share is reversed; null if shop-owned. */
	readonly consignment: ConsignmentTerms | null;
}

/**
 * A return with no receipt. A manager must approve it (`manager_required` otherwise). The
 * refund goes to store credit or cash; its tax is the tax contained in the refund, and a
 * consignment item reverses the label's share of its net refund under the given terms. Cash is
 * rounded to the shop's cash increment like cash at the till (CHF 12.33 → 12.35 in refundCents
 * and the cash tender; the lines keep the agreed amounts).
 * Throws `invalid_input` for bad fields or a refund to the original tender (there is none).
 */
export function returnWithoutReceipt(
	context: ReturnContext,
	options: {
		readonly approvedByManagerId: string | null;
		readonly lines: readonly UnreceiptedReturnLine[];
		readonly refundTo: RefundTo;
	}
): ReturnRecord {
	const manager = options.approvedByManagerId?.trim() ?? '';
	if (manager === '') {
		throw new DomainError(
			'manager_required',
			'a return without a receipt needs a manager to approve it'
		);
	}
	assertId(manager, 'approvedByManagerId');
	const { businessDay, reason, receiptNo } = checkContext(context);
	const { refundTo } = options;
	if (options.lines.length === 0) {
		throw new DomainError('invalid_input', 'a return needs at least one line');
	}
	if (refundTo.kind === 'original') {
		throw new DomainError(
			'invalid_input',
			'a return without a receipt has no original tender; refund to store credit or cash'
		);
	}
	const lines = options.lines.map((l, i): ReturnLine => {
		const n = `return line ${i + 1}`;
		assertId(l.lineId, `${n} lineId`);
		assertId(l.itemId, `${n} itemId`);
		assertWholeNumber(l.quantity, `${n} quantity`, 1, 9999);
		assertCents(l.unitRefundCents, `${n} unitRefundCents`);
		assertRatePpm(l.taxRatePpm, `${n} taxRatePpm`);
		if (l.consignment !== null) assertShareRule(l.consignment.rule, `${n} consignment`);
		const refundCents = l.unitRefundCents * l.quantity;
		assertCents(refundCents, `${n} refund`);
		const taxCents = taxIncluded(refundCents, l.taxRatePpm);
		return {
			lineId: l.lineId,
			originalLineId: null,
			itemId: l.itemId,
			quantity: l.quantity,
			refundCents,
			taxCents,
			restock: l.restock,
			consignment:
				l.consignment === null
					? null
					: {
							labelId: l.consignment.labelId,
							shareCents: labelShareForLine(l.consignment.rule, {
								quantity: l.quantity,
								netCents: refundCents - taxCents
							})
						}
		};
	});
	const linesCents = sum(lines.map((l) => l.refundCents));
	const refunds: Tender[] =
		refundTo.kind === 'cash'
			? [cashRefund(roundToIncrement(linesCents, context.shop.cashRoundingIncrementCents))]
			: [
					{
						kind: 'voucher',
						amountCents: linesCents,
						voucherCode: voucherCode(refundTo.voucherCode)
					}
				];
	return finish({
		returnId: context.returnId,
		receiptNo,
		originalSaleId: null,
		clerkId: context.clerkId,
		approvedByManagerId: manager,
		currency: context.shop.currency,
		businessDay,
		completedAt: context.completedAt,
		reason,
		lines,
		...refundOf(refunds)
	});
}

/**
 * Units of each line of `original` still returnable after `earlierReturns`: lineId → units.
 * What the register shows when a receipt is scanned at the returns desk.
 */
export function returnableUnits(
	original: SaleRecord,
	earlierReturns: readonly ReturnRecord[]
): Map<string, number> {
	const left = new Map(original.lines.map((l) => [l.lineId, l.quantity]));
	for (const r of earlierReturns) {
		if (r.originalSaleId !== original.saleId) continue;
		for (const l of r.lines) {
			if (l.originalLineId === null) continue;
			left.set(l.originalLineId, (left.get(l.originalLineId) ?? 0) - l.quantity);
		}
	}
	return left;
}
