import { expect, test } from 'vitest';
import { businessDayOf } from './business-day.ts';

test('dates a sale by the shop time zone, not the device zone', () => {
	const lateEvening = '2026-03-01T23:30:00Z';
	expect(businessDayOf(lateEvening, 'Europe/London')).toBe('2026-03-01');
	expect(businessDayOf(lateEvening, 'Europe/Berlin')).toBe('2026-03-02');
	expect(businessDayOf(lateEvening, 'America/Los_Angeles')).toBe('2026-03-01');
});

test('reads an offset written by a tablet in another zone as the same instant', () => {
	expect(businessDayOf('2026-03-02T08:30:00+09:00', 'Europe/London')).toBe('2026-03-01');
});

test('follows daylight saving time in the shop zone', () => {
	// New York switches to EDT (UTC−4) on 2026-03-08.
	expect(businessDayOf('2026-03-08T03:30:00Z', 'America/New_York')).toBe('2026-03-07');
	expect(businessDayOf('2026-03-09T03:30:00Z', 'America/New_York')).toBe('2026-03-08');
	expect(businessDayOf('2026-03-09T04:30:00Z', 'America/New_York')).toBe('2026-03-09');
});

test('refuses an unknown zone and a time without an offset', () => {
	expect(() => businessDayOf('2026-03-01T12:00:00Z', 'Mars/Olympus')).toThrow(
		'timeZone must be an IANA time zone like Europe/Berlin (got "Mars/Olympus")'
	);
	for (const at of ['2026-03-01T12:00:00', '2026-02-30T12:00:00Z', '2026-03-01T12:00Z']) {
		expect(() => businessDayOf(at, 'Europe/Berlin')).toThrow(
			`time must be an ISO 8601 time with an offset like 2026-03-01T14:30:00Z (got "${at}")`
		);
	}
});
