import { DomainError } from '../errors.ts';
import { assertCents } from '../money/cents.ts';
import type {
	CashMoved,
	ReturnRecord,
	SaleRecord,
	ShiftOpened,
	Tender,
	TradeInRecord
} from '../wire/operations.ts';

/** Totals per way of paying: cash, card, voucher (store credit redeemed). */
export interface TenderTotals {
	readonly cashCents: number;
	readonly cardCents: number;
	readonly voucherCents: number;
}

/**
 * The end-of-shift report a till prints when the drawer is counted. Every figure is whole cents
 * of `currency`; the cash lines add up: float + cash sales − cash refunds − trade-in cash + paid
 * in − paid out = expected cash.
 */
export interface ZReport {
	readonly shiftId: string;
	readonly currency: string;
	readonly businessDay: string;
	readonly openedAt: string;
	readonly closedAt: string;
	readonly floatCents: number;
	readonly saleCount: number;
	/** What customers paid, tax included, after discounts and cash rounding. */
	readonly grossSalesCents: number;
	readonly discountCents: number;
	readonly taxCents: number;
	readonly sales: TenderTotals;
	readonly returnCount: number;
	readonly refunds: TenderTotals;
	readonly tradeInCount: number;
	readonly tradeInCashCents: number;
	readonly tradeInCreditCents: number;
	readonly paidInCents: number;
	readonly paidOutCents: number;
	readonly noSaleCount: number;
	readonly expectedCashCents: number;
	readonly countedCashCents: number;
	/** counted − expected; negative when the drawer is short. */
	readonly differenceCents: number;
}

function addTenders(
	into: { cash: number; card: number; voucher: number },
	tenders: readonly Tender[]
): void {
	for (const t of tenders) into[t.kind] += t.amountCents;
}

/**
 * Works out the Z report of one shift from what happened in it: the caller passes the sales,
 * returns, trade-ins and cash moves rung up on this till between open and close (any order).
 * Throws `invalid_input` when a record is in another currency or belongs to another shift, or
 * the counted cash is not whole cents ≥ 0.
 */
export function zReport(options: {
	readonly shift: ShiftOpened;
	readonly closedAt: string;
	readonly countedCashCents: number;
	readonly sales: readonly SaleRecord[];
	readonly returns: readonly ReturnRecord[];
	readonly tradeIns: readonly TradeInRecord[];
	readonly cashMoves: readonly CashMoved[];
}): ZReport {
	const { shift } = options;
	assertCents(options.countedCashCents, 'counted cash');
	const currencyOf = (what: string, currency: string): void => {
		if (currency !== shift.currency) {
			throw new DomainError(
				'invalid_input',
				`${what} is in ${currency} but the shift counts ${shift.currency}`
			);
		}
	};
	const sales = { cash: 0, card: 0, voucher: 0 };
	let grossSalesCents = 0;
	let discountCents = 0;
	let taxCents = 0;
	for (const s of options.sales) {
		currencyOf(`sale ${s.receiptNo}`, s.currency);
		addTenders(sales, s.tenders);
		grossSalesCents += s.totalCents;
		discountCents += s.discountCents;
		taxCents += s.taxCents;
	}
	const refunds = { cash: 0, card: 0, voucher: 0 };
	for (const r of options.returns) {
		currencyOf(`return ${r.receiptNo}`, r.currency);
		addTenders(refunds, r.refunds);
	}
	let tradeInCashCents = 0;
	let tradeInCreditCents = 0;
	for (const t of options.tradeIns) {
		currencyOf(`trade-in ${t.receiptNo}`, t.currency);
		if (t.payout.kind === 'cash') tradeInCashCents += t.payout.amountCents;
		else tradeInCreditCents += t.payout.amountCents;
	}
	let paidInCents = 0;
	let paidOutCents = 0;
	let noSaleCount = 0;
	for (const m of options.cashMoves) {
		if (m.shiftId !== shift.shiftId) {
			throw new DomainError(
				'invalid_input',
				`cash move ${m.moveId} belongs to shift ${m.shiftId}, not ${shift.shiftId}`
			);
		}
		if (m.kind === 'paid_in') paidInCents += m.amountCents;
		else if (m.kind === 'paid_out') paidOutCents += m.amountCents;
		else noSaleCount += 1;
	}
	const expectedCashCents =
		shift.floatCents + sales.cash - refunds.cash - tradeInCashCents + paidInCents - paidOutCents;
	return {
		shiftId: shift.shiftId,
		currency: shift.currency,
		businessDay: shift.businessDay,
		openedAt: shift.openedAt,
		closedAt: options.closedAt,
		floatCents: shift.floatCents,
		saleCount: options.sales.length,
		grossSalesCents,
		discountCents,
		taxCents,
		sales: { cashCents: sales.cash, cardCents: sales.card, voucherCents: sales.voucher },
		returnCount: options.returns.length,
		refunds: { cashCents: refunds.cash, cardCents: refunds.card, voucherCents: refunds.voucher },
		tradeInCount: options.tradeIns.length,
		tradeInCashCents,
		tradeInCreditCents,
		paidInCents,
		paidOutCents,
		noSaleCount,
		expectedCashCents,
		countedCashCents: options.countedCashCents,
		differenceCents: options.countedCashCents - expectedCashCents
	};
}
