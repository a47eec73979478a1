import { expect, test } from 'vitest';
import {
	catalogNumbersMatch,
	normaliseCatalogNumber,
	splitCatalogNumbers
} from './catalog-number.ts';

test('"SK 026", "SK026" and "sk-026" are the same catalog number', () => {
	expect(normaliseCatalogNumber('SK 026')).toBe('SK026');
	expect(normaliseCatalogNumber('SK026')).toBe('SK026');
	expect(normaliseCatalogNumber('sk-026')).toBe('SK026');
	expect(catalogNumbersMatch('HA-U 8207', 'HAU.8207')).toBe(true);
	expect(catalogNumbersMatch('SK 026', 'SK 032')).toBe(false);
});

test('"none" and blanks mean no catalog number, and two missing ones never match', () => {
	expect(normaliseCatalogNumber('none')).toBeNull();
	expect(normaliseCatalogNumber(' None ')).toBeNull();
	expect(normaliseCatalogNumber(' - ')).toBeNull();
	expect(catalogNumbersMatch('none', 'none')).toBe(false);
});

test('keeps letters of any script and folds full-width characters', () => {
	expect(normaliseCatalogNumber('33 С01263-С60—05408')).toBe('33С01263С6005408');
	expect(normaliseCatalogNumber('ＳＫ０２６')).toBe('SK026');
});

test('splits a field with several catalog numbers and drops repeats', () => {
	expect(splitCatalogNumbers('DRP 3661, DRP 3662')).toEqual(['DRP 3661', 'DRP 3662']);
	expect(splitCatalogNumbers('SVL 9229, SVL.9229')).toEqual(['SVL 9229']);
	expect(splitCatalogNumbers('SK 026 | SK026')).toEqual(['SK 026']);
	expect(splitCatalogNumbers('none')).toEqual([]);
});
