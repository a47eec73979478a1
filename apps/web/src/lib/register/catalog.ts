import {
	shopSchema,
	termsForRelease,
	type CatalogItem,
	type ConsignmentAgreement,
	type Shop
} from '@deadwax/core';
import { LocalSearch, type ItemSearch } from './item-search.ts';
import type { SearchDoc } from './search-index.ts';
import { packDocs } from './search-service.ts';

/*
 * The register's view of the shop's catalog, built from the snapshots the change feed put in
 * Dexie (shapes from packages/db/src/snapshots.ts). Built once when the register opens and after
 * each pull; every lookup at the counter is then a Map read, never an IndexedDB query. Text search
 * goes to an ItemSearch: the register's runs in a worker, so its index never blocks the counter.
 */

export interface ShopRow {
	id: string;
	shopId: string;
	name: string;
	currency: string;
	locale: string;
	timeZone: string;
	taxMode: 'inclusive' | 'exclusive';
	taxRounding: 'line' | 'receipt';
	cashRoundingIncrementCents: number;
	/** Extra store credit on a trade-in, in basis points of the offer. */
	tradeInCreditBonusBp?: number;
}

export interface TaxClassRow {
	id: string;
	name: string;
	rateBp: number;
	isActive?: boolean;
}

export type StaffRole = 'clerk' | 'manager' | 'owner';

export interface StaffRow {
	id: string;
	name: string;
	role: StaffRole;
	pinHash: string;
	isActive?: boolean;
}

export interface ReleaseRow {
	id: string;
	artist: string;
	title: string;
	label: string | null;
	catno: string | null;
	format: string;
	year: number | null;
	genres?: string[];
	barcodes?: string[];
}

export interface ItemRow {
	id: string;
	releaseId: string | null;
	title: string | null;
	kind: 'new' | 'used';
	sku: string | null;
	priceCents: number;
	taxClassId: string;
	mediaGrade: string | null;
	sleeveGrade: string | null;
	bin: string | null;
	genre: string | null;
	/** Set for consignment stock: the label that owns the copies. */
	labelId: string | null;
	status?: string;
}

export interface LabelRow {
	id: string;
	name: string;
}

export interface AgreementRow extends ConsignmentAgreement {
	id: string;
	isActive?: boolean;
}

/** One sellable item as the counter shows it. */
export interface RegisterItem {
	readonly itemId: string;
	readonly releaseId: string | null;
	readonly artist: string;
	readonly title: string;
	readonly label: string | null;
	readonly catno: string | null;
	readonly format: string | null;
	readonly kind: 'new' | 'used';
	readonly priceCents: number;
	readonly taxClassId: string;
	/** "VG+/VG" for a used copy: media/sleeve. */
	readonly grade: string | null;
	readonly bin: string | null;
	readonly genre: string | null;
	/** The consigning label's name, for the badge; null for shop-owned stock. */
	readonly consignedBy: string | null;
	readonly consignmentLabelId: string | null;
	readonly barcodes: readonly string[];
	readonly sku: string | null;
	/** Receipt text, copied onto the sale line. */
	readonly description: string;
}

export interface CatalogRows {
	shop: ShopRow;
	taxClasses: TaxClassRow[];
	releases: ReleaseRow[];
	items: ItemRow[];
	labels: LabelRow[];
	agreements: AgreementRow[];
	/** On-hand per item (server level + this register's unsynced moves). */
	stock: Map<string, number>;
}

/** Core's Shop from the synced rows. Throws (zod) when the server sent settings core refuses. */
export function toShop(shop: ShopRow, taxClasses: readonly TaxClassRow[]): Shop {
	return shopSchema.parse({
		shopId: shop.shopId ?? shop.id,
		name: shop.name,
		currency: shop.currency,
		locale: shop.locale,
		timeZone: shop.timeZone,
		taxMode: shop.taxMode,
		taxRounding: shop.taxRounding,
		cashRoundingIncrementCents: shop.cashRoundingIncrementCents,
		taxClasses: taxClasses
			.filter((t) => t.isActive !== false)
			.map((t) => ({ id: t.id, name: t.name, rateBp: t.rateBp }))
	});
}

function describeItem(release: ReleaseRow | undefined, item: ItemRow): string {
	const grade =
		item.kind === 'used' && item.mediaGrade
			? ` [${item.mediaGrade}/${item.sleeveGrade ?? '?'}]`
			: '';
	if (release === undefined) return `${item.title ?? item.sku ?? item.id}${grade}`;
	const catno = release.catno ? ` ${release.catno}` : '';
	return `${release.artist} – ${release.title} (${release.format})${catno}${grade}`;
}

export class Catalog {
	readonly shop: Shop;
	readonly shopRow: ShopRow;
	readonly items = new Map<string, RegisterItem>();
	readonly stock: Map<string, number>;
	readonly #search: ItemSearch;
	readonly #byCode = new Map<string, string[]>();
	readonly #agreements = new Map<string, AgreementRow>();
	/** bin → item ids and genre → item ids, used stock only. */
	readonly bins = new Map<string, string[]>();
	readonly genres = new Map<string, string[]>();

	/**
	 * `search` receives the catalog's text (artist, title, label, catalog number, SKU) to index;
	 * the register passes one worker-backed search that lives across reloads.
	 */
	constructor(rows: CatalogRows, search: ItemSearch = new LocalSearch()) {
		this.shopRow = rows.shop;
		this.shop = toShop(rows.shop, rows.taxClasses);
		this.stock = rows.stock;
		const releases = new Map(rows.releases.map((r) => [r.id, r]));
		const labels = new Map(rows.labels.map((l) => [l.id, l.name]));
		for (const a of rows.agreements) if (a.isActive !== false) this.#agreements.set(a.labelId, a);
		for (const row of rows.items) {
			if (row.status !== undefined && row.status !== 'active') continue;
			const release = row.releaseId === null ? undefined : releases.get(row.releaseId);
			const item: RegisterItem = {
				itemId: row.id,
				releaseId: row.releaseId,
				artist: release?.artist ?? '',
				title: release?.title ?? row.title ?? row.sku ?? row.id,
				label: release?.label ?? null,
				catno: release?.catno ?? null,
				format: release?.format ?? null,
				kind: row.kind,
				priceCents: row.priceCents,
				taxClassId: row.taxClassId,
				grade:
					row.kind === 'used' && row.mediaGrade
						? `${row.mediaGrade}/${row.sleeveGrade ?? '?'}`
						: null,
				bin: row.bin,
				genre: row.genre ?? release?.genres?.[0] ?? null,
				consignedBy: row.labelId === null ? null : (labels.get(row.labelId) ?? 'consignment'),
				consignmentLabelId: row.labelId,
				barcodes: release?.barcodes ?? [],
				sku: row.sku,
				description: describeItem(release, row)
			};
			this.items.set(item.itemId, item);
			for (const code of [...item.barcodes, ...(row.sku ? [row.sku] : []), row.id]) {
				const list = this.#byCode.get(code);
				if (list === undefined) this.#byCode.set(code, [item.itemId]);
				else list.push(item.itemId);
			}
			if (item.kind === 'used') {
				if (item.bin) push(this.bins, item.bin, item.itemId);
				if (item.genre) push(this.genres, item.genre, item.itemId);
			}
		}
		this.#search = search;
		search.load(packDocs(searchDocs(this.items.values())));
	}

	onHand(itemId: string): number {
		return this.stock.get(itemId) ?? 0;
	}

	/**
	 * The item a scanned code means: a release barcode, a SKU or an item id. When several copies
	 * share a barcode, new stock comes before used and copies on hand before sold-out ones.
	 */
	lookup(code: string): RegisterItem | undefined {
		const ids = this.#byCode.get(code.trim()) ?? [];
		const candidates = ids.flatMap((id) => this.items.get(id) ?? []);
		candidates.sort(
			(a, b) =>
				Number(a.kind === 'used') - Number(b.kind === 'used') ||
				Number(this.onHand(b.itemId) > 0) - Number(this.onHand(a.itemId) > 0)
		);
		return candidates[0];
	}

	/** Items whose text has every word typed, best first; see SearchIndex.search. */
	async search(query: string, limit = 30): Promise<RegisterItem[]> {
		const ids = await this.#search.search(query, limit);
		return ids.flatMap((id) => this.items.get(id) ?? []);
	}

	/** False while the first search index is still being built: a search then waits for it. */
	get isSearchReady(): boolean {
		return this.#search.ready;
	}

	/** What core's cart needs, with the label's consignment terms resolved for the release. */
	catalogItem(item: RegisterItem): CatalogItem {
		const agreement =
			item.consignmentLabelId === null ? undefined : this.#agreements.get(item.consignmentLabelId);
		return {
			itemId: item.itemId,
			releaseId: item.releaseId,
			description: item.description,
			kind: item.kind,
			priceCents: item.priceCents,
			taxClassId: item.taxClassId,
			consignment: agreement === undefined ? null : termsForRelease(agreement, item.releaseId)
		};
	}

	/** The shop's trade-in store-credit bonus in basis points (0 when not set). */
	get tradeInCreditBonusBp(): number {
		return this.shopRow.tradeInCreditBonusBp ?? 0;
	}
}

/** What search as you type looks at, per item. */
function* searchDocs(items: Iterable<RegisterItem>): Generator<SearchDoc> {
	for (const i of items)
		yield { id: i.itemId, fields: [i.artist, i.title, i.label, i.catno, i.sku] };
}

function push(map: Map<string, string[]>, key: string, id: string): void {
	const list = map.get(key);
	if (list === undefined) map.set(key, [id]);
	else list.push(id);
}
