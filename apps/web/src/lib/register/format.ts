import { currencyExponent, type Shop } from '@deadwax/core';

const formatters = new Map<string, { format: Intl.NumberFormat; exponent: number }>();

/**
 * Money in the shop's currency and locale, for display only. Same output as core's formatMoney,
 * with the Intl formatter kept: a search result list formats dozens of prices per keystroke.
 */
export function money(shop: Shop | undefined, cents: number): string {
	if (shop === undefined) return String(cents);
	const key = `${shop.currency}|${shop.locale}`;
	let cached = formatters.get(key);
	if (cached === undefined) {
		const exponent = currencyExponent(shop.currency);
		const format = new Intl.NumberFormat(shop.locale, {
			style: 'currency',
			currency: shop.currency,
			minimumFractionDigits: exponent,
			maximumFractionDigits: exponent
		});
		formatters.set(key, (cached = { format, exponent }));
	}
	return cached.format.format(cents / 10 ** cached.exponent);
}

/** An adjustment with its sign always shown, as receipts print them: "+CHF 0.01", "−CHF 0.02". */
export function signedMoney(shop: Shop | undefined, cents: number): string {
	return `${cents < 0 ? '−' : '+'}${money(shop, Math.abs(cents))}`;
}

/** "just now", "4 min ago", "3 h ago", "2 days ago": how long ago `thenMs` was. */
export function ago(thenMs: number, nowMs: number): string {
	const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
	if (s < 60) return 'just now';
	const m = Math.round(s / 60);
	if (m < 60) return `${m} min ago`;
	const h = Math.round(m / 60);
	if (h < 48) return `${h} h ago`;
	return `${Math.round(h / 24)} days ago`;
}

/** "12 min", "5 h", "2 days": a duration for the pending-age display. */
export function duration(ms: number): string {
	return ago(0, ms).replace(' ago', '').replace('just now', 'under a minute');
}

/** Whole minor units from what the clerk typed ("12,50", "12.5", "12"); null when it is not money. */
export function parseAmount(text: string, exponent = 2): number | null {
	const clean = text.trim().replace(/\s/g, '').replace(',', '.');
	if (!/^\d+(\.\d{0,3})?$/.test(clean)) return null;
	const [whole = '0', frac = ''] = clean.split('.');
	if (frac.length > exponent) return null;
	return Number(whole) * 10 ** exponent + Number(frac.padEnd(exponent, '0') || '0');
}

/** The device clock now, as an ISO 8601 instant: what every record's time field takes. */
export function nowIso(): string {
	return new Date().toISOString();
}
