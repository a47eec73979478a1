import { discogsGradeString } from '../grading/grades.ts';
import { DISCOGS_HEADER, type DiscogsListing } from './columns.ts';
import { formatDiscogsPrice } from './price.ts';

const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a field only when it must (a comma, a quote or a line break), doubling its quotes. */
export function csvField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One listing as the 19 fields of its row, before quoting. */
export function discogsRowFields(listing: DiscogsListing, currency: string): string[] {
	return [
		listing.listingId ?? '',
		listing.artist,
		listing.title,
		listing.label,
		listing.catno,
		listing.format,
		listing.releaseId === null ? '' : String(listing.releaseId),
		listing.status ?? '',
		formatDiscogsPrice(listing.priceCents, currency),
		listing.listed ?? '',
		listing.comments,
		discogsGradeString(listing.mediaGrade),
		listing.sleeveGrade === null ? '' : discogsGradeString(listing.sleeveGrade),
		listing.acceptOffer === null ? '' : listing.acceptOffer ? 'Y' : 'N',
		listing.externalId,
		listing.weightGrams === null ? '' : String(listing.weightGrams),
		listing.formatQuantity === null ? '' : String(listing.formatQuantity),
		listing.location,
		String(listing.quantity)
	];
}

/**
 * Writes listings as Discogs writes its inventory export: the header, CRLF after every line
 * (the last one too), UTF-8 text without a BOM, minimal quoting, prices like `12.5`, grades as
 * Discogs' exact strings. An empty list gives the header line alone.
 */
export function writeDiscogsInventory(
	listings: Iterable<DiscogsListing>,
	{ currency }: { currency: string }
): string {
	const lines = [DISCOGS_HEADER];
	for (const listing of listings) {
		lines.push(discogsRowFields(listing, currency).map(csvField).join(','));
	}
	return lines.join(CRLF) + CRLF;
}
