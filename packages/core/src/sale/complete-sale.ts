import { assert } from '../assert.ts';
import { businessDayOf } from '../business-day/business-day.ts';
import { DomainError } from '../errors.ts';
import { formatReceiptNo, parseReceiptNo } from '../receipt-number/receipt-number.ts';
import { settleTenders, type TenderInput } from '../tender/settle-tenders.ts';
import { assertId } from '../ids.ts';
import { saleRecordSchema, type SaleRecord } from '../wire/operations.ts';
import { assertCartOpen, type Cart } from './cart.ts';
import { priceCart } from './price-cart.ts';

/**
 * Completes a sale: prices the cart, settles the tenders (cash rounding lands in
 * `roundingCents` and in `totalCents`), dates it to the shop's business day, and freezes
 * everything into a SaleRecord that passes `saleRecordSchema`. The record is what the tablet
 * stores and sends as `sale.completed`; nothing in it is recomputed later. Invariants:
 * Σ line.total + rounding = total; Σ line.tax = tax; subtotal − discount + (exclusive ? tax : 0)
 * + rounding = total; Σ tender amounts = total. Throws `sale_closed` (voided), `invalid_input`
 * (no lines, bad receiptNo, clerkId or time), `tender_short` or `overpaid`.
 */
export function completeSale(
	cart: Cart,
	options: {
		readonly tenders: readonly TenderInput[];
		/** From formatReceiptNo: the device code and that device's next sequence. */
		readonly receiptNo: string;
		readonly clerkId: string;
		/** ISO 8601 with offset; the device clock, recorded as is. */
		readonly completedAt: string;
	}
): SaleRecord {
	assertCartOpen(cart);
	if (cart.lines.length === 0) {
		throw new DomainError('invalid_input', 'this sale has no lines; add an item first');
	}
	const { deviceCode, seq } = parseReceiptNo(options.receiptNo);
	assertId(options.clerkId, 'clerkId');
	const { shop } = cart;
	const businessDay = businessDayOf(options.completedAt, shop.timeZone);
	const totals = priceCart(cart);
	const settlement = settleTenders({
		dueCents: totals.totalCents,
		currency: shop.currency,
		tenders: options.tenders,
		cashRoundingIncrementCents: shop.cashRoundingIncrementCents
	});
	const record: SaleRecord = {
		saleId: cart.saleId,
		// Stored as printed, whatever case or spacing it was passed in.
		receiptNo: formatReceiptNo(deviceCode, seq),
		clerkId: options.clerkId,
		currency: shop.currency,
		businessDay,
		completedAt: options.completedAt,
		lines: totals.lines.map((l) => ({
			lineId: l.lineId,
			itemId: l.itemId,
			releaseId: l.releaseId,
			description: l.description,
			kind: l.kind,
			quantity: l.quantity,
			unitPriceCents: l.unitPriceCents,
			discountCents: l.discountCents,
			discountReason: l.discount?.reason ?? null,
			taxClassId: l.taxClassId,
			taxRatePpm: l.taxRatePpm,
			taxCents: l.taxCents,
			totalCents: l.totalCents,
			consignment: l.consignmentShare
		})),
		receiptDiscountCents: totals.receiptDiscountCents,
		receiptDiscountReason: cart.receiptDiscount?.reason ?? null,
		subtotalCents: totals.subtotalCents,
		discountCents: totals.discountCents,
		taxCents: totals.taxCents,
		totalCents: totals.totalCents + settlement.roundingCents,
		roundingCents: settlement.roundingCents,
		tenders: [...settlement.tenders]
	};
	const checked = saleRecordSchema.safeParse(record);
	assert(checked.success, `completeSale builds a valid SaleRecord: ${checked.error?.message}`);
	return record;
}
