import { DomainError } from '@deadwax/core';

/** The longest period the dashboard reads at once: two years of daily points. */
export const MAX_PERIOD_DAYS = 731;

const DAY_MS = 86_400_000;

/** Epoch ms of a YYYY-MM-DD calendar date, or NaN when it is not a real date. */
function dayMs(day: string): number {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return Number.NaN;
	const ms = Date.parse(`${day}T00:00:00Z`);
	// Date.parse rolls 2026-02-30 over to March; a real date survives the round trip.
	return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? Number.NaN : ms;
}

/**
 * Checks a period of business days, both inclusive. Throws `invalid_input` naming the field for
 * a date that is not a real YYYY-MM-DD, a period that ends before it starts, or one longer than
 * MAX_PERIOD_DAYS.
 */
export function checkPeriod(from: string, to: string): void {
	for (const [field, day] of [
		['from', from],
		['to', to]
	] as const) {
		if (Number.isNaN(dayMs(day))) {
			throw new DomainError(
				'invalid_input',
				`${field} must be a date YYYY-MM-DD (got ${JSON.stringify(day)})`
			);
		}
	}
	const days = (dayMs(to) - dayMs(from)) / DAY_MS + 1;
	if (days < 1)
		throw new DomainError('invalid_input', `to (${to}) must not be before from (${from})`);
	if (days > MAX_PERIOD_DAYS) {
		throw new DomainError(
			'invalid_input',
			`a period may span at most ${MAX_PERIOD_DAYS} days (got ${days} days from ${from} to ${to})`
		);
	}
}

/** The first and last day of the month `day` falls in. */
export function monthOf(day: string): { month: string; from: string; to: string } {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const ym = day.slice(0, 7);
	return { month: ym, from: `${ym}-01`, to: `${ym}-${String(last).padStart(2, '0')}` };
}

/** Months from the one holding `first` to the one holding `last`, oldest first. */
export function monthsBetween(
	first: string,
	last: string
): { month: string; from: string; to: string }[] {
	const months: { month: string; from: string; to: string }[] = [];
	let cursor = monthOf(first);
	const end = monthOf(last).month;
	while (cursor.month <= end) {
		months.push(cursor);
		const next = new Date(Date.parse(`${cursor.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
		cursor = monthOf(next);
	}
	return months;
}

function fold(text: string | null): string {
	return (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Names one release across shops, whose release rows are their own: the same catalog number and
 * format is the same release (a label's own catalog), then the same Discogs release, then the same
 * artist, title and format.
 */
export function releaseKey(release: {
	catno_key: string | null;
	format: string;
	discogs_release_id: number | null;
	artist: string;
	title: string;
}): string {
	if (release.catno_key !== null && release.catno_key !== '') {
		return `catno:${release.catno_key}|${release.format}`;
	}
	if (release.discogs_release_id !== null) return `discogs:${release.discogs_release_id}`;
	return `title:${fold(release.artist)}|${fold(release.title)}|${release.format}`;
}

/** Share of the copies that sold: sold / (sold + on hand), or null when there were none. */
export function sellThrough(sold: number, onHand: number): number | null {
	const stocked = sold + Math.max(0, onHand);
	return stocked <= 0 ? null : Math.max(0, sold) / stocked;
}
