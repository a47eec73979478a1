import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MEDIA_GRADES, SLEEVE_GRADES } from '../grading/grades.ts';
import { DISCOGS_HEADER, DISCOGS_STATUSES, type DiscogsListing } from './columns.ts';
import { readDiscogsInventory } from './read.ts';
import { csvField, writeDiscogsInventory } from './write.ts';

const API_TEST_EXPORT =
	'listing_id,artist,title,label,catno,format,release_id,status,price,listed,comments,media_condition,sleeve_condition,accept_offer,external_id,weight,format_quantity,location,quantity\r\n' +
	'4332778344,HammerFall,Glory To The Brave,Nuclear Blast,NB 265-2,"CD, Album, Promo",5134861,Draft,100.0,2026-08-25 07:04:22,API_TEST_CREATE_INVENTORY_EXPORT,Near Mint (NM or M-),Near Mint (NM or M-),N,API_TEST_EXTERNAL_ID,100,1,API_TEST_LOCATION,1\r\n';

describe('writeDiscogsInventory', () => {
	test('writes back the exact bytes of the Discogs export it read', () => {
		const read = readDiscogsInventory(API_TEST_EXPORT, { currency: 'EUR' });
		if (!read.ok) throw new Error('fixture must read');
		expect(writeDiscogsInventory(read.listings, { currency: 'EUR' })).toBe(API_TEST_EXPORT);
	});

	test('writes the header and its CRLF alone for an empty inventory', () => {
		expect(writeDiscogsInventory([], { currency: 'EUR' })).toBe(`${DISCOGS_HEADER}\r\n`);
	});

	test('quotes only fields that need it', () => {
		expect(csvField('plain text')).toBe('plain text');
		expect(csvField(' leading space ')).toBe(' leading space ');
		expect(csvField('CD, Album')).toBe('"CD, Album"');
		expect(csvField('2x12", Album')).toBe('"2x12"", Album"');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('')).toBe('');
	});

	test('reads back every listing it writes, whatever the text holds', () => {
		const text = fc.string({ unit: 'grapheme', maxLength: 30 });
		const listing: fc.Arbitrary<DiscogsListing> = fc.record({
			listingId: fc.option(fc.bigInt({ min: 1n, max: 99_999_999_999n }).map(String)),
			artist: text.filter((t) => t.trim() !== ''),
			title: text.filter((t) => t.trim() !== ''),
			label: text,
			catno: text,
			format: fc.constantFrom('CD, Album', '2x12", Album', 'LP', 'Cass, "Promo"'),
			releaseId: fc.option(fc.integer({ min: 1, max: 40_000_000 })),
			status: fc.option(fc.constantFrom(...DISCOGS_STATUSES)),
			priceCents: fc.integer({ min: 0, max: 10_000_000 }),
			listed: fc.option(fc.constant('2021-02-03 04:05:06')),
			comments: fc.oneof(text, fc.constant('multi\r\nline, "quoted"')),
			mediaGrade: fc.constantFrom(...MEDIA_GRADES),
			sleeveGrade: fc.option(fc.constantFrom(...SLEEVE_GRADES)),
			acceptOffer: fc.option(fc.boolean()),
			externalId: text,
			weightGrams: fc.option(fc.integer({ min: 0, max: 5000 })),
			formatQuantity: fc.option(fc.integer({ min: 0, max: 20 })),
			location: text,
			quantity: fc.integer({ min: 0, max: 50 })
		});
		fc.assert(
			fc.property(
				fc.uniqueArray(listing, { selector: (l) => l.listingId ?? Math.random(), maxLength: 8 }),
				(listings) => {
					const written = writeDiscogsInventory(listings, { currency: 'EUR' });
					expect(readDiscogsInventory(written, { currency: 'EUR' })).toEqual({
						ok: true,
						listings
					});
				}
			)
		);
	});
});
