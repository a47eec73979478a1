import { expect, test } from 'vitest';
import { retryAfter } from './account-store.ts';
import { checkPeriod, monthsBetween, releaseKey, sellThrough } from './figures.ts';

test('the same catalog number and format is one release across shops, then Discogs id, then titles', () => {
	const base = {
		catno_key: 'SK026',
		format: 'LP',
		discogs_release_id: 32,
		artist: 'A',
		title: 'T'
	};
	expect(releaseKey(base)).toBe('catno:SK026|LP');
	expect(releaseKey({ ...base, format: 'CD' })).toBe('catno:SK026|CD');
	expect(releaseKey({ ...base, catno_key: null })).toBe('discogs:32');
	expect(
		releaseKey({
			...base,
			catno_key: '',
			discogs_release_id: null,
			artist: ' The  Band ',
			title: 'Live'
		})
	).toBe('title:the band|live|LP');
});

test('sell-through is sold over sold plus on hand, null when nothing was ever stocked', () => {
	expect(sellThrough(2, 6)).toBe(0.25);
	expect(sellThrough(3, 0)).toBe(1);
	expect(sellThrough(0, 0)).toBeNull();
	// An oversold item (on hand below zero) counts as none left, never above 100 %.
	expect(sellThrough(4, -1)).toBe(1);
});

test('months between two days include both ends and roll over the year', () => {
	expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual([
		{ month: '2025-11', from: '2025-11-01', to: '2025-11-30' },
		{ month: '2025-12', from: '2025-12-01', to: '2025-12-31' },
		{ month: '2026-01', from: '2026-01-01', to: '2026-01-31' },
		{ month: '2026-02', from: '2026-02-01', to: '2026-02-28' }
	]);
	expect(monthsBetween('2028-02-10', '2028-02-10')).toEqual([
		{ month: '2028-02', from: '2028-02-01', to: '2028-02-29' }
	]);
});

test('a period must be real dates in order and at most two years long', () => {
	expect(() => checkPeriod('2026-03-01', '2026-03-01')).not.toThrow();
	expect(() => checkPeriod('2026-3-1', '2026-03-01')).toThrow(
		'from must be a date YYYY-MM-DD (got "2026-3-1")'
	);
	expect(() => checkPeriod('2026-03-01', '2026-02-29')).toThrow(
		'to must be a date YYYY-MM-DD (got "2026-02-29")'
	);
	expect(() => checkPeriod('2024-01-01', '2025-12-31')).not.toThrow();
	expect(() => checkPeriod('2024-01-01', '2026-01-01')).toThrow('at most 731 days (got 732 days');
});

test('sign-in reopens when the failure that reached the limit leaves the window', () => {
	const window = 15 * 60_000;
	const times = ['12:00', '12:01', '12:02', '12:03', '12:04', '12:05', '12:06'].map(
		(t) => `2026-03-10T${t}:00.000Z`
	);
	expect(retryAfter(times.slice(0, 4), 5, window)).toBeNull();
	expect(retryAfter(times.slice(0, 5), 5, window)).toBe('2026-03-10T12:15:00.000Z');
	// Seven failures: two must leave before fewer than five remain.
	expect(retryAfter(times, 5, window)).toBe('2026-03-10T12:17:00.000Z');
});
