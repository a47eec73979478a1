import type { ReturnRecord, SaleRecord, TradeInRecord } from '../wire/operations.ts';

/** Why stock moved. The ledger's closed list; on hand is the sum of deltas. */
export type StockReason =
	| 'receive'
	| 'sale'
	| 'return'
	| 'adjust'
	| 'consign_in'
	| 'return_to_label'
	| 'trade_in'
	| 'count';

/** A stock movement before it gets its id, shop, time and author from the store that writes it. */
export interface StockMovementDraft {
	readonly itemId: string;
	/** Copies in (+) or out (−). Never 0. */
	readonly delta: number;
	readonly reason: StockReason;
	readonly refKind: 'sale' | 'return' | 'trade_in';
	readonly refId: string;
}

/** One movement out per sale line: −quantity, reason 'sale'. */
export function stockMovementsForSale(record: SaleRecord): StockMovementDraft[] {
	return record.lines.map((l) => ({
		itemId: l.itemId,
		delta: -l.quantity,
		reason: 'sale',
		refKind: 'sale',
		refId: record.saleId
	}));
}

/** One movement in per restocked return line: +quantity, reason 'return'. Written-off copies do not come back. */
export function stockMovementsForReturn(record: ReturnRecord): StockMovementDraft[] {
	return record.lines
		.filter((l) => l.restock)
		.map((l) => ({
			itemId: l.itemId,
			delta: l.quantity,
			reason: 'return',
			refKind: 'return',
			refId: record.returnId
		}));
}

/** One copy in per record bought at the counter, reason 'trade_in'. */
export function stockMovementsForTradeIn(record: TradeInRecord): StockMovementDraft[] {
	return record.lines.map((l) => ({
		itemId: l.itemId,
		delta: 1,
		reason: 'trade_in',
		refKind: 'trade_in',
		refId: record.tradeInId
	}));
}

/** On hand per item from a list of movements: the sum of deltas (items that never moved are absent). */
export function onHandByItem(
	movements: readonly Pick<StockMovementDraft, 'itemId' | 'delta'>[]
): Map<string, number> {
	const onHand = new Map<string, number>();
	for (const m of movements) onHand.set(m.itemId, (onHand.get(m.itemId) ?? 0) + m.delta);
	return onHand;
}
