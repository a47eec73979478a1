import { formatMoney } from '@deadwax/core';
import type { CurrencyAmount } from '@deadwax/sync';

/** The label's own locale (its phone or browser), for every number and date in the portal. */
export function viewerLocale(): string {
	return typeof navigator === 'undefined' ? 'en-US' : (navigator.language ?? 'en-US');
}

export function money(cents: number, currency: string, locale = viewerLocale()): string {
	return formatMoney(cents, currency, locale);
}

/** "10,00 € + £10.00"; a plain "0" when there is no amount in any currency. */
export function moneyList(amounts: readonly CurrencyAmount[], locale = viewerLocale()): string {
	if (amounts.length === 0) return new Intl.NumberFormat(locale).format(0);
	return amounts.map((a) => money(a.cents, a.currency, locale)).join(' + ');
}

/** 0.25 → "25 %" in the locale's style; null (nothing ever stocked) → "–". */
export function percent(fraction: number | null, locale = viewerLocale()): string {
	if (fraction === null) return '–';
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
		fraction
	);
}

/** A business day (YYYY-MM-DD) as the locale writes a date: "10 Mar 2026". */
export function day(isoDay: string, locale = viewerLocale()): string {
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${isoDay}T00:00:00Z`));
}

/** A month (YYYY-MM) as "March 2026". */
export function month(isoMonth: string, locale = viewerLocale()): string {
	return new Intl.DateTimeFormat(locale, {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${isoMonth}-01T00:00:00Z`));
}

/** The time of an instant on this device: "14:05:09". */
export function clockTime(iso: string, locale = viewerLocale()): string {
	return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(iso));
}
