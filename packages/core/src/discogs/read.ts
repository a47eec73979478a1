import Papa from 'papaparse';
import { isDomainError } from '../errors.ts';
import { lineBreakOf } from './csv-rows.ts';
import { parseMediaGrade, parseSleeveGrade } from '../grading/grades.ts';
import {
	DISCOGS_COLUMNS,
	DISCOGS_HEADER,
	DISCOGS_STATUSES,
	type DiscogsColumn,
	type DiscogsListing,
	type DiscogsProblem,
	type DiscogsStatus
} from './columns.ts';
import { parseDiscogsPrice } from './price.ts';

/** Largest file an import takes: well above any shop's inventory, below what a request can hold. */
export const MAX_DISCOGS_ROWS = 250_000;
/** Free-text columns longer than this are refused rather than cut. */
const MAX_TEXT = 4000;

export type DiscogsReadResult =
	| { readonly ok: true; readonly listings: DiscogsListing[] }
	| { readonly ok: false; readonly problems: DiscogsProblem[] };

export interface DiscogsReadOptions {
	/** The shop's currency: prices in the file are in it. */
	readonly currency: string;
}

const LISTED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Reads a Discogs seller inventory export: the exact 19-column header, CRLF or LF, UTF-8 with or
 * without a BOM, quoted fields with doubled quotes. Checks every row and returns either all the
 * listings or every problem found (row and column each), never a partial list, so a caller can
 * commit all or nothing. Blank lines are skipped. Never throws for bad content.
 */
export function readDiscogsInventory(
	text: string,
	{ currency }: DiscogsReadOptions
): DiscogsReadResult {
	const body = text.startsWith('\ufeff') ? text.slice(1) : text;
	const parsed = Papa.parse<string[]>(body, {
		delimiter: ',',
		quoteChar: '"',
		escapeChar: '"',
		newline: lineBreakOf(body),
		header: false,
		dynamicTyping: false,
		skipEmptyLines: false
	});
	const problems: DiscogsProblem[] = [];
	// Papaparse counts records from 0; one broken quote may raise two errors on the same record.
	const brokenRows = new Map<number, string>();
	for (const error of parsed.errors) {
		const row = (error.row ?? 0) + 1;
		if (!brokenRows.has(row)) brokenRows.set(row, describePapaError(error));
	}
	for (const [row, message] of brokenRows) problems.push({ row, column: null, message });
	const rows = parsed.data;
	const header = rows[0];
	if (header === undefined || (header.length === 1 && header[0] === '')) {
		return {
			ok: false,
			problems: [
				{
					row: 1,
					column: null,
					message: `the file is empty; expected the header ${DISCOGS_HEADER}`
				}
			]
		};
	}
	const headerProblem = checkHeader(header);
	if (headerProblem !== null)
		return { ok: false, problems: [{ row: 1, column: null, message: headerProblem }] };
	if (rows.length - 1 > MAX_DISCOGS_ROWS) {
		return {
			ok: false,
			problems: [
				{
					row: 1,
					column: null,
					message: `the file has ${rows.length - 1} rows; at most ${MAX_DISCOGS_ROWS} can be imported at once (split it)`
				}
			]
		};
	}

	const listings: DiscogsListing[] = [];
	const firstRowOfListing = new Map<string, number>();
	for (let index = 1; index < rows.length; index++) {
		const cells = rows[index] ?? [];
		const row = index + 1;
		if (cells.length === 1 && cells[0] === '') continue; // a blank line, or the final newline
		if (brokenRows.has(row)) continue; // its columns are not to be trusted; already reported
		if (cells.length !== DISCOGS_COLUMNS.length) {
			problems.push({
				row,
				column: null,
				message: `has ${cells.length} columns, expected ${DISCOGS_COLUMNS.length}`
			});
			continue;
		}
		const listing = readRow(cells, row, currency, problems);
		if (listing === null) continue;
		if (listing.listingId === null) {
			listings.push(listing);
			continue;
		}
		const first = firstRowOfListing.get(listing.listingId);
		if (first !== undefined) {
			problems.push({
				row,
				column: 'listing_id',
				message: `listing ${listing.listingId} is already on row ${first}; each listing may appear once`
			});
			continue;
		}
		firstRowOfListing.set(listing.listingId, row);
		listings.push(listing);
	}
	if (problems.length > 0) {
		problems.sort((a, b) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column));
		return { ok: false, problems };
	}
	return { ok: true, listings };
}

function columnIndex(column: DiscogsColumn | null): number {
	return column === null ? -1 : DISCOGS_COLUMNS.indexOf(column);
}

function describePapaError(error: Papa.ParseError): string {
	if (error.type === 'Quotes') {
		return 'a quoted field is broken: a closing " is missing or a stray " is inside (write "" for a quote within quotes)';
	}
	return error.message;
}

function checkHeader(header: readonly string[]): string | null {
	if (
		header.length === DISCOGS_COLUMNS.length &&
		header.every((h, i) => h === DISCOGS_COLUMNS[i])
	) {
		return null;
	}
	const missing = DISCOGS_COLUMNS.filter((c) => !header.includes(c));
	const unexpected = header.filter((h) => !(DISCOGS_COLUMNS as readonly string[]).includes(h));
	const details = [
		missing.length > 0 ? `missing ${missing.join(', ')}` : '',
		unexpected.length > 0
			? `unexpected ${unexpected.map((u) => JSON.stringify(u)).join(', ')}`
			: '',
		missing.length === 0 && unexpected.length === 0 ? 'the columns are in another order' : ''
	].filter((d) => d !== '');
	return `the header must be exactly ${DISCOGS_HEADER} (a Discogs inventory export): ${details.join('; ')}`;
}

type Cells = Readonly<Record<DiscogsColumn, string>>;

function readRow(
	values: readonly string[],
	row: number,
	currency: string,
	problems: DiscogsProblem[]
): DiscogsListing | null {
	const cells = Object.fromEntries(DISCOGS_COLUMNS.map((c, i) => [c, values[i] ?? ''])) as Cells;
	const before = problems.length;
	const fail = (column: DiscogsColumn, message: string): null => {
		problems.push({ row, column, message });
		return null;
	};
	const got = (column: DiscogsColumn): string => `(got ${JSON.stringify(cells[column])})`;
	const text = (column: DiscogsColumn, { required = false } = {}): string => {
		const value = cells[column];
		if (required && value.trim() === '') fail(column, 'must not be empty');
		else if (value.length > MAX_TEXT)
			fail(column, `must be at most ${MAX_TEXT} characters (got ${value.length})`);
		return value;
	};
	const whole = (column: DiscogsColumn, { required = false, min = 0 } = {}): number | null => {
		const value = cells[column].trim();
		if (value === '') {
			if (required) fail(column, 'must not be empty');
			return null;
		}
		const n = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
		if (Number.isNaN(n) || n < min) {
			fail(column, `must be a whole number ≥ ${min} ${got(column)}`);
			return null;
		}
		return n;
	};

	const listingId = cells.listing_id.trim() === '' ? null : cells.listing_id.trim();
	if (listingId !== null && !/^\d{1,20}$/.test(listingId)) {
		fail('listing_id', `must be a Discogs listing number ${got('listing_id')}`);
	}
	const artist = text('artist', { required: true });
	const title = text('title', { required: true });
	const label = text('label');
	const catno = text('catno');
	const format = text('format');
	const releaseId = whole('release_id', { min: 1 });

	let status: DiscogsStatus | null = null;
	if (cells.status !== '') {
		const found = DISCOGS_STATUSES.find(
			(s) => s.toLowerCase() === cells.status.trim().toLowerCase()
		);
		if (found === undefined)
			fail('status', `must be one of ${DISCOGS_STATUSES.join(', ')} ${got('status')}`);
		else status = found;
	}

	let priceCents = 0;
	if (cells.price.trim() === '') fail('price', 'must not be empty');
	else {
		try {
			priceCents = parseDiscogsPrice(cells.price, currency);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			fail('price', error.message);
		}
	}

	let listed: string | null = null;
	if (cells.listed.trim() !== '') {
		const value = cells.listed.trim();
		if (!isListedTime(value)) {
			fail('listed', `must be a date and time like 2026-08-25 07:04:22 ${got('listed')}`);
		} else listed = value;
	}

	const comments = text('comments');
	let mediaGrade: DiscogsListing['mediaGrade'] = 'NM';
	if (cells.media_condition.trim() === '')
		fail('media_condition', 'must not be empty: a used copy needs a media grade');
	else {
		try {
			mediaGrade = parseMediaGrade(cells.media_condition);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			fail('media_condition', error.message);
		}
	}
	let sleeveGrade: DiscogsListing['sleeveGrade'] = null;
	if (cells.sleeve_condition.trim() !== '') {
		try {
			sleeveGrade = parseSleeveGrade(cells.sleeve_condition);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			fail('sleeve_condition', error.message);
		}
	}

	let acceptOffer: boolean | null = null;
	const offer = cells.accept_offer.trim().toUpperCase();
	if (offer === 'Y') acceptOffer = true;
	else if (offer === 'N') acceptOffer = false;
	else if (offer !== '') fail('accept_offer', `must be Y or N ${got('accept_offer')}`);

	const externalId = text('external_id');
	const weightGrams = whole('weight');
	const formatQuantity = whole('format_quantity');
	const location = text('location');
	const quantity = whole('quantity', { required: true }) ?? 0;

	if (problems.length > before) return null;
	return {
		listingId,
		artist,
		title,
		label,
		catno,
		format,
		releaseId,
		status,
		priceCents,
		listed,
		comments,
		mediaGrade,
		sleeveGrade,
		acceptOffer,
		externalId,
		weightGrams,
		formatQuantity,
		location,
		quantity
	};
}

/** True for `YYYY-MM-DD HH:MM:SS` naming a real calendar time. */
function isListedTime(value: string): boolean {
	const m = LISTED.exec(value);
	if (m === null) return false;
	const [, y, mo, d, h, mi, s] = m.map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number,
		number
	];
	const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
	return (
		date.getUTCFullYear() === y &&
		date.getUTCMonth() === mo - 1 &&
		date.getUTCDate() === d &&
		h < 24 &&
		mi < 60 &&
		s < 60
	);
}
