import { expect, test } from 'vitest';
import {
	catnoKey,
	gtin13,
	hasValidCheckDigit,
	inStoreEan13,
	shelfFormat
} from './release-fields.ts';

test('files Discogs formats under the shop formats', () => {
	expect(shelfFormat('Vinyl', '2', '12"; 33 ⅓ RPM')).toBe('2xLP');
	expect(shelfFormat('Vinyl', '1', '12"; 45 RPM')).toBe('12"');
	expect(shelfFormat('Vinyl', '1', 'LP; Album')).toBe('LP');
	expect(shelfFormat('Vinyl', '1', '7"; 45 RPM; Single')).toBe('7"');
	expect(shelfFormat('Vinyl', '1', '10"; White Label')).toBe('10"');
	expect(shelfFormat('Vinyl + Box Set', '2 + 1', 'LP')).toBe('Box set');
	expect(shelfFormat('CDr', '1', 'Album')).toBe('CD');
	expect(shelfFormat('Cassette', '1', '')).toBe('Cassette');
	expect(shelfFormat('File', '3', 'MP3')).toBe('Other');
});

test('folds catalog numbers written different ways to one key', () => {
	expect(catnoKey('SK 026')).toBe('SK026');
	expect(catnoKey('sk-026')).toBe('SK026');
	expect(catnoKey('9 47555-2')).toBe('9475552');
	expect(catnoKey(' - ')).toBeNull();
	expect(catnoKey(null)).toBeNull();
});

test('reads barcodes typed with spaces and refuses ones whose check digit is wrong', () => {
	expect(gtin13('0 9362-47555-2 4')).toBe('0093624755524');
	expect(gtin13('5 024900 001498 >')).toBe('5024900001498');
	expect(gtin13('074646362822')).toBe('0074646362822');
	expect(gtin13('074646362823')).toBeNull();
	expect(gtin13('59240 0035 1')).toBeNull();
});

test('makes in-store EAN-13s with the 2 prefix and a valid check digit', () => {
	expect(inStoreEan13(1)).toBe('2000000000015');
	for (const n of [7, 42, 199, 123456]) {
		const sku = inStoreEan13(n);
		expect(sku).toMatch(/^2\d{12}$/);
		expect(hasValidCheckDigit(sku)).toBe(true);
	}
});
