import type { ItemStatus, ItemView, ReleaseView } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import type { ItemKindColumn, Release, Schema } from '../schema.ts';

/** The columns an ItemView is built from: the item, its release, its label and its level. */
export function selectItemRows(db: Kysely<Schema>, shopId: string) {
	return db
		.selectFrom('items')
		.leftJoin('releases', 'releases.id', 'items.release_id')
		.leftJoin('labels', 'labels.id', 'items.label_id')
		.leftJoin('stock_levels', (join) =>
			join
				.onRef('stock_levels.item_id', '=', 'items.id')
				.onRef('stock_levels.shop_id', '=', 'items.shop_id')
		)
		.where('items.shop_id', '=', shopId)
		.select([
			'items.id',
			'items.release_id',
			'items.title',
			'items.kind',
			'items.sku',
			'items.price_cents',
			'items.cost_cents',
			'items.tax_class_id',
			'items.media_grade',
			'items.sleeve_grade',
			'items.bin',
			'items.genre',
			'items.label_id',
			'items.notes',
			'items.status',
			'items.version',
			'items.updated_at',
			'items.discogs_listing_id',
			'releases.artist',
			'releases.title as release_title',
			'releases.format',
			'labels.name as label_name',
			'stock_levels.on_hand'
		]);
}

export interface ItemRow {
	id: string;
	release_id: string | null;
	title: string | null;
	kind: ItemKindColumn;
	sku: string | null;
	price_cents: number;
	cost_cents: number | null;
	tax_class_id: string;
	media_grade: string | null;
	sleeve_grade: string | null;
	bin: string | null;
	genre: string | null;
	label_id: string | null;
	notes: string | null;
	status: ItemStatus;
	version: number;
	updated_at: string;
	discogs_listing_id: string | null;
	artist: string | null;
	release_title: string | null;
	format: string | null;
	label_name: string | null;
	on_hand: number | null;
}

/** "Artist – Title", or the item's own title when it has no release. */
export function describeItem(row: {
	artist: string | null;
	release_title: string | null;
	title: string | null;
}): string {
	if (row.artist !== null && row.release_title !== null) {
		return `${row.artist} – ${row.release_title}`;
	}
	return row.title ?? row.release_title ?? '(untitled item)';
}

export function toItemView(row: ItemRow, barcodes: readonly string[]): ItemView {
	return {
		id: row.id,
		releaseId: row.release_id,
		title: row.title,
		kind: row.kind,
		sku: row.sku,
		priceCents: row.price_cents,
		costCents: row.cost_cents,
		taxClassId: row.tax_class_id,
		mediaGrade: row.media_grade,
		sleeveGrade: row.sleeve_grade,
		bin: row.bin,
		genre: row.genre,
		labelId: row.label_id,
		notes: row.notes,
		status: row.status,
		version: row.version,
		updatedAt: row.updated_at,
		onHand: row.on_hand ?? 0,
		description: describeItem(row),
		format: row.format,
		barcodes: [...barcodes],
		labelName: row.label_name,
		discogsListingId: row.discogs_listing_id
	};
}

/** Barcodes of each release, in digit order. */
export async function barcodesOf(
	db: Kysely<Schema>,
	shopId: string,
	releaseIds: readonly (string | null)[]
): Promise<Map<string, string[]>> {
	const ids = [...new Set(releaseIds.filter((id): id is string => id !== null))];
	const byRelease = new Map<string, string[]>();
	if (ids.length === 0) return byRelease;
	for (let i = 0; i < ids.length; i += 500) {
		const rows = await db
			.selectFrom('release_barcodes')
			.select(['release_id', 'barcode'])
			.where('shop_id', '=', shopId)
			.where('release_id', 'in', ids.slice(i, i + 500))
			.orderBy('barcode')
			.execute();
		for (const r of rows)
			byRelease.set(r.release_id, [...(byRelease.get(r.release_id) ?? []), r.barcode]);
	}
	return byRelease;
}

/** ItemViews for rows, with their release barcodes. */
export async function toItemViews(
	db: Kysely<Schema>,
	shopId: string,
	rows: readonly ItemRow[]
): Promise<ItemView[]> {
	const barcodes = await barcodesOf(
		db,
		shopId,
		rows.map((r) => r.release_id)
	);
	return rows.map((r) =>
		toItemView(r, r.release_id === null ? [] : (barcodes.get(r.release_id) ?? []))
	);
}

/** One item as the office sees it, or undefined. */
export async function loadItemView(
	db: Kysely<Schema>,
	shopId: string,
	itemId: string
): Promise<ItemView | undefined> {
	const row = await selectItemRows(db, shopId).where('items.id', '=', itemId).executeTakeFirst();
	if (row === undefined) return undefined;
	const [view] = await toItemViews(db, shopId, [row]);
	return view;
}

export function toReleaseView(
	row: Release,
	barcodes: readonly string[],
	stats: { itemCount: number; onHand: number }
): ReleaseView {
	return {
		id: row.id,
		artist: row.artist,
		title: row.title,
		label: row.label,
		catno: row.catno,
		format: row.format,
		year: row.year,
		discogsReleaseId: row.discogs_release_id,
		genres: JSON.parse(row.genres) as string[],
		barcodes: [...barcodes],
		version: row.version,
		updatedAt: row.updated_at,
		itemCount: stats.itemCount,
		onHand: stats.onHand
	};
}

/** Item count and copies on hand per release. */
export async function releaseStats(
	db: Kysely<Schema>,
	shopId: string,
	releaseIds: readonly string[]
): Promise<Map<string, { itemCount: number; onHand: number }>> {
	const stats = new Map<string, { itemCount: number; onHand: number }>();
	if (releaseIds.length === 0) return stats;
	const rows = await db
		.selectFrom('items')
		.leftJoin('stock_levels', (join) =>
			join
				.onRef('stock_levels.item_id', '=', 'items.id')
				.onRef('stock_levels.shop_id', '=', 'items.shop_id')
		)
		.where('items.shop_id', '=', shopId)
		.where('items.release_id', 'in', [...releaseIds])
		.select((eb) => [
			'items.release_id',
			eb.fn.countAll<number>().as('item_count'),
			eb.fn.sum<number>(eb.fn.coalesce('stock_levels.on_hand', eb.lit(0))).as('on_hand')
		])
		.groupBy('items.release_id')
		.execute();
	for (const r of rows) {
		if (r.release_id !== null) {
			stats.set(r.release_id, { itemCount: Number(r.item_count), onHand: Number(r.on_hand ?? 0) });
		}
	}
	return stats;
}
