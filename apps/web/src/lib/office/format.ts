import { formatMoney, parseMoney } from '@deadwax/core';

/** The shop's money settings, from office.catalog.lists. */
export interface MoneySettings {
	currency: string;
	locale: string;
}

/** Cents as the shop writes money: 1299 EUR in de-DE → "12,99 €". */
export function money(cents: number | null, settings: MoneySettings): string {
	return cents === null ? '—' : formatMoney(cents, settings.currency, settings.locale);
}

/** A typed price in cents, or null when the field is empty. Throws core's invalid_input otherwise. */
export function parsePrice(text: string, settings: MoneySettings): number | null {
	return text.trim() === '' ? null : parseMoney(text, settings.currency, settings.locale);
}

/** The price as the edit field shows it: 1299 → "12.99" (a plain decimal any locale reads back). */
export function priceInput(cents: number | null, exponent = 2): string {
	if (cents === null) return '';
	const digits = String(cents).padStart(exponent + 1, '0');
	return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** An ISO time as the office reads it, in the browser's zone: "2 Mar 2026, 10:00". */
export function when(iso: string): string {
	return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Today as YYYY-MM-DD in a time zone (the shop's business day). */
export function todayIn(timeZone: string, now = new Date()): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
	return parts;
}

/** `day` moved by `days` (YYYY-MM-DD, calendar arithmetic in UTC). */
export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
