import { DomainError } from '../errors.ts';
import { isoTime } from '../wire/operations.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone,
				calendar: 'gregory',
				numberingSystem: 'latn',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit'
			});
		} catch (cause) {
			throw new DomainError(
				'invalid_input',
				`timeZone must be an IANA time zone like Europe/Berlin (got ${JSON.stringify(timeZone)})`,
				{ cause }
			);
		}
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Throws `invalid_input` unless `timeZone` is an IANA zone Intl knows (e.g. America/New_York). */
export function assertTimeZone(timeZone: string): void {
	dayFormatter(timeZone);
}

/**
 * Parses an ISO 8601 instant with seconds and an explicit offset ("2026-03-01T23:30:00Z",
 * "…+01:00"), as the wire schemas require, to epoch milliseconds. Throws `invalid_input` naming `field` otherwise: a time
 * without an offset means different instants on different devices.
 */
export function parseInstant(at: string, field = 'time'): number {
	// The wire's own rule, so a time core accepts is never refused by saleRecordSchema.
	const ms = isoTime.safeParse(at).success ? Date.parse(at) : Number.NaN;
	if (Number.isNaN(ms)) {
		throw new DomainError(
			'invalid_input',
			`${field} must be an ISO 8601 time with an offset like 2026-03-01T14:30:00Z (got ${JSON.stringify(at)})`
		);
	}
	return ms;
}

/**
 * The shop's business day (YYYY-MM-DD) for an instant: the calendar date in the shop's IANA
 * time zone, never the device's own zone. A sale at 2026-03-01T23:30:00Z belongs to
 * 2026-03-01 in London but 2026-03-02 in Berlin. Reports and the Z report group by it.
 * Throws `invalid_input` for an unknown zone or a time without an offset.
 */
export function businessDayOf(at: string, timeZone: string): string {
	const ms = parseInstant(at);
	const parts = dayFormatter(timeZone).formatToParts(ms);
	const part = (type: Intl.DateTimeFormatPartTypes): string =>
		parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
