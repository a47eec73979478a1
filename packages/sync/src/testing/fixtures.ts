import { uuidv7 } from 'uuidv7';
import type { Operation, ReturnRecord, SaleRecord } from '@deadwax/core';

export type FixtureLine = {
	itemId: string;
	quantity?: number;
	unitPriceCents?: number;
	labelId?: string;
};

/**
 * A well-formed, tax-free sale of the given lines, paid in cash. Totals add up, so the server's
 * checks pass; `consignment` is set when a line names a label (half the line goes to it).
 */
export function saleRecord(
	lines: readonly FixtureLine[],
	{ saleId = uuidv7(), receiptNo = 'T1-000001', completedAt = new Date().toISOString() } = {}
): SaleRecord {
	const saleLines = lines.map((l, i) => {
		const quantity = l.quantity ?? 1;
		const unitPriceCents = l.unitPriceCents ?? 1999;
		const totalCents = quantity * unitPriceCents;
		return {
			lineId: `${saleId.slice(-8)}-${i + 1}`,
			itemId: l.itemId,
			releaseId: null,
			description: `Item ${l.itemId}`,
			kind: 'new' as const,
			quantity,
			unitPriceCents,
			discountCents: 0,
			discountReason: null,
			taxClassId: 'zero',
			taxRatePpm: 0,
			taxCents: 0,
			totalCents,
			consignment: l.labelId ? { labelId: l.labelId, shareCents: Math.floor(totalCents / 2) } : null
		};
	});
	const totalCents = saleLines.reduce((sum, l) => sum + l.totalCents, 0);
	return {
		saleId,
		receiptNo,
		clerkId: 'clerk-1',
		currency: 'EUR',
		businessDay: completedAt.slice(0, 10),
		completedAt,
		lines: saleLines,
		receiptDiscountCents: 0,
		receiptDiscountReason: null,
		subtotalCents: totalCents,
		discountCents: 0,
		taxCents: 0,
		totalCents,
		roundingCents: 0,
		tenders: [{ kind: 'cash', amountCents: totalCents, tenderedCents: totalCents, changeCents: 0 }]
	};
}

/** A receipted return of some lines of `sale`, each unit refunded at its line price and restocked. */
export function returnRecord(
	sale: SaleRecord,
	lines: readonly { lineIndex: number; quantity?: number; restock?: boolean }[],
	{ returnId = uuidv7(), receiptNo = 'T1-R00001', completedAt = new Date().toISOString() } = {}
): ReturnRecord {
	const returnLines = lines.map((l, i) => {
		const original = sale.lines[l.lineIndex];
		if (!original) throw new Error(`sale ${sale.saleId} has no line ${l.lineIndex}`);
		const quantity = l.quantity ?? original.quantity;
		const refundCents = Math.round((original.totalCents * quantity) / original.quantity);
		return {
			lineId: `${returnId.slice(-8)}-${i + 1}`,
			originalLineId: original.lineId,
			itemId: original.itemId,
			quantity,
			refundCents,
			taxCents: 0,
			restock: l.restock ?? true,
			consignment: original.consignment
				? {
						labelId: original.consignment.labelId,
						shareCents: Math.floor((original.consignment.shareCents * quantity) / original.quantity)
					}
				: null
		};
	});
	const refundCents = returnLines.reduce((sum, l) => sum + l.refundCents, 0);
	return {
		returnId,
		receiptNo,
		originalSaleId: sale.saleId,
		clerkId: 'clerk-1',
		approvedByManagerId: null,
		currency: sale.currency,
		businessDay: completedAt.slice(0, 10),
		completedAt,
		reason: 'changed mind',
		lines: returnLines,
		refundCents,
		refunds: [{ kind: 'cash', amountCents: refundCents, tenderedCents: 0, changeCents: 0 }]
	};
}

/** Wraps a sale in a `sale.completed` envelope. */
export function saleOp(
	sale: SaleRecord,
	{ deviceId = 'device-1', deviceSeq = 1, deviceTime = sale.completedAt, opId = uuidv7() } = {}
): Extract<Operation, { kind: 'sale.completed' }> {
	return { opId, deviceId, deviceSeq, deviceTime, kind: 'sale.completed', payload: sale };
}

/** Wraps a return in a `sale.returned` envelope. */
export function returnOp(
	ret: ReturnRecord,
	{ deviceId = 'device-1', deviceSeq = 1, deviceTime = ret.completedAt, opId = uuidv7() } = {}
): Extract<Operation, { kind: 'sale.returned' }> {
	return { opId, deviceId, deviceSeq, deviceTime, kind: 'sale.returned', payload: ret };
}
