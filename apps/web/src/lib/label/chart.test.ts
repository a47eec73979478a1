import { expect, test } from 'vitest';
import { chartData } from './chart.ts';

const shops = [
	{ id: 'a', name: 'Berlin', currency: 'EUR', timezone: 'Europe/Berlin', locale: 'de-DE' },
	{ id: 'b', name: 'London', currency: 'GBP', timezone: 'Europe/London', locale: 'en-GB' }
];

test('every day of the period has a point per shop, zero when nothing sold', () => {
	const data = chartData(
		[
			{ day: '2026-03-02', shopId: 'a', units: 2, shareCents: 2000 },
			{ day: '2026-03-03', shopId: 'b', units: 1, shareCents: 700 },
			{ day: '2026-03-03', shopId: 'a', units: -1, shareCents: -1000 },
			// Outside the period or at a shop not listed: not drawn.
			{ day: '2026-04-01', shopId: 'a', units: 5, shareCents: 1 },
			{ day: '2026-03-02', shopId: 'zz', units: 9, shareCents: 1 }
		],
		shops,
		{ from: '2026-03-01', to: '2026-03-03' }
	);
	expect(data.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
	expect(data.xs[0]).toBe(Date.UTC(2026, 2, 1) / 1000);
	expect(data.series).toEqual([
		{ shopId: 'a', name: 'Berlin', units: [0, 2, -1] },
		{ shopId: 'b', name: 'London', units: [0, 0, 1] }
	]);
	expect(data.totalUnits).toBe(2);
});
