import { expect, test } from 'vitest';
import { expandTags, pagesOf, shortTitle, TAG_LAYOUTS } from './tags.ts';

test('cuts a long title at a word and keeps short ones whole', () => {
	expect(shortTitle('Svek – Stockholm')).toBe('Svek – Stockholm');
	expect(shortTitle('The Artist (Formerly Known As Prince) – The Gold Experience', 42)).toBe(
		'The Artist (Formerly Known As Prince) –…'
	);
	expect(shortTitle('難忘的一天難忘的一天難忘的一天', 8)).toBe('難忘的一天難忘…');
});

test('makes one tag per copy received and lays them out on sheets', () => {
	const tags = expandTags([
		{ tag: 'a', copies: 25 },
		{ tag: 'b', copies: 0 },
		{ tag: 'c', copies: 2 }
	]);
	expect(tags.length).toBe(27);
	const a4 = TAG_LAYOUTS.find((l) => l.id === 'a4-3x8')!;
	expect(pagesOf(tags, a4).map((p) => p.length)).toEqual([24, 3]);
	const l7160 = TAG_LAYOUTS.find((l) => l.id === 'a4-3x7')!;
	expect(pagesOf(tags, l7160).map((p) => p.length)).toEqual([21, 6]);
	const roll = TAG_LAYOUTS.find((l) => l.id === 'thermal-57x32')!;
	expect(pagesOf(tags, roll).length).toBe(27);
	expect(() => expandTags([{ tag: 'x', copies: 2.5 }])).toThrow(
		'copies must be a whole number ≥ 0 (got 2.5)'
	);
	expect(() => expandTags([{ tag: 'x', copies: 1001 }])).toThrow('at most 1000 tags in one print');
});

test('fits every sheet layout on its page', () => {
	for (const l of TAG_LAYOUTS) {
		const width = l.marginLeftMm * 2 + l.columns * l.widthMm + (l.columns - 1) * l.gapXMm;
		const height = l.marginTopMm * 2 + l.rows * l.heightMm + (l.rows - 1) * l.gapYMm;
		expect([l.id, width <= l.pageWidthMm + 0.01, height <= l.pageHeightMm + 0.01]).toEqual([
			l.id,
			true,
			true
		]);
	}
});
