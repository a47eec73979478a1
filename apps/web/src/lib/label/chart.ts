import type { PortalShop, SalesPoint } from '@deadwax/sync';
import { daysBetween } from './period.ts';

export interface ChartSeries {
	shopId: string;
	name: string;
	/** Net copies sold per day, one per entry of `days`. */
	units: number[];
}

export interface ChartData {
	days: string[];
	/** uPlot's x values: each day's UTC midnight in seconds. */
	xs: number[];
	series: ChartSeries[];
	totalUnits: number;
}

/** Copies sold per day and shop over the period, with 0 on days without sales. */
export function chartData(
	sales: readonly SalesPoint[],
	shops: readonly PortalShop[],
	period: { from: string; to: string }
): ChartData {
	const days = daysBetween(period.from, period.to);
	const index = new Map(days.map((d, i) => [d, i]));
	const series = shops.map((s) => ({ shopId: s.id, name: s.name, units: days.map(() => 0) }));
	const byShop = new Map(series.map((s) => [s.shopId, s]));
	let totalUnits = 0;
	for (const point of sales) {
		const i = index.get(point.day);
		const line = byShop.get(point.shopId);
		if (i === undefined || line === undefined) continue;
		line.units[i] = (line.units[i] ?? 0) + point.units;
		totalUnits += point.units;
	}
	return {
		days,
		xs: days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000),
		series,
		totalUnits
	};
}
