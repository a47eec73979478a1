import { currencyExponent } from './currency.ts';

/**
 * Minor units as plain text for error messages and logs, locale-free: (123450, 'EUR') →
 * "1234.50 EUR", (-5, 'USD') → "-0.05 USD", (1500, 'JPY') → "1500 JPY". Use formatMoney for
 * anything a customer reads.
 */
export function describeCents(cents: number, currency: string): string {
	const exponent = currencyExponent(currency);
	const digits = Math.abs(cents)
		.toString()
		.padStart(exponent + 1, '0');
	const sign = cents < 0 ? '-' : '';
	const whole = digits.slice(0, digits.length - exponent);
	const fraction = exponent === 0 ? '' : `.${digits.slice(digits.length - exponent)}`;
	return `${sign}${whole}${fraction} ${currency}`;
}
