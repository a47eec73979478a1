import { labelShareForLine } from '../consignment/terms.ts';
import { DomainError } from '../errors.ts';
import { allocateByWeight } from '../money/allocate.ts';
import { computeTax, type RateSummary } from '../tax/tax.ts';
import type { ConsignmentShare } from '../wire/operations.ts';
import type { Cart, CartLine } from './cart.ts';
import { discountCents } from './discount.ts';
import { lineName } from './line-name.ts';

/** A cart line with every figure worked out, all in whole cents. */
export interface PricedLine extends CartLine {
	/** unitPrice × quantity. */
	readonly grossCents: number;
	readonly lineDiscountCents: number;
	/** This line's part of the receipt discount. */
	readonly receiptDiscountCents: number;
	/** lineDiscount + receiptDiscount. */
	readonly discountCents: number;
	/** gross − discount: what tax is computed on, in the shop's price mode. */
	readonly amountCents: number;
	readonly taxCents: number;
	/** Without tax: amount − tax when inclusive, amount when exclusive. */
	readonly netCents: number;
	/** What the customer pays for the line: net + tax. */
	readonly totalCents: number;
	/** The label's share, frozen from the line's terms; null for shop-owned stock. */
	readonly consignmentShare: ConsignmentShare | null;
}

/** The figures of a whole cart. Each total is the sum of the same figure over the lines. */
export interface CartTotals {
	readonly lines: readonly PricedLine[];
	/** Σ gross, before any discount. */
	readonly subtotalCents: number;
	/** Σ line discounts + receipt discount. */
	readonly discountCents: number;
	readonly receiptDiscountCents: number;
	readonly taxCents: number;
	readonly netCents: number;
	/** Before cash rounding, which only the tenders decide. */
	readonly totalCents: number;
	readonly byRate: readonly RateSummary[];
}

/**
 * Prices a cart: line discounts, then the receipt discount (taken from the total after line
 * discounts and apportioned over the lines by largest remainder, weighted by each line's
 * amount, so the parts sum to it exactly), then tax in the shop's mode and rounding, then each
 * consignment line's label share on its net amount. Invariants, by construction:
 * Σ line.total = total, Σ line.tax = tax, net + tax = total, subtotal − discount = Σ amount.
 * Throws `invalid_input` when a discount amount is larger than what it applies to.
 */
export function priceCart(cart: Cart): CartTotals {
	const { currency, taxMode, taxRounding } = cart.shop;
	const steps = cart.lines.map((line, index) => {
		const grossCents = line.unitPriceCents * line.quantity;
		if (!Number.isSafeInteger(grossCents)) {
			throw new DomainError(
				'invalid_input',
				`${lineName(line, index + 1)}: line total is too large (got ${grossCents})`
			);
		}
		const lineDiscountCents =
			line.discount === null
				? 0
				: discountCents(line.discount, {
						baseCents: grossCents,
						currency,
						field: `${lineName(line, index + 1)}: discount`
					});
		return { line, grossCents, lineDiscountCents, afterLineCents: grossCents - lineDiscountCents };
	});
	const afterLines = steps.map((s) => s.afterLineCents);
	const afterLinesTotal = afterLines.reduce((a, b) => a + b, 0);
	const receiptDiscountCents =
		cart.receiptDiscount === null
			? 0
			: discountCents(cart.receiptDiscount, {
					baseCents: afterLinesTotal,
					currency,
					field: 'receipt discount'
				});
	const receiptParts = allocateByWeight(receiptDiscountCents, afterLines);
	const amounts = steps.map((s, i) => s.afterLineCents - (receiptParts[i] ?? 0));
	const tax = computeTax(
		steps.map((s, i) => ({ amountCents: amounts[i] ?? 0, ratePpm: s.line.taxRatePpm })),
		{ taxMode, taxRounding }
	);

	const lines = steps.map((s, i): PricedLine => {
		const amountCents = amounts[i] ?? 0;
		const taxCents = tax.lineTaxCents[i] ?? 0;
		const netCents = taxMode === 'inclusive' ? amountCents - taxCents : amountCents;
		const share =
			s.line.consignment === null
				? null
				: {
						labelId: s.line.consignment.labelId,
						shareCents: labelShareForLine(s.line.consignment.rule, {
							quantity: s.line.quantity,
							netCents
						})
					};
		const lineReceiptCents = receiptParts[i] ?? 0;
		return {
			...s.line,
			grossCents: s.grossCents,
			lineDiscountCents: s.lineDiscountCents,
			receiptDiscountCents: lineReceiptCents,
			discountCents: s.lineDiscountCents + lineReceiptCents,
			amountCents,
			taxCents,
			netCents,
			totalCents: netCents + taxCents,
			consignmentShare: share
		};
	});
	const sum = (f: (l: PricedLine) => number): number => lines.reduce((t, l) => t + f(l), 0);
	return {
		lines,
		subtotalCents: sum((l) => l.grossCents),
		discountCents: sum((l) => l.discountCents),
		receiptDiscountCents,
		taxCents: tax.taxCents,
		netCents: tax.netCents,
		totalCents: tax.totalCents,
		byRate: tax.byRate
	};
}
