import { describe, expect, test } from 'vitest';
import { SearchIndex, tokenize } from './search-index.ts';

const index = SearchIndex.build([
	{ id: 'a', fields: ['Sigur Rós', 'Ágætis byrjun', 'Fat Cat', 'FATCD11'] },
	{ id: 'b', fields: ['Svek', "Knockin' Boots", 'Svek', 'SK-026'] },
	{ id: 'c', fields: ['Sade', 'Diamond Life', 'Epic', 'EPC 26044'] },
	{ id: 'd', fields: ['Boards of Canada', 'Music Has the Right to Children', 'Warp', 'WARPCD55'] }
]);

describe('SearchIndex', () => {
	test('finds by the start of any word, ignoring case and accents', () => {
		expect(index.search('ros')).toEqual(['a']);
		expect(index.search('ÁGÆT')).toEqual(['a']);
		expect(index.search('knock')).toEqual(['b']);
	});

	test('needs every typed word to match', () => {
		expect(index.search('s')).toEqual(expect.arrayContaining(['a', 'b', 'c']));
		expect(index.search('sade diamond')).toEqual(['c']);
		expect(index.search('sade boots')).toEqual([]);
	});

	test('finds a catalog number with or without its dash', () => {
		expect(index.search('sk026')).toEqual(['b']);
		expect(index.search('SK-026')).toEqual(['b']);
		expect(index.search('warpcd')).toEqual(['d']);
	});

	test('returns nothing for an empty query and stops at the limit', () => {
		expect(index.search('  ')).toEqual([]);
		expect(index.search('s', 2)).toHaveLength(2);
	});

	test('puts a whole-word match before longer words', () => {
		const ranked = SearchIndex.build([
			{ id: 'long', fields: ['Cattle Decapitation'] },
			{ id: 'exact', fields: ['Cat Power'] }
		]);
		expect(ranked.search('cat')).toEqual(['exact', 'long']);
	});

	test('tokenize splits on punctuation and keeps a joined catalog number', () => {
		expect(tokenize('SK-026')).toEqual(['sk', '026', 'sk026']);
		expect(tokenize("Knockin' Boots")).toEqual(['knockin', 'boots']);
	});
});
