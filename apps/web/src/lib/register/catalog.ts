import {
	must,
	shopSchema,
	termsForRelease,
	type CatalogItem,
	type ConsignmentAgreement,
	type Shop
} from '@deadwax/core';
import { LocalSearch, type ItemSearch } from './item-search.ts';
import { packFields } from './search-service.ts';

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
	ratePpm: number;
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
			.map((t) => ({ id: t.id, name: t.name, ratePpm: t.ratePpm }))
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

/**
 * The catalog's items by id, as a read-only Map. Each RegisterItem is made from its row the first
 * time it is asked for and kept, so opening the register with 100,000 items makes none of them up
 * front: the counter only ever looks at the few it scans, searches or lists.
 */
class CatalogItems implements ReadonlyMap<string, RegisterItem> {
	/** Rows in catalog order (the order of first appearance, as a Map keeps it). */
	readonly rows: ItemRow[] = [];
	readonly #at = new Map<string, number>();
	readonly #made = new Map<string, RegisterItem>();
	readonly #make: (row: ItemRow, at: number) => RegisterItem;

	/** `make` turns the row at position `at` into its item. */
	constructor(make: (row: ItemRow, at: number) => RegisterItem) {
		this.#make = make;
	}

	/**
	 * Adds a row (constructor only) and returns its position in `rows`. A row whose id is already
	 * here replaces that row in its place, as Map.set does.
	 */
	add(row: ItemRow): number {
		const at = this.#at.get(row.id);
		if (at !== undefined) {
			this.rows[at] = row;
			return at;
		}
		this.#at.set(row.id, this.rows.length);
		return this.rows.push(row) - 1;
	}

	get size(): number {
		return this.rows.length;
	}

	has(id: string): boolean {
		return this.#at.has(id);
	}

	get(id: string): RegisterItem | undefined {
		const made = this.#made.get(id);
		if (made !== undefined) return made;
		const at = this.#at.get(id);
		if (at === undefined) return undefined;
		const row = must(this.rows[at], `item row ${id}`);
		const item = this.#make(row, at);
		this.#made.set(id, item);
		return item;
	}

	keys(): MapIterator<string> {
		return this.#at.keys();
	}

	*values(): MapIterator<RegisterItem> {
		for (const id of this.#at.keys()) yield must(this.get(id), id);
	}

	*entries(): MapIterator<[string, RegisterItem]> {
		for (const id of this.#at.keys()) yield [id, must(this.get(id), id)];
	}

	[Symbol.iterator](): MapIterator<[string, RegisterItem]> {
		return this.entries();
	}

	forEach(
		callback: (value: RegisterItem, key: string, map: ReadonlyMap<string, RegisterItem>) => void,
		thisArg?: unknown
	): void {
		for (const [id, item] of this.entries()) callback.call(thisArg, item, id, this);
	}
}

export class Catalog {
	readonly shop: Shop;
	readonly shopRow: ShopRow;
	/** Active items by id; each RegisterItem is made on first use (see CatalogItems). */
	readonly items: ReadonlyMap<string, RegisterItem>;
	readonly stock: Map<string, number>;
	readonly #items: CatalogItems;
	readonly #search: ItemSearch;
	readonly #labels = new Map<string, string>();
	/** Each row's release, beside CatalogItems.rows: what items and the barcode lookup are made from. */
	readonly #releaseOf: (ReleaseRow | undefined)[] = [];
	/** Barcode or SKU → item ids (one id, or several in row order); built on the first lookup. */
	#byCode: Map<string, string | string[]> | undefined;
	readonly #agreements = new Map<string, AgreementRow>();
	/** bin → item ids and genre → item ids, used stock only. */
	readonly bins = new Map<string, string[]>();
	readonly genres = new Map<string, string[]>();

	/**
	 * `search` receives the catalog's text (artist, title, label, catalog number, SKU) to index;
	 * the register passes one worker-backed search that lives across reloads. Only what every
	 * open needs is done here (rows by id, search text, bins and genres); items and the barcode
	 * lookup are made when first used.
	 */
	constructor(rows: CatalogRows, search: ItemSearch = new LocalSearch()) {
		this.shopRow = rows.shop;
		this.shop = toShop(rows.shop, rows.taxClasses);
		this.stock = rows.stock;
		const releases = new Map<string, ReleaseRow>();
		for (const r of rows.releases) releases.set(r.id, r);
		for (const l of rows.labels) this.#labels.set(l.id, l.name);
		for (const a of rows.agreements) if (a.isActive !== false) this.#agreements.set(a.labelId, a);
		// One pass over the rows: each item's row by id, its search text and, for used stock, its
		// bin and genre.
		const items = new CatalogItems((row, at) => this.#registerItem(row, this.#releaseOf[at]));
		const ids: string[] = [];
		const texts: string[] = [];
		for (const row of rows.items) {
			if (row.status !== undefined && row.status !== 'active') continue;
			const at = items.add(row);
			const release = row.releaseId === null ? undefined : releases.get(row.releaseId);
			this.#releaseOf[at] = release;
			ids[at] = row.id;
			texts[at] = packFields([
				release?.artist ?? '',
				release?.title ?? row.title ?? row.sku ?? row.id,
				release?.label ?? '',
				release?.catno ?? '',
				row.sku ?? ''
			]);
			if (row.kind === 'used') {
				if (row.bin) push(this.bins, row.bin, row.id);
				const genre = row.genre ?? release?.genres?.[0] ?? null;
				if (genre) push(this.genres, genre, row.id);
			}
		}
		this.#items = items;
		this.items = items;
		this.#search = search;
		search.load({ ids, texts });
	}

	#registerItem(row: ItemRow, release: ReleaseRow | undefined): RegisterItem {
		return {
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
			consignedBy: row.labelId === null ? null : (this.#labels.get(row.labelId) ?? 'consignment'),
			consignmentLabelId: row.labelId,
			barcodes: release?.barcodes ?? [],
			sku: row.sku,
			description: describeItem(release, row)
		};
	}

	/** Barcode and SKU → item ids, made on the first scan rather than on every open and pull. */
	#codes(): Map<string, string | string[]> {
		if (this.#byCode !== undefined) return this.#byCode;
		const byCode = new Map<string, string | string[]>();
		const add = (code: string, id: string): void => {
			const found = byCode.get(code);
			if (found === undefined) byCode.set(code, id);
			else if (typeof found === 'string') byCode.set(code, [found, id]);
			else found.push(id);
		};
		const { rows } = this.#items;
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i] as ItemRow;
			for (const code of this.#releaseOf[i]?.barcodes ?? []) add(code, row.id);
			if (row.sku) add(row.sku, row.id);
		}
		this.#byCode = byCode;
		return byCode;
	}

	onHand(itemId: string): number {
		return this.stock.get(itemId) ?? 0;
	}

	/**
	 * The item a scanned code means: a release barcode, a SKU or an item id. When several copies
	 * share a barcode, new stock comes before used and copies on hand before sold-out ones.
	 */
	lookup(code: string): RegisterItem | undefined {
		const trimmed = code.trim();
		const found = this.#codes().get(trimmed);
		const ids = found === undefined ? [] : typeof found === 'string' ? [found] : [...found];
		// An item id is a code for its own item.
		if (this.#items.has(trimmed) && !ids.includes(trimmed)) ids.push(trimmed);
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

function push(map: Map<string, string[]>, key: string, id: string): void {
	const list = map.get(key);
	if (list === undefined) map.set(key, [id]);
	else list.push(id);
}
