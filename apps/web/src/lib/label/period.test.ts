import { expect, test } from 'vitest';
import { daysBetween, localToday, periodFor } from './period.ts';

test('preset periods end today, and last month is the whole previous calendar month', () => {
	expect(periodFor('this-month', '2026-03-10')).toEqual({
		preset: 'this-month',
		from: '2026-03-01',
		to: '2026-03-10'
	});
	expect(periodFor('last-month', '2026-03-10')).toMatchObject({
		from: '2026-02-01',
		to: '2026-02-28'
	});
	expect(periodFor('last-month', '2026-01-05')).toMatchObject({
		from: '2025-12-01',
		to: '2025-12-31'
	});
	expect(periodFor('last-90-days', '2026-03-31')).toMatchObject({
		from: '2026-01-01',
		to: '2026-03-31'
	});
	expect(periodFor('this-year', '2026-03-10')).toMatchObject({
		from: '2026-01-01',
		to: '2026-03-10'
	});
});

test('today is the calendar date on the device, not in UTC', () => {
	expect(localToday(new Date(2026, 2, 1, 0, 30))).toBe('2026-03-01');
});

test('days between two dates include both ends and cross months', () => {
	expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
		'2026-02-27',
		'2026-02-28',
		'2026-03-01',
		'2026-03-02'
	]);
	expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
});
