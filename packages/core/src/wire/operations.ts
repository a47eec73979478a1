import { z } from 'zod';
import { mediaGradeSchema, sleeveGradeSchema } from '../grading/grades.ts';

/**
 * The operations a tablet sends to the server. Each is written to the device outbox in the same
 * IndexedDB transaction as its local effect, and the server applies it at most once (opId is a key).
 * Payloads carry figures already computed by core on the tablet and frozen at the counter: the
 * server re-checks them with the same core functions but never re-prices a sale that happened.
 *
 * Adding a kind: add its payload schema here, add it to `operationSchema`, and handle it in the
 * server's apply (packages/db) and in the tablet's local projection (packages/sync).
 */

/** Whole minor units of a currency (cents, pence, yen). Never a float. */
export const cents = z
	.number({ error: 'must be a number of minor units (e.g. cents)' })
	.int({ error: 'must be a whole number of minor units (e.g. cents), not a fraction' })
	.refine(Number.isSafeInteger, { error: 'is too large' });
/** Whole minor units ≥ 0. */
export const positiveCents = cents.refine((v) => v >= 0, { error: 'must be ≥ 0' });

/** A text id: a UUIDv7 made by the app or a short slug for demo rows; 1 to 64 characters. */
export const id = z
	.string()
	.min(1, { error: 'must not be empty' })
	.max(64, { error: 'is too long' });
/** A UUID; the app makes UUIDv7s so ids sort by creation time. */
export const uuid = z.uuid({ error: 'must be a UUID' });
/** An ISO 4217 code in capitals, like EUR. */
export const currencyCode = z
	.string()
	.regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code like EUR' });
/** The shop's business day: YYYY-MM-DD in the shop's time zone (see businessDayOf). */
export const businessDay = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });
/** An ISO 8601 instant with seconds and an explicit offset, e.g. 2026-03-01T14:30:00Z. */
export const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' });

/** New stock is counted (many copies of one item); a used item is one graded copy. */
export const itemKindSchema = z.enum(['new', 'used']);

/** The label's share of one sold line, frozen when the line was rung up. */
export const consignmentShareSchema = z.object({
	labelId: id,
	/** What the shop owes the label for this whole line (all units), after discounts. */
	shareCents: positiveCents
});

/**
 * A line's tax rate in parts per million (88750 = 8.875 %). Bounded at 10000000 so that every
 * rate a protocol ≤ 5 register could send as `taxRateBp` (at most 100000 bp) still converts.
 */
export const taxRatePpmSchema = z.number().int().min(0).max(10_000_000);

/** One line of a completed sale, frozen at the counter: nothing in it is recomputed later. */
export const saleLineSchema = z
	.object({
		lineId: id,
		itemId: id,
		releaseId: id.nullable(),
		/** Short text for the receipt, copied so a later catalogue edit never rewrites it. */
		description: z.string().max(300),
		kind: itemKindSchema,
		quantity: z
			.number()
			.int({ error: 'quantity must be a whole number' })
			.min(1, { error: 'quantity must be ≥ 1' }),
		unitPriceCents: positiveCents,
		/** Line discount plus this line's part of any receipt discount. */
		discountCents: positiveCents,
		discountReason: z.string().max(200).nullable(),
		taxClassId: id,
		taxRatePpm: taxRatePpmSchema.optional(),
		/**
		 * Protocol ≤ 5: the rate in whole basis points. Ops still in an old register's outbox carry it;
		 * it is read as taxRatePpm = taxRateBp × 100, so such a sale is never rejected.
		 */
		taxRateBp: z.number().int().min(0).max(100_000).optional(),
		taxCents: cents,
		/** What the customer pays for the line, tax included whichever mode the shop uses. */
		totalCents: cents,
		consignment: consignmentShareSchema.nullable()
	})
	.refine((l) => (l.taxRatePpm === undefined) !== (l.taxRateBp === undefined), {
		error: 'a sale line needs its tax rate: taxRatePpm (or taxRateBp from a protocol ≤ 5 register)',
		path: ['taxRatePpm']
	})
	.transform(({ taxRateBp, taxRatePpm, ...line }) => ({
		...line,
		taxRatePpm: taxRatePpm ?? (taxRateBp ?? 0) * 100
	}));

/**
 * How a sale was paid, or a return refunded. `amountCents` is what the tender covers; only cash
 * has tendered and change (a cash refund records tendered = amount, change 0).
 */
export const tenderSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('cash'),
		amountCents: cents,
		tenderedCents: positiveCents,
		changeCents: positiveCents
	}),
	z.object({
		kind: z.literal('card'),
		amountCents: cents,
		reference: z.string().max(100)
	}),
	z.object({
		kind: z.literal('voucher'),
		amountCents: cents,
		voucherCode: z.string().min(1).max(64)
	})
]);

/**
 * A completed sale as completeSale froze it; the payload of `sale.completed`. Invariants:
 * Σ line totals + rounding = total = Σ tender amounts; Σ line tax = tax.
 */
export const saleRecordSchema = z.object({
	saleId: uuid,
	/** Device code plus that device's own sequence, e.g. "K7-000142": unique with no network. */
	receiptNo: z.string().min(3).max(32),
	clerkId: id,
	currency: currencyCode,
	businessDay,
	completedAt: isoTime,
	lines: z.array(saleLineSchema).min(1, { error: 'a sale needs at least one line' }),
	receiptDiscountCents: positiveCents,
	receiptDiscountReason: z.string().max(200).nullable(),
	subtotalCents: cents,
	discountCents: positiveCents,
	taxCents: cents,
	totalCents: cents,
	/** Cash rounding applied at the till (e.g. CHF to 0.05), included in totalCents. */
	roundingCents: cents,
	tenders: z.array(tenderSchema).min(1, { error: 'a sale needs at least one tender' })
});

/** Units of one item coming back, with exactly the refund, tax and label share they reverse. */
export const returnLineSchema = z.object({
	lineId: id,
	/** The line of the original sale, when there is a receipt. */
	originalLineId: id.nullable(),
	itemId: id,
	quantity: z.number().int().min(1),
	refundCents: positiveCents,
	taxCents: cents,
	/** Whether the copy goes back on the shelf (restock) or is written off as damaged. */
	restock: z.boolean(),
	/** Exactly the consignment share reversed for these units. */
	consignment: consignmentShareSchema.nullable()
});

/**
 * A completed return (returnAgainstSale or returnWithoutReceipt); the payload of
 * `sale.returned`. Σ line refunds = refundCents = Σ refund tender amounts.
 */
export const returnRecordSchema = z.object({
	returnId: uuid,
	receiptNo: z.string().min(3).max(32),
	originalSaleId: uuid.nullable(),
	clerkId: id,
	/** Needed when there is no original sale. */
	approvedByManagerId: id.nullable(),
	currency: currencyCode,
	businessDay,
	completedAt: isoTime,
	reason: z.string().max(200),
	lines: z.array(returnLineSchema).min(1),
	refundCents: positiveCents,
	refunds: z.array(tenderSchema).min(1)
});

/** One record bought at the counter; it becomes the used item `itemId`. */
export const tradeInLineSchema = z.object({
	lineId: id,
	/** The new used item this record becomes (made on the tablet). */
	itemId: id,
	releaseId: id.nullable(),
	description: z.string().max(300),
	mediaGrade: mediaGradeSchema,
	sleeveGrade: sleeveGradeSchema,
	/** What the shop offered for this record, in cash terms. */
	offerCents: positiveCents,
	/** What the shop paid for it: the offer, plus its part of any store-credit bonus. */
	costBasisCents: positiveCents,
	/** Shelf price when already set at the counter; null to price later in the office. */
	priceCents: positiveCents.nullable(),
	taxClassId: id
});

/** How the customer was paid for a trade-in: cash, or store credit with its bonus. */
export const tradeInPayoutSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('cash'), amountCents: positiveCents }),
	z.object({
		kind: z.literal('store_credit'),
		/** Offer plus bonus: the credit put on the voucher. */
		amountCents: positiveCents,
		bonusCents: positiveCents,
		voucherCode: z.string().min(1).max(64)
	})
]);

/**
 * A completed trade-in (completeTradeIn); the payload of `trade_in.completed`.
 * Σ line cost basis = payout amount.
 */
export const tradeInRecordSchema = z.object({
	tradeInId: uuid,
	receiptNo: z.string().min(3).max(32),
	clerkId: id,
	currency: currencyCode,
	businessDay,
	completedAt: isoTime,
	lines: z.array(tradeInLineSchema).min(1, { error: 'a trade-in needs at least one record' }),
	offerCents: positiveCents,
	payout: tradeInPayoutSchema
});

/** What a till's cash moves for besides sales: money put in, taken out, or a logged drawer open. */
export const cashMoveKindSchema = z.enum(['paid_in', 'paid_out', 'no_sale']);

/** A clerk opens the drawer for the day with a counted float. */
export const shiftOpenedSchema = z.object({
	shiftId: uuid,
	clerkId: id,
	currency: currencyCode,
	businessDay,
	openedAt: isoTime,
	floatCents: positiveCents
});

/** Paid-in, paid-out (always with a reason), or a no-sale drawer open (amount 0). */
export const cashMovedSchema = z.object({
	moveId: uuid,
	shiftId: uuid,
	clerkId: id,
	currency: currencyCode,
	businessDay,
	at: isoTime,
	kind: cashMoveKindSchema,
	amountCents: positiveCents,
	reason: z.string().trim().min(1, { error: 'reason must not be empty' }).max(200)
});

/** The drawer counted at close, against what the till expected; the Z report is frozen with it. */
export const shiftClosedSchema = z.object({
	shiftId: uuid,
	clerkId: id,
	currency: currencyCode,
	businessDay,
	closedAt: isoTime,
	expectedCashCents: cents,
	countedCashCents: positiveCents,
	/** counted − expected: negative when the drawer is short. */
	differenceCents: cents,
	/** The Z report as printed (see zReport in core's cash-shift). */
	report: z.record(z.string(), z.unknown())
});

/** How many copies moved on one line of a stock document: a whole number ≥ 1. */
const copies = z
	.number({ error: 'quantity must be a number of copies' })
	.int({ error: 'quantity must be a whole number' })
	.min(1, { error: 'quantity must be ≥ 1' })
	.max(100_000, { error: 'quantity must be at most 100000' });
const documentText = (field: string, max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: `${field} must be at most ${max} characters` });

/**
 * A delivery from a distributor, received in the office (online, or offline through the outbox).
 * Items must already be in the catalog. documentId is the at-most-once key of the document.
 */
export const stockReceivedSchema = z.object({
	documentId: uuid,
	/** Staff id of whoever received it. */
	by: id,
	supplier: documentText('supplier', 200).min(1, { error: 'supplier must not be empty' }),
	reference: documentText('reference', 200).nullable(),
	lines: z
		.array(z.object({ itemId: id, quantity: copies, costCents: positiveCents.nullable() }))
		.min(1, { error: 'a delivery needs at least one line' })
		.max(2000, { error: 'a delivery may have at most 2000 lines' })
});

/**
 * A stock count of a bin. Each line is what was counted; the server compares it with what the
 * device expected: the on-hand at `cursor` (its last pulled seq) plus `pendingDelta`, the device's
 * own changes to the item still queued before this count (a delivery received offline). The
 * difference is posted as a 'count' movement, so movements the device had not seen are kept on top.
 */
export const stockCountedSchema = z.object({
	documentId: uuid,
	by: id,
	bin: documentText('bin', 50).nullable(),
	reason: documentText('reason', 200).min(1, { error: 'reason must say why the stock changed' }),
	cursor: z.number().int().min(0, { error: 'cursor must be ≥ 0' }),
	lines: z
		.array(
			z.object({
				itemId: id,
				countedQty: z
					.number()
					.int({ error: 'counted quantity must be a whole number' })
					.min(0, { error: 'counted quantity must be ≥ 0' }),
				pendingDelta: z.number().int({ error: 'pendingDelta must be a whole number' }).optional()
			})
		)
		.min(1, { error: 'a count needs at least one line' })
		.max(5000, { error: 'a count may have at most 5000 lines' })
});

/** Copies a label leaves with the shop under its consignment agreement. */
export const consignmentReceivedSchema = z.object({
	documentId: uuid,
	by: id,
	labelId: id,
	reference: documentText('reference', 200).nullable(),
	lines: z
		.array(z.object({ itemId: id, quantity: copies }))
		.min(1, { error: 'an intake needs at least one line' })
		.max(2000, { error: 'an intake may have at most 2000 lines' })
});

/** Unsold consignment copies sent back to their label. */
export const consignmentReturnedSchema = z.object({
	documentId: uuid,
	by: id,
	labelId: id,
	reason: documentText('reason', 200).min(1, { error: 'reason must not be empty' }),
	lines: z
		.array(z.object({ itemId: id, quantity: copies }))
		.min(1, { error: 'a return needs at least one line' })
		.max(2000, { error: 'a return may have at most 2000 lines' })
});

const envelope = {
	/** UUIDv7 made on the tablet: the at-most-once key on the server. */
	opId: uuid,
	deviceId: id,
	/** 1, 2, 3… per device, gap-free: lets the server spot a missing op. */
	deviceSeq: z.number().int().min(1),
	/** The tablet's clock when the op was made: recorded, never trusted for ordering. */
	deviceTime: isoTime
};

/** Every operation a tablet sends, by kind. Parse with it wherever operations enter. */
export const operationSchema = z.discriminatedUnion('kind', [
	z.object({ ...envelope, kind: z.literal('sale.completed'), payload: saleRecordSchema }),
	z.object({ ...envelope, kind: z.literal('sale.returned'), payload: returnRecordSchema }),
	z.object({ ...envelope, kind: z.literal('trade_in.completed'), payload: tradeInRecordSchema }),
	z.object({ ...envelope, kind: z.literal('shift.opened'), payload: shiftOpenedSchema }),
	z.object({ ...envelope, kind: z.literal('cash.moved'), payload: cashMovedSchema }),
	z.object({ ...envelope, kind: z.literal('shift.closed'), payload: shiftClosedSchema }),
	z.object({ ...envelope, kind: z.literal('stock.received'), payload: stockReceivedSchema }),
	z.object({ ...envelope, kind: z.literal('stock.counted'), payload: stockCountedSchema }),
	z.object({
		...envelope,
		kind: z.literal('consignment.received'),
		payload: consignmentReceivedSchema
	}),
	z.object({
		...envelope,
		kind: z.literal('consignment.returned'),
		payload: consignmentReturnedSchema
	})
]);

/** Whole minor units; see `cents`. */
export type Cents = z.infer<typeof cents>;
/** 'new' (counted) or 'used' (one graded copy). */
export type ItemKind = z.infer<typeof itemKindSchema>;
/** A label's frozen share of a line; see consignmentShareSchema. */
export type ConsignmentShare = z.infer<typeof consignmentShareSchema>;
/** See saleLineSchema. */
export type SaleLine = z.infer<typeof saleLineSchema>;
/** See tenderSchema. */
export type Tender = z.infer<typeof tenderSchema>;
/** See saleRecordSchema. */
export type SaleRecord = z.infer<typeof saleRecordSchema>;
/** See returnLineSchema. */
export type ReturnLine = z.infer<typeof returnLineSchema>;
/** See returnRecordSchema. */
export type ReturnRecord = z.infer<typeof returnRecordSchema>;
/** See tradeInLineSchema. */
export type TradeInLine = z.infer<typeof tradeInLineSchema>;
/** See tradeInPayoutSchema. */
export type TradeInPayout = z.infer<typeof tradeInPayoutSchema>;
/** See tradeInRecordSchema. */
export type TradeInRecord = z.infer<typeof tradeInRecordSchema>;
export type CashMoveKind = z.infer<typeof cashMoveKindSchema>;
export type ShiftOpened = z.infer<typeof shiftOpenedSchema>;
export type CashMoved = z.infer<typeof cashMovedSchema>;
export type ShiftClosed = z.infer<typeof shiftClosedSchema>;
export type StockReceived = z.infer<typeof stockReceivedSchema>;
export type StockCounted = z.infer<typeof stockCountedSchema>;
export type ConsignmentReceived = z.infer<typeof consignmentReceivedSchema>;
export type ConsignmentReturned = z.infer<typeof consignmentReturnedSchema>;
/** One operation of any kind; see operationSchema. */
export type Operation = z.infer<typeof operationSchema>;
/** 'sale.completed', 'sale.returned', … */
export type OperationKind = Operation['kind'];
