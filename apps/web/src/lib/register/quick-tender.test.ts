import { expect, test } from 'vitest';
import { cashDueCents, quickTenders } from './quick-tender.ts';

test('offers exact, the next euro and the next notes above what is due', () => {
	expect(quickTenders(2349, 'EUR')).toEqual([2349, 2400, 2500, 3000]);
});

test('does not repeat an amount that is already a note', () => {
	expect(quickTenders(2000, 'EUR')).toEqual([2000, 5000, 10_000, 20_000]);
});

test('works in a currency without minor units', () => {
	expect(quickTenders(1500, 'JPY')).toEqual([1500, 2000, 5000, 10_000]);
});

test('offers only exact when nothing is due', () => {
	expect(quickTenders(0, 'EUR')).toEqual([0]);
});

test('offers the cash due as exact where cash is rounded (CHF to 5 rappen), up or down', () => {
	expect(quickTenders(2499, 'CHF', 5)).toEqual([2500, 3000, 4000, 5000]);
	expect(quickTenders(2492, 'CHF', 5)).toEqual([2490, 2500, 3000, 4000]);
});

test('offers only exact, nothing, when what is due rounds to nothing in cash', () => {
	expect(quickTenders(2, 'CHF', 5)).toEqual([0]);
});

test('cashDueCents rounds what is left to the cash increment, and is the exact quick tender', () => {
	expect(cashDueCents(2499, 5)).toBe(2500);
	expect(cashDueCents(2492, 5)).toBe(2490);
	expect(cashDueCents(2, 5)).toBe(0);
	expect(cashDueCents(2499)).toBe(2499);
	expect(cashDueCents(-10, 5)).toBe(0);
	expect(quickTenders(2497, 'CHF', 5)[0]).toBe(cashDueCents(2497, 5));
});
