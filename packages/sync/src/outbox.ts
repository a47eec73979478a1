import type { Operation, ReturnRecord, SaleRecord } from '@deadwax/core';

/** How one operation moves one item's stock on this register until the server's level includes it. */
export type StockDelta = { itemId: string; delta: number };

/**
 * pending: not yet acknowledged; pushed again until it is.
 * acked: the server holds it; its stock delta still counts until a pull brings a level that includes it.
 * rejected: the server parked it as invalid; kept for a person to inspect, never pushed again.
 */
export type OutboxState = 'pending' | 'acked' | 'rejected';

export type OutboxEntry = {
	opId: string;
	deviceSeq: number;
	op: Operation;
	state: OutboxState;
	stockDeltas: StockDelta[];
	/** The items in `stockDeltas`, so a store can index them. */
	itemIds: string[];
	reason?: string;
};

/**
 * Operations made on this register that the server has not acknowledged yet, plus acknowledged
 * ones whose stock effect a pull has not brought back yet. Implementations keep deviceSeq order and
 * survive a reload (DexieOutbox in the app, MemoryOutbox in tests); both pass `outboxContract`.
 */
export interface Outbox {
	/** Adds an op as pending. Enqueuing an opId that is already there changes nothing. */
	enqueue(op: Operation, stockDeltas: readonly StockDelta[]): Promise<void>;
	/** Up to `limit` pending entries, lowest deviceSeq first. */
	pending(limit: number): Promise<OutboxEntry[]>;
	/** Marks pending entries acknowledged. Unknown or already-acked ids change nothing. */
	markAcked(opIds: readonly string[]): Promise<void>;
	/** Parks a pending entry with the server's reason; it is never pushed again and moves no stock. */
	markRejected(opId: string, reason: string): Promise<void>;
	/** Ids of acknowledged entries still held for their stock delta. */
	ackedIds(): Promise<string[]>;
	/** Deletes the given entries if they are acked; pending or rejected ones are kept. */
	purgeAcked(opIds: readonly string[]): Promise<void>;
	/** Summed stock deltas of pending and acked entries, per item (all items when none given). */
	stockDeltas(itemIds?: readonly string[]): Promise<Map<string, number>>;
	/** Pending count and the oldest pending entry, for the sync status. */
	stats(): Promise<{ pendingCount: number; oldestPending: OutboxEntry | undefined }>;
	/** Parked entries, oldest first. */
	rejected(): Promise<OutboxEntry[]>;
}

/** Builds a pending entry; shared by every Outbox implementation so they store the same shape. */
export function newOutboxEntry(op: Operation, stockDeltas: readonly StockDelta[]): OutboxEntry {
	return {
		opId: op.opId,
		deviceSeq: op.deviceSeq,
		op,
		state: 'pending',
		stockDeltas: [...stockDeltas],
		itemIds: [...new Set(stockDeltas.map((d) => d.itemId))]
	};
}

/** Adds each entry's deltas into `into`, keeping only the items asked for (all when `only` is undefined). */
export function sumDeltas(
	entries: Iterable<OutboxEntry>,
	only?: ReadonlySet<string>,
	into = new Map<string, number>()
): Map<string, number> {
	for (const entry of entries) {
		if (entry.state === 'rejected') continue;
		for (const { itemId, delta } of entry.stockDeltas) {
			if (only && !only.has(itemId)) continue;
			into.set(itemId, (into.get(itemId) ?? 0) + delta);
		}
	}
	return into;
}

/** A sale takes one copy per unit sold off the shelf. */
export function saleStockDeltas(sale: SaleRecord): StockDelta[] {
	return sale.lines.map((line) => ({ itemId: line.itemId, delta: -line.quantity }));
}

/** A return puts restocked units back; written-off (damaged) units never re-enter stock. */
export function returnStockDeltas(ret: ReturnRecord): StockDelta[] {
	return ret.lines
		.filter((line) => line.restock)
		.map((line) => ({ itemId: line.itemId, delta: line.quantity }));
}

/** The in-memory Outbox for tests and tools; same behaviour as DexieOutbox, nothing persisted. */
export class MemoryOutbox implements Outbox {
	readonly #entries = new Map<string, OutboxEntry>();

	enqueue(op: Operation, stockDeltas: readonly StockDelta[]): Promise<void> {
		if (!this.#entries.has(op.opId)) this.#entries.set(op.opId, newOutboxEntry(op, stockDeltas));
		return Promise.resolve();
	}

	pending(limit: number): Promise<OutboxEntry[]> {
		return Promise.resolve(this.#inState('pending').slice(0, limit));
	}

	markAcked(opIds: readonly string[]): Promise<void> {
		for (const opId of opIds) {
			const entry = this.#entries.get(opId);
			if (entry?.state === 'pending') this.#entries.set(opId, { ...entry, state: 'acked' });
		}
		return Promise.resolve();
	}

	markRejected(opId: string, reason: string): Promise<void> {
		const entry = this.#entries.get(opId);
		if (entry?.state === 'pending')
			this.#entries.set(opId, { ...entry, state: 'rejected', reason });
		return Promise.resolve();
	}

	ackedIds(): Promise<string[]> {
		return Promise.resolve(this.#inState('acked').map((e) => e.opId));
	}

	purgeAcked(opIds: readonly string[]): Promise<void> {
		for (const opId of opIds) {
			if (this.#entries.get(opId)?.state === 'acked') this.#entries.delete(opId);
		}
		return Promise.resolve();
	}

	stockDeltas(itemIds?: readonly string[]): Promise<Map<string, number>> {
		return Promise.resolve(
			sumDeltas(this.#entries.values(), itemIds ? new Set(itemIds) : undefined)
		);
	}

	stats(): Promise<{ pendingCount: number; oldestPending: OutboxEntry | undefined }> {
		const pending = this.#inState('pending');
		return Promise.resolve({ pendingCount: pending.length, oldestPending: pending[0] });
	}

	rejected(): Promise<OutboxEntry[]> {
		return Promise.resolve(this.#inState('rejected'));
	}

	#inState(state: OutboxState): OutboxEntry[] {
		return [...this.#entries.values()]
			.filter((e) => e.state === state)
			.sort((a, b) => a.deviceSeq - b.deviceSeq);
	}
}
