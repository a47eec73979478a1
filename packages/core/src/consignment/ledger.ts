import { DomainError } from '../errors.ts';
import { assertId } from '../ids.ts';
import { assertCents } from '../money/cents.ts';
import { describeCents } from '../money/describe.ts';
import type { ReturnRecord, SaleRecord } from '../wire/operations.ts';

/**
 * One movement on a label's payable: what the shop owes the label. A sale adds, a return
 * reverses, a payout settles. `amountCents` is the size (≥ 0); `kind` gives the direction.
 */
export interface PayableEntry {
	/** Unique: `<saleId>:<lineId>`, `<returnId>:<lineId>`, or the payout's own id. */
	readonly entryId: string;
	readonly labelId: string;
	readonly kind: 'sale' | 'return' | 'payout';
	readonly amountCents: number;
	/** The shop's business day, which statements group by. */
	readonly businessDay: string;
	/** The sale, return or payout that made the entry. */
	readonly refId: string;
}

/** What an entry does to the balance owed: + for a sale, − for a return or payout. */
export function payableDelta(entry: PayableEntry): number {
	return entry.kind === 'sale' ? entry.amountCents : -entry.amountCents;
}

/** One 'sale' entry per consignment line of the sale, for its frozen share. */
export function payableEntriesForSale(record: SaleRecord): PayableEntry[] {
	return record.lines.flatMap((l) =>
		l.consignment === null
			? []
			: [
					{
						entryId: `${record.saleId}:${l.lineId}`,
						labelId: l.consignment.labelId,
						kind: 'sale' as const,
						amountCents: l.consignment.shareCents,
						businessDay: record.businessDay,
						refId: record.saleId
					}
				]
	);
}

/** One 'return' entry per consignment line of the return, reversing exactly its share. */
export function payableEntriesForReturn(record: ReturnRecord): PayableEntry[] {
	return record.lines.flatMap((l) =>
		l.consignment === null
			? []
			: [
					{
						entryId: `${record.returnId}:${l.lineId}`,
						labelId: l.consignment.labelId,
						kind: 'return' as const,
						amountCents: l.consignment.shareCents,
						businessDay: record.businessDay,
						refId: record.returnId
					}
				]
	);
}

/** What the shop owes `labelId` after `entries` (entries of other labels are ignored). */
export function payableBalance(entries: readonly PayableEntry[], labelId: string): number {
	return entries.reduce((sum, e) => (e.labelId === labelId ? sum + payableDelta(e) : sum), 0);
}

/**
 * A payout to a label, checked against what is owed: it must be more than 0 and at most the
 * balance, so the shop never pays out money it does not owe. Throws `invalid_input` otherwise.
 */
export function payoutEntry(options: {
	readonly payoutId: string;
	readonly labelId: string;
	readonly amountCents: number;
	readonly businessDay: string;
	readonly currency: string;
	/** Every entry of this label so far. */
	readonly entries: readonly PayableEntry[];
}): PayableEntry {
	assertId(options.payoutId, 'payoutId');
	assertId(options.labelId, 'labelId');
	assertCents(options.amountCents, 'payout amountCents', 1);
	const owed = payableBalance(options.entries, options.labelId);
	if (options.amountCents > owed) {
		const show = (c: number): string => describeCents(c, options.currency);
		throw new DomainError(
			'invalid_input',
			`payout of ${show(options.amountCents)} is more than the ${show(owed)} owed to label ${options.labelId}`
		);
	}
	return {
		entryId: options.payoutId,
		labelId: options.labelId,
		kind: 'payout',
		amountCents: options.amountCents,
		businessDay: options.businessDay,
		refId: options.payoutId
	};
}

/** A label's statement for a period of business days. */
export interface LabelStatement {
	readonly labelId: string;
	/** First business day, inclusive (YYYY-MM-DD). */
	readonly from: string;
	/** Last business day, inclusive. */
	readonly to: string;
	/** Owed at the start of `from`: every entry before it. */
	readonly openingCents: number;
	readonly salesCents: number;
	readonly returnsCents: number;
	readonly payoutsCents: number;
	/** opening + sales − returns − payouts. */
	readonly closingCents: number;
	/** The period's entries, by business day then entryId. */
	readonly entries: readonly PayableEntry[];
}

/**
 * The statement of one label for business days `from`–`to` inclusive. Reconciles by
 * construction: every entry of the label before `from` is in the opening balance, every entry
 * in the period is in exactly one of sales, returns or payouts, and the closing balance is
 * opening + sales − returns − payouts, which is the balance of all entries up to `to`.
 * Throws `invalid_input` for dates that are not YYYY-MM-DD or a period that ends before it starts.
 */
export function statement(
	entries: readonly PayableEntry[],
	period: { readonly labelId: string; readonly from: string; readonly to: string }
): LabelStatement {
	const { labelId, from, to } = period;
	for (const [field, day] of [
		['from', from],
		['to', to]
	] as const) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
			throw new DomainError(
				'invalid_input',
				`${field} must be a date YYYY-MM-DD (got ${JSON.stringify(day)})`
			);
		}
	}
	if (to < from) {
		throw new DomainError('invalid_input', `to (${to}) must not be before from (${from})`);
	}
	const mine = entries.filter((e) => e.labelId === labelId);
	const inPeriod = mine
		.filter((e) => e.businessDay >= from && e.businessDay <= to)
		.sort((a, b) =>
			a.businessDay === b.businessDay
				? a.entryId.localeCompare(b.entryId)
				: a.businessDay < b.businessDay
					? -1
					: 1
		);
	const openingCents = mine
		.filter((e) => e.businessDay < from)
		.reduce((sum, e) => sum + payableDelta(e), 0);
	const total = (kind: PayableEntry['kind']): number =>
		inPeriod.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.amountCents, 0);
	const salesCents = total('sale');
	const returnsCents = total('return');
	const payoutsCents = total('payout');
	return {
		labelId,
		from,
		to,
		openingCents,
		salesCents,
		returnsCents,
		payoutsCents,
		closingCents: openingCents + salesCents - returnsCents - payoutsCents,
		entries: inPeriod
	};
}
