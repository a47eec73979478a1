import { describe, expect, test } from 'vitest';
import {
	barcodeKey,
	classifyBarcode,
	expandUpcE,
	formatBarcode,
	gs1CheckDigit,
	inStoreBarcode,
	normaliseBarcode,
	parseBarcode,
	parseInStoreBarcode
} from './barcode.ts';

describe('classifyBarcode', () => {
	test.each([
		['0 9362-47555-2 4', 'upca', '093624755524'],
		['5 0254254 05921', 'ean13', '5025425405921'],
		['7 961220 922684 >', 'ean13', '7961220922684'],
		['00602537119967', 'ean13', '0602537119967'],
		['96385074', 'ean8', '96385074'],
		['04252614', 'upce', '04252614'],
		['\u200b5012345678900\u200e', 'ean13', '5012345678900']
	])('reads %j as a valid %s', (text, format, digits) => {
		expect(classifyBarcode(text)).toMatchObject({ kind: 'valid', format, digits });
	});

	test('reports the check digit a mistyped barcode should have', () => {
		expect(classifyBarcode('5 016035 410767')).toEqual({
			kind: 'bad_check_digit',
			format: 'ean13',
			digits: '5016035410767',
			expectedCheckDigit: gs1CheckDigit('501603541076')
		});
	});

	test('classifies garbage without throwing', () => {
		expect(classifyBarcode('none')).toEqual({ kind: 'not_a_barcode', text: 'none' });
		expect(classifyBarcode('BMD-1012A').kind).toBe('not_a_barcode');
		expect(classifyBarcode('145/343').kind).toBe('not_a_barcode');
		expect(classifyBarcode('59240 0035 1')).toEqual({ kind: 'wrong_length', digits: '5924000351' });
		expect(classifyBarcode('46026852003446').kind).toBe('wrong_length');
		expect(classifyBarcode('  ')).toEqual({ kind: 'empty' });
	});

	test('expands UPC-E to UPC-A for the check digit', () => {
		expect(expandUpcE('04252614')).toBe('042100005264');
		expect(expandUpcE('01234505')).toBe('012000003455');
		expect(expandUpcE('21234505')).toBeNull();
	});

	test('gives one key to the same product written as UPC-A, EAN-13 and GTIN-14', () => {
		const key = barcodeKey('0 9362-47555-2 4');
		expect(key).toBe('00093624755524');
		expect(barcodeKey('0093624755524')).toBe(key);
		expect(barcodeKey('00093624755524')).toBe(key);
		expect(barcodeKey('04252614')).toBe('00042100005264');
		expect(barcodeKey('nope')).toBeNull();
	});
});

describe('normalise, format and parse', () => {
	test('formats each kind as printed and normalises back to the same digits', () => {
		expect(formatBarcode('093624755524')).toBe('0 93624 75552 4');
		expect(formatBarcode('5012345678900')).toBe('5 012345 678900');
		expect(formatBarcode('96385074')).toBe('9638 5074');
		expect(formatBarcode('04252614')).toBe('0 425261 4');
		for (const digits of ['093624755524', '5012345678900', '96385074', '04252614']) {
			expect(normaliseBarcode(formatBarcode(digits))).toBe(digits);
		}
	});

	test('parseBarcode says exactly what is wrong', () => {
		expect(() => parseBarcode('5012345678901')).toThrow(
			'barcode check digit is wrong: a EAN-13 ending in 1 should end in 0 (got "5012345678901")'
		);
		expect(() => parseBarcode('12345')).toThrow(
			'barcode must have 8, 12 or 13 digits (got 5: "12345")'
		);
		expect(() => parseBarcode('none')).toThrow(
			'barcode must be digits only, like 5012345678900 (got "none")'
		);
	});
});

describe('in-store barcodes', () => {
	test('makes an EAN-13 in the 20–29 range with a check digit', () => {
		const code = inStoreBarcode(142);
		expect(code).toBe('2000000001425');
		expect(classifyBarcode(code)).toMatchObject({
			kind: 'valid',
			format: 'ean13',
			isInStore: true
		});
		expect(inStoreBarcode(9_999_999_999, 29)).toMatch(/^299999999999\d$/);
		expect(parseInStoreBarcode(inStoreBarcode(31_337, 27))).toEqual({ prefix: 27, serial: 31_337 });
	});

	test('does not take a product barcode for an in-store one', () => {
		expect(parseInStoreBarcode('5012345678900')).toBeNull();
		expect(classifyBarcode('5012345678900')).toMatchObject({ isInStore: false });
	});

	test('refuses a prefix outside 20–29 and a serial that does not fit', () => {
		expect(() => inStoreBarcode(1, 30)).toThrow('in-store prefix must be from 20 to 29 (got 30)');
		expect(() => inStoreBarcode(10_000_000_000)).toThrow(
			'in-store serial must be a whole number from 0 to 9999999999'
		);
		expect(() => inStoreBarcode(1.5)).toThrow('(got 1.5)');
	});
});
