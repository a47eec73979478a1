import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test';

/** A goal in the metric's own unit: at most `max`, or at least `min`. */
export type Goal = { max: number } | { min: number };

/** One figure of `npm run bench`, beside the baseline measured in the same run. */
export interface Metric {
	name: string;
	value: number;
	unit: string;
	baseline?: { name: string; value: number };
	/** value / baseline.value, so 0.5 means half of the baseline. */
	ratio?: number;
	goal?: Goal;
}

/** What tests/bench/run.ts hands every metric module. */
export interface BenchContext {
	/** The real server, started once for the whole run on a temporary DATA_DIR with the demo shop. */
	baseURL: string;
	/** Debian's Chromium, launched once. */
	browser: Browser;
	/** The repository root. */
	root: string;
	/** A fresh browser context on the server (cold HTTP cache, no service worker yet). */
	newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
	/** A progress line on stderr, so the table on stdout stays clean. */
	log(message: string): void;
}

/** The signature every tests/bench/metrics/*.ts module exports. */
export type Measure = (ctx: BenchContext) => Promise<Metric[]>;

/** The middle value (mean of the middle two for an even count). Throws on an empty list. */
export function median(values: readonly number[]): number {
	if (values.length === 0) throw new Error('median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Rounds to `digits` decimals, for figures that are shown and committed. */
export function round(value: number, digits = 1): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/** A metric with its baseline and the ratio between them filled in. */
export function compared(options: {
	name: string;
	value: number;
	unit: string;
	baseline: { name: string; value: number };
	goal?: Goal;
}): Metric {
	const { baseline, goal } = options;
	return {
		name: options.name,
		value: options.value,
		unit: options.unit,
		baseline,
		ratio: baseline.value === 0 ? undefined : round(options.value / baseline.value, 2),
		...(goal === undefined ? {} : { goal })
	};
}

/** Whether a metric meets its goal; undefined when it has none. */
export function meetsGoal(metric: Metric): boolean | undefined {
	if (metric.goal === undefined) return undefined;
	return 'max' in metric.goal ? metric.value <= metric.goal.max : metric.value >= metric.goal.min;
}
