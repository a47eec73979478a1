import { expect, test } from 'vitest';
import { day, money, moneyList, month, percent } from './format.ts';

test('money is shown in the shop’s currency and the viewer’s locale', () => {
	expect(money(123450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
	expect(money(1000, 'GBP', 'en-GB')).toBe('£10.00');
});

test('totals in several currencies are listed, never added up', () => {
	expect(
		moneyList(
			[
				{ currency: 'EUR', cents: 1000 },
				{ currency: 'GBP', cents: 250 }
			],
			'en-GB'
		)
	).toBe('€10.00 + £2.50');
	expect(moneyList([], 'en-GB')).toBe('0');
});

test('sell-through reads as a whole percentage, or a dash when nothing was stocked', () => {
	expect(percent(0.25, 'en-US')).toBe('25%');
	expect(percent(2 / 3, 'en-US')).toBe('67%');
	expect(percent(null, 'en-US')).toBe('–');
});

test('days and months are calendar dates, whatever the device’s time zone', () => {
	expect(day('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
	expect(month('2026-03', 'en-US')).toBe('March 2026');
});
