import { api } from '$lib/api.ts';
import { addDays, todayIn } from '../format.ts';
import { attempt } from './attempt.ts';

type Q<K extends keyof typeof api.office.reports> = Awaited<
	ReturnType<(typeof api.office.reports)[K]['query']>
>;

/** Every report of the office for one period, and the end of day of one business day. */
export class Reports {
	from = $state('');
	to = $state('');
	day = $state('');
	byDay = $state.raw<Q<'salesByDay'>>([]);
	byFormat = $state.raw<Q<'salesByFormat'>>([]);
	byLabel = $state.raw<Q<'salesByLabel'>>([]);
	split = $state.raw<Q<'consignmentVsOwned'>>([]);
	best = $state.raw<Q<'bestSellers'>>([]);
	aged = $state.raw<Q<'agedStock'>>([]);
	payable = $state.raw<Q<'payablePerLabel'>>([]);
	endOfDay = $state.raw<Q<'endOfDay'> | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	isLoading = $state(false);

	/** The last 30 business days up to today in the shop's zone. */
	start(timeZone: string): void {
		const today = todayIn(timeZone);
		this.to = today;
		this.from = addDays(today, -29);
		this.day = today;
	}

	async load(): Promise<void> {
		this.problem = undefined;
		this.isLoading = true;
		const report = (p: string): void => {
			this.problem = p;
		};
		const range = { from: this.from, to: this.to };
		try {
			const [byDay, byFormat, byLabel, split, best, aged, payable] = await Promise.all([
				attempt(() => api.office.reports.salesByDay.query(range), report),
				attempt(() => api.office.reports.salesByFormat.query(range), report),
				attempt(() => api.office.reports.salesByLabel.query(range), report),
				attempt(() => api.office.reports.consignmentVsOwned.query(range), report),
				attempt(() => api.office.reports.bestSellers.query({ ...range, limit: 20 }), report),
				attempt(() => api.office.reports.agedStock.query({ limit: 200 }), report),
				attempt(() => api.office.reports.payablePerLabel.query(), report)
			]);
			this.byDay = byDay ?? [];
			this.byFormat = byFormat ?? [];
			this.byLabel = byLabel ?? [];
			this.split = split ?? [];
			this.best = best ?? [];
			this.aged = aged ?? [];
			this.payable = payable ?? [];
			await this.loadEndOfDay();
		} finally {
			this.isLoading = false;
		}
	}

	async loadEndOfDay(): Promise<void> {
		this.endOfDay = await attempt(
			() => api.office.reports.endOfDay.query({ businessDay: this.day }),
			(p) => (this.problem = p)
		);
	}
}

/** Aged stock in buckets of days since the copies came in. */
export const AGE_BUCKETS = [
	{ label: 'up to 30 days', max: 30 },
	{ label: '31–90 days', max: 90 },
	{ label: '91–180 days', max: 180 },
	{ label: '181–365 days', max: 365 },
	{ label: 'over a year', max: Number.POSITIVE_INFINITY }
] as const;

export function ageBuckets(
	rows: readonly { ageDays: number | null; onHand: number }[]
): { key: string; value: number }[] {
	const totals = AGE_BUCKETS.map((b) => ({ key: b.label, value: 0 }));
	for (const row of rows) {
		const index = AGE_BUCKETS.findIndex((b) => (row.ageDays ?? 0) <= b.max);
		const bucket = totals[index];
		if (bucket !== undefined) bucket.value += row.onHand;
	}
	return totals;
}
