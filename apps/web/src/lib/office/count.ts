/** One line of a count as the office shows it: what the bin should hold and what was scanned. */
export interface CountLine {
	itemId: string;
	description: string;
	expectedQty: number;
	countedQty: number;
	/** Scanned here but not expected in this bin (it belongs elsewhere or nowhere). */
	isUnexpected: boolean;
}

/**
 * The count so far: every expected item (counted 0 until scanned) plus anything scanned that was
 * not expected. A scan adds one copy; `set` overrides a figure typed by hand.
 */
export class CountSheet {
	readonly #lines = new Map<string, CountLine>();

	constructor(expected: readonly { itemId: string; description: string; onHand: number }[]) {
		for (const e of expected) {
			this.#lines.set(e.itemId, {
				itemId: e.itemId,
				description: e.description,
				expectedQty: e.onHand,
				countedQty: 0,
				isUnexpected: false
			});
		}
	}

	/** Counts one more copy of an item. */
	scan(item: { itemId: string; description: string; onHand: number }): void {
		const line = this.#lines.get(item.itemId);
		if (line !== undefined) line.countedQty++;
		else
			this.#lines.set(item.itemId, {
				itemId: item.itemId,
				description: item.description,
				expectedQty: 0,
				countedQty: 1,
				isUnexpected: true
			});
	}

	set(itemId: string, countedQty: number): void {
		const line = this.#lines.get(itemId);
		if (line === undefined) throw new Error(`item ${itemId} is not on this count`);
		if (!Number.isInteger(countedQty) || countedQty < 0)
			throw new Error(`counted quantity must be a whole number ≥ 0 (got ${countedQty})`);
		line.countedQty = countedQty;
	}

	get lines(): CountLine[] {
		return [...this.#lines.values()].map((l) => ({ ...l }));
	}

	/** Lines whose counted figure differs from the expected one: what posting will adjust. */
	get differences(): CountLine[] {
		return this.lines.filter((l) => l.countedQty !== l.expectedQty);
	}
}
