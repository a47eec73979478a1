import { assertCents } from './cents.ts';
import { currencyExponent } from './currency.ts';

/**
 * Formats minor units for people through Intl.NumberFormat in `locale`, always showing the
 * currency's ISO 4217 decimals: (123450, 'EUR', 'de-DE') → "1.234,50 €", (1500, 'JPY', 'ja-JP')
 * → "￥1,500". Display only: the division to major units never feeds back into an amount.
 * Throws `invalid_input` for a fractional amount or unknown currency; a bad locale tag throws
 * RangeError from Intl.
 */
export function formatMoney(cents: number, currency: string, locale: string): string {
	assertCents(cents, 'amount', Number.MIN_SAFE_INTEGER);
	const exponent = currencyExponent(currency);
	return new Intl.NumberFormat(locale, {
		style: 'currency',
		currency,
		minimumFractionDigits: exponent,
		maximumFractionDigits: exponent
	}).format(cents / 10 ** exponent);
}
