import { businessDayOf, type PayableEntry } from '@deadwax/core';
import type { PayoutMethod, StatementLine } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import './schema.ts';
import '../sync/schema.ts';

/** One payable entry of a label at a shop, as core's PayableEntry and as a statement line. */
export interface LedgerRow {
	shopId: string;
	entry: PayableEntry;
	line: StatementLine;
}

export const PAYOUT_METHOD_TEXT: Record<PayoutMethod, string> = {
	bank_transfer: 'bank transfer',
	cash: 'cash',
	store_credit: 'store credit',
	other: 'other'
};

/**
 * Every payable entry of `labelId` (at one shop when `shopId` is set), dated by the business day
 * of the sale or return it came from (a sale synced days late still belongs to the day it was
 * rung up) or of the payout. Stored amounts are signed (sale +, return and payout −); core's
 * entries carry the size with the kind giving the direction. Ordered by business day, then id.
 */
export async function labelLedger(
	db: Kysely<Schema>,
	{
		labelId,
		shopId,
		timeZoneOf
	}: { labelId: string; shopId: string | null; timeZoneOf: (shopId: string) => string }
): Promise<LedgerRow[]> {
	let entriesQuery = db
		.selectFrom('payable_entries')
		.select(['id', 'shop_id', 'kind', 'amount_cents', 'ref_id', 'at'])
		.where('label_id', '=', labelId);
	let salesQuery = db
		.selectFrom('sale_lines as l')
		.innerJoin('sales as s', 's.id', 'l.sale_id')
		.select([
			'l.sale_id',
			'l.line_id',
			'l.description',
			'l.quantity',
			's.business_day',
			's.receipt_no'
		])
		.where('l.label_id', '=', labelId);
	let returnsQuery = db
		.selectFrom('return_lines as l')
		.innerJoin('returns as r', 'r.id', 'l.return_id')
		.leftJoin('items as i', 'i.id', 'l.item_id')
		.leftJoin('releases as rel', 'rel.id', 'i.release_id')
		.select([
			'l.return_id',
			'l.line_id',
			'l.quantity',
			'r.business_day',
			'r.receipt_no',
			'i.title',
			'rel.artist',
			'rel.title as release_title'
		])
		.where('l.label_id', '=', labelId);
	let payoutsQuery = db
		.selectFrom('label_payouts')
		.select(['id', 'business_day', 'method', 'reference'])
		.where('label_id', '=', labelId);
	if (shopId !== null) {
		entriesQuery = entriesQuery.where('shop_id', '=', shopId);
		salesQuery = salesQuery.where('l.shop_id', '=', shopId);
		returnsQuery = returnsQuery.where('l.shop_id', '=', shopId);
		payoutsQuery = payoutsQuery.where('shop_id', '=', shopId);
	}
	const [entries, sales, returns, payouts] = await Promise.all([
		entriesQuery.execute(),
		salesQuery.execute(),
		returnsQuery.execute(),
		payoutsQuery.execute()
	]);
	const saleLines = new Map(sales.map((s) => [`${s.sale_id}/${s.line_id}`, s]));
	const returnLines = new Map(returns.map((r) => [`${r.return_id}/${r.line_id}`, r]));
	const payoutRows = new Map(payouts.map((p) => [p.id, p]));

	const rows = entries.map((e): LedgerRow => {
		const fallbackDay = (): string => businessDayOf(e.at, timeZoneOf(e.shop_id));
		const amountCents = e.kind === 'sale' ? e.amount_cents : -e.amount_cents;
		let line: Omit<StatementLine, 'entryId' | 'kind' | 'amountCents'>;
		if (e.kind === 'sale') {
			const sold = saleLines.get(e.ref_id);
			line = {
				businessDay: sold?.business_day ?? fallbackDay(),
				description: sold?.description ?? 'Sale',
				receiptNo: sold?.receipt_no ?? null,
				quantity: sold?.quantity ?? null
			};
		} else if (e.kind === 'return') {
			const returned = returnLines.get(e.ref_id);
			const what =
				returned?.artist != null && returned.release_title != null
					? `${returned.artist} – ${returned.release_title}`
					: (returned?.title ?? returned?.release_title ?? 'Returned copy');
			line = {
				businessDay: returned?.business_day ?? fallbackDay(),
				description: `Customer return: ${what}`,
				receiptNo: returned?.receipt_no ?? null,
				quantity: returned?.quantity ?? null
			};
		} else {
			const payout = payoutRows.get(e.ref_id);
			line = {
				businessDay: payout?.business_day ?? fallbackDay(),
				description:
					payout === undefined
						? 'Payout'
						: `Payout by ${PAYOUT_METHOD_TEXT[payout.method]}${payout.reference === null ? '' : ` (${payout.reference})`}`,
				receiptNo: null,
				quantity: null
			};
		}
		return {
			shopId: e.shop_id,
			entry: {
				entryId: e.id,
				labelId,
				kind: e.kind,
				amountCents,
				businessDay: line.businessDay,
				refId: e.ref_id
			},
			line: { entryId: e.id, kind: e.kind, amountCents, ...line }
		};
	});
	return rows.sort((a, b) =>
		a.entry.businessDay === b.entry.businessDay
			? a.entry.entryId.localeCompare(b.entry.entryId)
			: a.entry.businessDay < b.entry.businessDay
				? -1
				: 1
	);
}
