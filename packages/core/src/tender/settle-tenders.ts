import { DomainError } from '../errors.ts';
import { requiredText } from '../ids.ts';
import { assertCents, assertWholeNumber } from '../money/cents.ts';
import { describeCents } from '../money/describe.ts';
import { roundToIncrement } from '../money/rounding.ts';
import type { Tender } from '../wire/operations.ts';

/**
 * What the clerk enters at the till. Cash is what the customer handed over; card is the amount
 * the external terminal charged and its reference; voucher is store credit redeemed by code.
 */
export type TenderInput =
	| { readonly kind: 'cash'; readonly tenderedCents: number }
	| { readonly kind: 'card'; readonly amountCents: number; readonly reference: string }
	| { readonly kind: 'voucher'; readonly amountCents: number; readonly voucherCode: string };

/** The tenders of a paid sale, as they go on the SaleRecord. */
export interface Settlement {
	/** Card and voucher tenders in the order given, then one cash tender if cash was used. */
	readonly tenders: readonly Tender[];
	/** Cash rounding added to the amount due (negative when rounded down). */
	readonly roundingCents: number;
	/** What the customer paid in all: due + rounding. */
	readonly paidCents: number;
	/** Cash handed back. Only cash gives change. */
	readonly changeCents: number;
}

/**
 * Settles `dueCents` with any split of cash, card and vouchers. Card and voucher amounts are
 * taken as given and together may not exceed what is due (`overpaid`: only cash may overpay).
 * Cash covers the rest: with a cash rounding increment (CHF 5) that rest is rounded to the
 * increment first and the difference is `roundingCents`; the customer may hand over more and
 * gets change. Several cash inputs are added together. Throws `tender_short` when the tenders
 * do not cover what is due, `invalid_input` for a bad amount, reference or code, or for a cash
 * tender when card and vouchers already cover everything. With nothing due and no tender, the
 * settlement is one cash tender of 0.
 */
export function settleTenders(options: {
	readonly dueCents: number;
	readonly currency: string;
	readonly tenders: readonly TenderInput[];
	/** 1 = no cash rounding. */
	readonly cashRoundingIncrementCents: number;
}): Settlement {
	const { dueCents, currency, cashRoundingIncrementCents } = options;
	assertCents(dueCents, 'amount due');
	assertWholeNumber(cashRoundingIncrementCents, 'cashRoundingIncrementCents', 1, 10_000);
	const show = (cents: number): string => describeCents(cents, currency);

	const nonCash: Tender[] = [];
	let cashTenderedCents: number | undefined;
	options.tenders.forEach((tender, i) => {
		const n = i + 1;
		switch (tender.kind) {
			case 'cash':
				assertCents(tender.tenderedCents, `tender ${n} cash tendered`);
				cashTenderedCents = (cashTenderedCents ?? 0) + tender.tenderedCents;
				break;
			case 'card':
				assertCents(tender.amountCents, `tender ${n} card amount`, 1);
				nonCash.push({
					kind: 'card',
					amountCents: tender.amountCents,
					reference: requiredText(tender.reference, `tender ${n} card reference`, 100)
				});
				break;
			case 'voucher':
				assertCents(tender.amountCents, `tender ${n} voucher amount`, 1);
				nonCash.push({
					kind: 'voucher',
					amountCents: tender.amountCents,
					voucherCode: requiredText(tender.voucherCode, `tender ${n} voucher code`, 64)
				});
				break;
		}
	});

	const nonCashCents = nonCash.reduce((sum, t) => sum + t.amountCents, 0);
	if (nonCashCents > dueCents) {
		throw new DomainError(
			'overpaid',
			`card and voucher tenders total ${show(nonCashCents)} but only ${show(dueCents)} is due; only cash may overpay`
		);
	}
	const restCents = dueCents - nonCashCents;

	if (cashTenderedCents === undefined) {
		if (restCents > 0) {
			throw new DomainError(
				'tender_short',
				`tenders total ${show(nonCashCents)} but ${show(dueCents)} is due (${show(restCents)} short)`
			);
		}
		if (nonCash.length === 0) {
			const nothing = { kind: 'cash', amountCents: 0, tenderedCents: 0, changeCents: 0 } as const;
			return { tenders: [nothing], roundingCents: 0, paidCents: 0, changeCents: 0 };
		}
		return { tenders: nonCash, roundingCents: 0, paidCents: dueCents, changeCents: 0 };
	}

	if (restCents === 0 && nonCash.length > 0 && cashTenderedCents > 0) {
		throw new DomainError(
			'invalid_input',
			`cash is not needed: card and voucher tenders already cover ${show(dueCents)}`
		);
	}
	const cashDueCents = roundToIncrement(restCents, cashRoundingIncrementCents);
	if (cashTenderedCents < cashDueCents) {
		throw new DomainError(
			'tender_short',
			`cash tendered ${show(cashTenderedCents)} is short of the ${show(cashDueCents)} due in cash`
		);
	}
	const changeCents = cashTenderedCents - cashDueCents;
	return {
		tenders: [
			...nonCash,
			{ kind: 'cash', amountCents: cashDueCents, tenderedCents: cashTenderedCents, changeCents }
		],
		roundingCents: cashDueCents - restCents,
		paidCents: nonCashCents + cashDueCents,
		changeCents
	};
}
