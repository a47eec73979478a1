import type { ReturnRequestView, ReturnTarget } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import type { LabelReturnRequestsTable } from './schema.ts';

/** Requests whose copies are still promised: asked for, or accepted and not yet packed. */
export const OPEN_STATUSES = ['requested', 'accepted'] as const;

export interface TargetItem {
	id: string;
	shop_id: string;
	label_id: string | null;
	release_id: string | null;
	on_hand: number;
}

/** Does `item` belong under `target`: an item of the release, or the item itself. */
export function isUnder(
	item: { id: string; release_id: string | null },
	target: ReturnTarget
): boolean {
	return target.kind === 'release' ? item.release_id === target.id : item.id === target.id;
}

/** The label's consigned items at a shop under `target`, with their on-hand (0 when never moved). */
export async function targetItems(
	db: Kysely<Schema>,
	{ shopId, labelId, target }: { shopId: string; labelId: string; target: ReturnTarget }
): Promise<TargetItem[]> {
	const rows = await db
		.selectFrom('items as i')
		.leftJoin('stock_levels as s', (join) =>
			join.onRef('s.item_id', '=', 'i.id').onRef('s.shop_id', '=', 'i.shop_id')
		)
		.select(['i.id', 'i.shop_id', 'i.label_id', 'i.release_id', 's.on_hand'])
		.where('i.shop_id', '=', shopId)
		.where('i.label_id', '=', labelId)
		.where(target.kind === 'release' ? 'i.release_id' : 'i.id', '=', target.id)
		.orderBy('i.id')
		.execute();
	return rows.map((r) => ({ ...r, on_hand: r.on_hand ?? 0 }));
}

type RequestRow = Pick<
	LabelReturnRequestsTable,
	| 'id'
	| 'shop_id'
	| 'label_id'
	| 'target_kind'
	| 'target_id'
	| 'quantity'
	| 'note'
	| 'status'
	| 'shop_note'
	| 'created_at'
	| 'decided_at'
	| 'packed_at'
	| 'document_id'
> & { shop_name: string; label_name: string; decided_by_name: string | null };

/** Return requests as both sides see them; `filter` narrows by label or shop, status or id. */
export async function loadRequests(
	db: Kysely<Schema>,
	filter: {
		labelId?: string;
		shopId?: string;
		/** Only these shops' requests (a label login's visible shops). */
		shopIds?: readonly string[];
		id?: string;
		status?: LabelReturnRequestsTable['status'] | null;
	}
): Promise<ReturnRequestView[]> {
	let query = db
		.selectFrom('label_return_requests as q')
		.innerJoin('shops', 'shops.id', 'q.shop_id')
		.innerJoin('labels', 'labels.id', 'q.label_id')
		.leftJoin('staff', 'staff.id', 'q.decided_by')
		.select([
			'q.id',
			'q.shop_id',
			'q.label_id',
			'q.target_kind',
			'q.target_id',
			'q.quantity',
			'q.note',
			'q.status',
			'q.shop_note',
			'q.created_at',
			'q.decided_at',
			'q.packed_at',
			'q.document_id',
			'shops.name as shop_name',
			'labels.name as label_name',
			'staff.name as decided_by_name'
		]);
	if (filter.labelId !== undefined) query = query.where('q.label_id', '=', filter.labelId);
	if (filter.shopId !== undefined) query = query.where('q.shop_id', '=', filter.shopId);
	if (filter.shopIds !== undefined) {
		if (filter.shopIds.length === 0) return [];
		query = query.where('q.shop_id', 'in', filter.shopIds);
	}
	if (filter.id !== undefined) query = query.where('q.id', '=', filter.id);
	if (filter.status != null) query = query.where('q.status', '=', filter.status);
	const rows: RequestRow[] = await query
		.orderBy('q.created_at', 'desc')
		.orderBy('q.id', 'desc')
		.limit(500)
		.execute();
	if (rows.length === 0) return [];

	const releaseIds = rows.filter((r) => r.target_kind === 'release').map((r) => r.target_id);
	const itemIds = rows.filter((r) => r.target_kind === 'item').map((r) => r.target_id);
	const releases = new Map(
		releaseIds.length === 0
			? []
			: (
					await db
						.selectFrom('releases')
						.select(['id', 'artist', 'title', 'format', 'catno'])
						.where('id', 'in', [...new Set(releaseIds)])
						.execute()
				).map((r) => [r.id, r])
	);
	const items = new Map(
		itemIds.length === 0
			? []
			: (
					await db
						.selectFrom('items as i')
						.leftJoin('releases as r', 'r.id', 'i.release_id')
						.select([
							'i.id',
							'i.title',
							'r.artist',
							'r.title as release_title',
							'r.format',
							'r.catno'
						])
						.where('i.id', 'in', [...new Set(itemIds)])
						.execute()
				).map((i) => [i.id, i])
	);
	const pairs = [...new Set(rows.map((r) => `${r.shop_id}\u0000${r.label_id}`))];
	const stock: TargetItem[] = [];
	for (const pair of pairs) {
		const [shopId = '', labelId = ''] = pair.split('\u0000');
		const found = await db
			.selectFrom('items as i')
			.leftJoin('stock_levels as s', (join) =>
				join.onRef('s.item_id', '=', 'i.id').onRef('s.shop_id', '=', 'i.shop_id')
			)
			.select(['i.id', 'i.shop_id', 'i.label_id', 'i.release_id', 's.on_hand'])
			.where('i.shop_id', '=', shopId)
			.where('i.label_id', '=', labelId)
			.execute();
		stock.push(...found.map((f) => ({ ...f, on_hand: f.on_hand ?? 0 })));
	}

	return rows.map((r): ReturnRequestView => {
		const target: ReturnTarget = { kind: r.target_kind, id: r.target_id };
		let description = '(unknown release)';
		let catno: string | null = null;
		if (target.kind === 'release') {
			const release = releases.get(r.target_id);
			if (release !== undefined) {
				description = `${release.artist} – ${release.title} (${release.format})`;
				catno = release.catno;
			}
		} else {
			const item = items.get(r.target_id);
			if (item !== undefined) {
				description =
					item.artist !== null && item.release_title !== null
						? `${item.artist} – ${item.release_title}${item.format === null ? '' : ` (${item.format})`}`
						: (item.title ?? '(untitled item)');
				catno = item.catno;
			}
		}
		const onHand = stock
			.filter((s) => s.shop_id === r.shop_id && s.label_id === r.label_id && isUnder(s, target))
			.reduce((sum, s) => sum + s.on_hand, 0);
		return {
			id: r.id,
			labelId: r.label_id,
			labelName: r.label_name,
			shopId: r.shop_id,
			shopName: r.shop_name,
			target,
			description,
			catno,
			quantity: r.quantity,
			note: r.note,
			status: r.status,
			shopNote: r.shop_note,
			onHand,
			createdAt: r.created_at,
			decidedAt: r.decided_at,
			decidedByName: r.decided_by_name,
			packedAt: r.packed_at,
			documentId: r.document_id
		};
	});
}
