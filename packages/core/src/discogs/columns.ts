import type { MediaGrade, SleeveGrade } from '../grading/grades.ts';

/**
 * The seller inventory export's columns, exactly as Discogs writes them and in this order
 * (tests/fixtures/discogs/discogs_inventory_export_columns.csv). Imports refuse any other header.
 */
export const DISCOGS_COLUMNS = [
	'listing_id',
	'artist',
	'title',
	'label',
	'catno',
	'format',
	'release_id',
	'status',
	'price',
	'listed',
	'comments',
	'media_condition',
	'sleeve_condition',
	'accept_offer',
	'external_id',
	'weight',
	'format_quantity',
	'location',
	'quantity'
] as const;

export type DiscogsColumn = (typeof DISCOGS_COLUMNS)[number];

/** The header line, without its CRLF. */
export const DISCOGS_HEADER = DISCOGS_COLUMNS.join(',');

/** Listing states Discogs writes in the `status` column. */
export const DISCOGS_STATUSES = ['For Sale', 'Draft', 'Expired', 'Sold'] as const;
export type DiscogsStatus = (typeof DISCOGS_STATUSES)[number];

/**
 * One row of the export, typed. Free-text columns keep their text as-is ('' when empty) so an
 * import followed by an export gives the same bytes; optional columns that are empty are null.
 */
export interface DiscogsListing {
	/**
	 * Discogs listing id, digits only: the key a re-import matches on. Null when empty, as in a
	 * Deadwax export of copies never listed on Discogs (their in-store SKU is in externalId).
	 */
	readonly listingId: string | null;
	readonly artist: string;
	readonly title: string;
	readonly label: string;
	readonly catno: string;
	/** Discogs' format summary, e.g. `CD, Album, Promo` or `2x12", Album`. */
	readonly format: string;
	readonly releaseId: number | null;
	readonly status: DiscogsStatus | null;
	/** In the shop's currency, whole minor units. */
	readonly priceCents: number;
	/** `YYYY-MM-DD HH:MM:SS` as Discogs writes it (UTC), or null. */
	readonly listed: string | null;
	readonly comments: string;
	readonly mediaGrade: MediaGrade;
	/** Null when the column is empty (CDs and files often have no sleeve grade). */
	readonly sleeveGrade: SleeveGrade | null;
	readonly acceptOffer: boolean | null;
	/** The seller's private reference. */
	readonly externalId: string;
	readonly weightGrams: number | null;
	readonly formatQuantity: number | null;
	/** The seller's private free-text location: Deadwax's bin. */
	readonly location: string;
	/** Copies on this listing, ≥ 0. */
	readonly quantity: number;
}

/** One thing wrong with an import file: where (row as a spreadsheet numbers it, column) and what. */
export interface DiscogsProblem {
	/** 1 is the header, 2 the first listing: the number a spreadsheet shows beside the row. */
	readonly row: number;
	/** Null when the problem is the whole row (wrong number of columns, a broken quote). */
	readonly column: DiscogsColumn | null;
	readonly message: string;
}

/** `row 3, price: must be …` — for logs, the CLI and error messages. */
export function describeDiscogsProblem(problem: DiscogsProblem): string {
	return `row ${problem.row}${problem.column === null ? '' : `, ${problem.column}`}: ${problem.message}`;
}
