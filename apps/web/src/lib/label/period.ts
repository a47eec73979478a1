/** Periods the dashboard offers, in business days; `custom` keeps the dates the label typed. */
export type PeriodPreset = 'this-month' | 'last-month' | 'last-90-days' | 'this-year' | 'custom';

export interface Period {
	preset: PeriodPreset;
	/** YYYY-MM-DD, inclusive. */
	from: string;
	to: string;
}

export const PRESET_TEXT: Record<Exclude<PeriodPreset, 'custom'>, string> = {
	'this-month': 'This month',
	'last-month': 'Last month',
	'last-90-days': 'Last 90 days',
	'this-year': 'This year'
};

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** Today's date where the label is (the phone's own calendar), as YYYY-MM-DD. */
export function localToday(now: Date): string {
	const pad = (n: number): string => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today on this device, as YYYY-MM-DD. */
export function todayHere(): string {
	return localToday(new Date());
}

/** The dates of a preset period that ends on (or, for last month, before) `today`. */
export function periodFor(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
	const year = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7));
	switch (preset) {
		case 'this-month':
			return { preset, from: `${today.slice(0, 7)}-01`, to: today };
		case 'last-month': {
			const first = Date.UTC(year, month - 2, 1);
			const last = Date.UTC(year, month - 1, 0);
			return { preset, from: isoDay(first), to: isoDay(last) };
		}
		case 'last-90-days':
			return { preset, from: isoDay(Date.parse(`${today}T00:00:00Z`) - 89 * DAY_MS), to: today };
		case 'this-year':
			return { preset, from: `${year}-01-01`, to: today };
	}
}

/** Every day from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (
		let ms = Date.parse(`${from}T00:00:00Z`);
		ms <= Date.parse(`${to}T00:00:00Z`);
		ms += DAY_MS
	) {
		days.push(isoDay(ms));
	}
	return days;
}
