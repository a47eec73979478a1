import { DomainError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a Discogs price ("12.5", "100.0", "7") into minor units of `currency`, on the digits as
 * text so no float touches it. Extra decimals are allowed only when they are zeros ("12.500") or
 * the tail of a binary float printed in full ("35316.090000000004", "9.989999999999"), which
 * tools that pull listings through the API write; those round to the nearest minor unit. Throws
 * `invalid_input` saying what was expected otherwise.
 */
export function parseDiscogsPrice(text: string, currency: string): number {
	const exponent = currencyExponent(currency);
	const match = DECIMAL.exec(text.trim());
	const whole = match?.[1];
	if (match === null || whole === undefined) {
		throw new DomainError(
			'invalid_input',
			`must be a price with a dot for decimals, like 12.50 (got ${JSON.stringify(text)})`
		);
	}
	const fraction = match[2] ?? '';
	const extra = fraction.slice(exponent);
	const isFloatTail = /^(0{6,}|9{6,})\d*$/.test(extra);
	if (/[1-9]/.test(extra) && !isFloatTail) {
		throw new DomainError(
			'invalid_input',
			`has more decimals than ${currency} allows (${exponent}) (got ${JSON.stringify(text)})`
		);
	}
	const roundUp = extra.startsWith('9') ? 1 : 0;
	const cents = Number(whole + fraction.slice(0, exponent).padEnd(exponent, '0')) + roundUp;
	if (!Number.isSafeInteger(cents)) {
		throw new DomainError('invalid_input', `is too large (got ${JSON.stringify(text)})`);
	}
	return cents;
}

/**
 * Writes minor units the way Discogs does: the shortest decimal with at least one digit after
 * the dot, so 1250 EUR → "12.5", 10000 → "100.0", 1299 → "12.99", 1500 JPY → "1500.0".
 */
export function formatDiscogsPrice(cents: number, currency: string): string {
	const exponent = currencyExponent(currency);
	if (!Number.isSafeInteger(cents) || cents < 0) {
		throw new DomainError(
			'invalid_input',
			`price must be a whole number of minor units ≥ 0 (got ${String(cents)})`
		);
	}
	const digits = String(cents).padStart(exponent + 1, '0');
	const whole = digits.slice(0, digits.length - exponent);
	const fraction = digits.slice(digits.length - exponent).replace(/0+$/, '');
	return `${whole}.${fraction === '' ? '0' : fraction}`;
}
