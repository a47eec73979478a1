import { describe, expect, test } from 'vitest';
import { DISCOGS_HEADER } from './columns.ts';
import { readDiscogsInventory } from './read.ts';

// The exact bytes of tests/fixtures/discogs/discogs_inventory_export_apitest.csv (core reads no files).
const API_TEST_EXPORT =
	'listing_id,artist,title,label,catno,format,release_id,status,price,listed,comments,media_condition,sleeve_condition,accept_offer,external_id,weight,format_quantity,location,quantity\r\n' +
	'4332778344,HammerFall,Glory To The Brave,Nuclear Blast,NB 265-2,"CD, Album, Promo",5134861,Draft,100.0,2026-08-25 07:04:22,API_TEST_CREATE_INVENTORY_EXPORT,Near Mint (NM or M-),Near Mint (NM or M-),N,API_TEST_EXTERNAL_ID,100,1,API_TEST_LOCATION,1\r\n';

const HAMMERFALL = {
	listingId: '4332778344',
	artist: 'HammerFall',
	title: 'Glory To The Brave',
	label: 'Nuclear Blast',
	catno: 'NB 265-2',
	format: 'CD, Album, Promo',
	releaseId: 5134861,
	status: 'Draft',
	priceCents: 10000,
	listed: '2026-08-25 07:04:22',
	comments: 'API_TEST_CREATE_INVENTORY_EXPORT',
	mediaGrade: 'NM',
	sleeveGrade: 'NM',
	acceptOffer: false,
	externalId: 'API_TEST_EXTERNAL_ID',
	weightGrams: 100,
	formatQuantity: 1,
	location: 'API_TEST_LOCATION',
	quantity: 1
};

const EUR = { currency: 'EUR' };

/** A valid row with some cells replaced. */
function row(overrides: Partial<Record<string, string>> = {}): string {
	const cells: Record<string, string> = {
		listing_id: '1001',
		artist: 'Motörhead',
		title: 'Ace Of Spades',
		label: 'Bronze',
		catno: 'BRON 531',
		format: '"LP, Album"',
		release_id: '377181',
		status: 'For Sale',
		price: '25.0',
		listed: '2024-01-05 10:00:00',
		comments: '',
		media_condition: 'Very Good Plus (VG+)',
		sleeve_condition: 'Very Good (VG)',
		accept_offer: 'Y',
		external_id: '',
		weight: '230',
		format_quantity: '1',
		location: 'A3',
		quantity: '1',
		...overrides
	};
	return DISCOGS_HEADER.split(',')
		.map((c) => cells[c] ?? '')
		.join(',');
}

function file(...rows: string[]): string {
	return [DISCOGS_HEADER, ...rows].join('\r\n') + '\r\n';
}

describe('readDiscogsInventory', () => {
	test('reads the exact Discogs export into typed listings', () => {
		expect(readDiscogsInventory(API_TEST_EXPORT, EUR)).toEqual({
			ok: true,
			listings: [HAMMERFALL]
		});
	});

	test('reads the same listings from LF line endings and from a file with a BOM', () => {
		const lf = API_TEST_EXPORT.replaceAll('\r\n', '\n');
		expect(readDiscogsInventory(lf, EUR)).toEqual({ ok: true, listings: [HAMMERFALL] });
		expect(readDiscogsInventory('\ufeff' + API_TEST_EXPORT, EUR)).toEqual({
			ok: true,
			listings: [HAMMERFALL]
		});
		expect(readDiscogsInventory('\ufeff' + lf, EUR)).toEqual({ ok: true, listings: [HAMMERFALL] });
	});

	test('reads an empty inventory (the header alone) as no listings', () => {
		expect(readDiscogsInventory(DISCOGS_HEADER + '\r\n', EUR)).toEqual({ ok: true, listings: [] });
		expect(readDiscogsInventory(DISCOGS_HEADER, EUR)).toEqual({ ok: true, listings: [] });
	});

	test('unquotes fields with commas, doubled quotes and line breaks', () => {
		const result = readDiscogsInventory(
			file(
				row({
					format: '"2x12"", Album"',
					title: '"Elements No.1 ""La Terre"""',
					comments: '"Line one\r\nline two, with a comma"'
				})
			),
			EUR
		);
		expect(result.ok && result.listings[0]).toMatchObject({
			format: '2x12", Album',
			title: 'Elements No.1 "La Terre"',
			comments: 'Line one\r\nline two, with a comma'
		});
	});

	test('keeps text with diacritics, CJK and zero-width marks exactly', () => {
		const result = readDiscogsInventory(
			file(
				row({
					artist: 'Teresa Teng',
					title: '難忘的一天',
					label: 'Kolin\u200e',
					comments: 'ÚJ  fóliázott termék!!'
				})
			),
			EUR
		);
		expect(result.ok && result.listings[0]).toMatchObject({
			title: '難忘的一天',
			label: 'Kolin\u200e',
			comments: 'ÚJ  fóliázott termék!!'
		});
	});

	test('skips blank lines but keeps counting rows as a spreadsheet does', () => {
		const result = readDiscogsInventory(
			[DISCOGS_HEADER, row(), '', row({ listing_id: '1002', price: 'x' })].join('\n') + '\n',
			EUR
		);
		expect(result).toEqual({
			ok: false,
			problems: [
				{
					row: 4,
					column: 'price',
					message: 'must be a price with a dot for decimals, like 12.50 (got "x")'
				}
			]
		});
	});

	test('lists every bad row and column at once, in file order, and returns no listings', () => {
		const result = readDiscogsInventory(
			file(
				row({ listing_id: 'abc', price: '"12,50"' }),
				row({ listing_id: '2', media_condition: 'No Cover', quantity: '-1' }),
				row({ listing_id: '3' }),
				row({
					listing_id: '4',
					status: 'Gone',
					listed: '25/08/2026 07:04',
					accept_offer: 'maybe',
					weight: '1.5'
				}),
				row({ listing_id: '5', title: '', sleeve_condition: 'Shiny', release_id: 'r123' }),
				row({ listing_id: '3' })
			),
			EUR
		);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ row: 2, column: 'listing_id', message: 'must be a Discogs listing number (got "abc")' },
				{
					row: 2,
					column: 'price',
					message: 'must be a price with a dot for decimals, like 12.50 (got "12,50")'
				},
				{
					row: 3,
					column: 'media_condition',
					message: 'No Cover is a sleeve condition, not a media grade (got "No Cover")'
				},
				{ row: 3, column: 'quantity', message: 'must be a whole number ≥ 0 (got "-1")' },
				{
					row: 5,
					column: 'status',
					message: 'must be one of For Sale, Draft, Expired, Sold (got "Gone")'
				},
				{
					row: 5,
					column: 'listed',
					message: 'must be a date and time like 2026-08-25 07:04:22 (got "25/08/2026 07:04")'
				},
				{ row: 5, column: 'accept_offer', message: 'must be Y or N (got "maybe")' },
				{ row: 5, column: 'weight', message: 'must be a whole number ≥ 0 (got "1.5")' },
				{ row: 6, column: 'title', message: 'must not be empty' },
				{ row: 6, column: 'release_id', message: 'must be a whole number ≥ 1 (got "r123")' },
				{
					row: 6,
					column: 'sleeve_condition',
					message:
						'sleeve grade must be a Goldmine grade (M, NM, VG+, VG, G+, G, F, P) or Generic, Not Graded, No Cover (got "Shiny")'
				},
				{
					row: 7,
					column: 'listing_id',
					message: 'listing 3 is already on row 4; each listing may appear once'
				}
			]
		});
	});

	test('names a row with the wrong number of columns and an unclosed quote', () => {
		const short = readDiscogsInventory(file(row(), '1002,Only,three'), EUR);
		expect(short).toEqual({
			ok: false,
			problems: [{ row: 3, column: null, message: 'has 3 columns, expected 19' }]
		});
		const unclosed = readDiscogsInventory(file(row({ title: '"Never closed' })), EUR);
		expect(unclosed.ok).toBe(false);
		expect(!unclosed.ok && unclosed.problems[0]).toEqual({
			row: 2,
			column: null,
			message:
				'a quoted field is broken: a closing " is missing or a stray " is inside (write "" for a quote within quotes)'
		});
	});

	test('refuses a file that is not a Discogs inventory export, naming what differs', () => {
		expect(readDiscogsInventory('artist,title,price\r\nA,B,1.0\r\n', EUR)).toEqual({
			ok: false,
			problems: [
				{
					row: 1,
					column: null,
					message: `the header must be exactly ${DISCOGS_HEADER} (a Discogs inventory export): missing listing_id, label, catno, format, release_id, status, listed, comments, media_condition, sleeve_condition, accept_offer, external_id, weight, format_quantity, location, quantity`
				}
			]
		});
		const swapped = DISCOGS_HEADER.replace('artist,title', 'title,artist');
		const result = readDiscogsInventory(swapped + '\r\n', EUR);
		expect(!result.ok && result.problems[0]?.message).toContain('the columns are in another order');
		expect(readDiscogsInventory('', EUR)).toEqual({
			ok: false,
			problems: [
				{
					row: 1,
					column: null,
					message: `the file is empty; expected the header ${DISCOGS_HEADER}`
				}
			]
		});
	});

	test('reads an empty sleeve, accept_offer, weight and status as null', () => {
		const result = readDiscogsInventory(
			file(
				row({
					sleeve_condition: '',
					accept_offer: '',
					weight: '',
					format_quantity: '',
					status: '',
					listed: ''
				})
			),
			EUR
		);
		expect(result.ok && result.listings[0]).toMatchObject({
			sleeveGrade: null,
			acceptOffer: null,
			weightGrams: null,
			formatQuantity: null,
			status: null,
			listed: null
		});
	});
	test('reads an empty listing_id as null, for copies never listed on Discogs', () => {
		const result = readDiscogsInventory(
			file(row({ listing_id: '', external_id: '2000000001425' }), row({ listing_id: '' })),
			EUR
		);
		expect(result.ok && result.listings.map((l) => [l.listingId, l.externalId])).toEqual([
			[null, '2000000001425'],
			[null, '']
		]);
	});
	test('reads an LF file whose quoted comments hold CRLF line breaks', () => {
		const lf =
			[
				DISCOGS_HEADER,
				row({ comments: '"first line\r\nsecond line"' }),
				row({ listing_id: '1002' })
			].join('\n') + '\n';
		const result = readDiscogsInventory(lf, EUR);
		expect(result.ok && result.listings.map((l) => [l.listingId, l.comments])).toEqual([
			['1001', 'first line\r\nsecond line'],
			['1002', '']
		]);
	});
});
