import { DomainError } from '../errors.ts';

/** The retail barcodes a record shop meets. UPC-E is the 8-digit zero-suppressed UPC-A. */
export type BarcodeFormat = 'ean13' | 'upca' | 'ean8' | 'upce';

/**
 * What a piece of text is as a barcode. Never thrown: garbage gets a kind of its own.
 * `valid`: the check digit holds; `gtin` is the GTIN-14 form (zero-padded, UPC-E expanded) so
 * the same product matches whether it was typed as UPC-A, EAN-13 or GTIN-14.
 * `bad_check_digit`: the right length for `format` but the last digit is wrong (a typo).
 * `wrong_length`: only digits, but no barcode has that many (5–7, 9–11, or 14 without a
 * leading 0). `not_a_barcode`: letters or symbols ("none", "BMD-1012A"). `empty`: nothing.
 */
export type BarcodeClass =
	| {
			readonly kind: 'valid';
			readonly format: BarcodeFormat;
			readonly digits: string;
			readonly gtin: string;
			/** EAN-13 in the 20–29 restricted range: a tag printed by a shop, not a product code. */
			readonly isInStore: boolean;
	  }
	| {
			readonly kind: 'bad_check_digit';
			readonly format: BarcodeFormat;
			readonly digits: string;
			readonly expectedCheckDigit: number;
	  }
	| { readonly kind: 'wrong_length'; readonly digits: string }
	| { readonly kind: 'not_a_barcode'; readonly text: string }
	| { readonly kind: 'empty' };

// Spaces, dashes and dots people type between groups; zero-width and direction marks from
// copied web pages; the quiet-zone marks ">" "<" printed beside EAN digits, which Discogs
// contributors copy ("5 024900 001498 >").
const SEPARATORS = /[\s\-‐‑‒–—.·_<>\u200b-\u200f\u2060\ufeff]/gu;

/**
 * The GS1 mod-10 check digit for `body` (all digits but the check digit), as used by EAN-13,
 * UPC-A, EAN-8 and GTIN-14: weights 3 and 1 alternating from the rightmost body digit.
 */
export function gs1CheckDigit(body: string): number {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		const digit = body.charCodeAt(body.length - 1 - i) - 48;
		sum += digit * (i % 2 === 0 ? 3 : 1);
	}
	return (10 - (sum % 10)) % 10;
}

/**
 * Expands an 8-digit UPC-E (number system 0 or 1, six digits, check digit) to its 12-digit
 * UPC-A, whose check digit is the UPC-E's. Returns null when the number system is not 0 or 1.
 */
export function expandUpcE(digits: string): string | null {
	if (!/^[01]\d{7}$/.test(digits)) return null;
	const ns = digits.slice(0, 1);
	const x = digits.slice(1, 7);
	const last = x.charAt(5);
	// The last of the six digits says where the zeros were suppressed.
	const body =
		last <= '2'
			? `${x.slice(0, 2)}${last}0000${x.slice(2, 5)}`
			: last === '3'
				? `${x.slice(0, 3)}00000${x.slice(3, 5)}`
				: last === '4'
					? `${x.slice(0, 4)}00000${x.slice(4, 5)}`
					: `${x.slice(0, 5)}0000${last}`;
	return `${ns}${body}${digits.slice(7)}`;
}

function isCheckValid(digits: string): boolean {
	return gs1CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

function valid(format: BarcodeFormat, digits: string): BarcodeClass {
	const full = format === 'upce' ? (expandUpcE(digits) ?? digits) : digits;
	return {
		kind: 'valid',
		format,
		digits,
		gtin: full.padStart(14, '0'),
		isInStore: format === 'ean13' && digits.startsWith('2')
	};
}

function checked(format: BarcodeFormat, digits: string): BarcodeClass {
	if (isCheckValid(digits)) return valid(format, digits);
	return {
		kind: 'bad_check_digit',
		format,
		digits,
		expectedCheckDigit: gs1CheckDigit(digits.slice(0, -1))
	};
}

/**
 * Classifies what was typed, scanned or imported as a barcode. Strips spaces, dashes, dots,
 * zero-width marks and quiet-zone marks first. 13 digits are EAN-13, 12 UPC-A, 8 EAN-8 (or
 * UPC-E when the EAN-8 check fails and the UPC-E one holds), and 14 with a leading 0 are the
 * GTIN-14 form of an EAN-13. Never throws.
 */
export function classifyBarcode(text: string): BarcodeClass {
	const stripped = text.normalize('NFKC').replace(SEPARATORS, '');
	if (stripped === '') return { kind: 'empty' };
	if (!/^\d+$/.test(stripped)) return { kind: 'not_a_barcode', text };
	switch (stripped.length) {
		case 13:
			return checked('ean13', stripped);
		case 12:
			return checked('upca', stripped);
		case 14:
			return stripped.startsWith('0')
				? checked('ean13', stripped.slice(1))
				: { kind: 'wrong_length', digits: stripped };
		case 8: {
			if (isCheckValid(stripped)) return valid('ean8', stripped);
			const upca = expandUpcE(stripped);
			if (upca !== null && isCheckValid(upca)) return valid('upce', stripped);
			return checked('ean8', stripped);
		}
		default:
			return { kind: 'wrong_length', digits: stripped };
	}
}

/**
 * The canonical digits of a valid barcode (separators gone, a GTIN-14 with leading 0 cut to
 * its EAN-13), or null when `text` is not a valid barcode. Idempotent, and
 * normaliseBarcode(formatBarcode(d)) = d for every canonical d.
 */
export function normaliseBarcode(text: string): string | null {
	const c = classifyBarcode(text);
	return c.kind === 'valid' ? c.digits : null;
}

/**
 * The GTIN-14 a valid barcode stands for, the key to store and look releases up by: "0 9362
 * 47555 2 4" (UPC-A) and "0093624755524" (EAN-13) give the same key. Null when not valid.
 */
export function barcodeKey(text: string): string | null {
	const c = classifyBarcode(text);
	return c.kind === 'valid' ? c.gtin : null;
}

/**
 * Reads a barcode a person entered, for forms that must get a valid one. Throws
 * `invalid_input` saying what is wrong: the expected check digit, the digit count, or that it
 * is not a barcode at all.
 */
export function parseBarcode(text: string): {
	readonly format: BarcodeFormat;
	readonly digits: string;
} {
	const c = classifyBarcode(text);
	const got = `(got ${JSON.stringify(text)})`;
	switch (c.kind) {
		case 'valid':
			return { format: c.format, digits: c.digits };
		case 'bad_check_digit':
			throw new DomainError(
				'invalid_input',
				`barcode check digit is wrong: a ${FORMAT_NAMES[c.format]} ending in ${c.digits.slice(-1)} should end in ${c.expectedCheckDigit} ${got}`
			);
		case 'wrong_length':
			throw new DomainError(
				'invalid_input',
				`barcode must have 8, 12 or 13 digits (got ${c.digits.length}: ${JSON.stringify(text)})`
			);
		case 'not_a_barcode':
		case 'empty':
			throw new DomainError(
				'invalid_input',
				`barcode must be digits only, like 5012345678900 ${got}`
			);
	}
}

/** Display names of the formats, for messages and labels. */
export const FORMAT_NAMES: Readonly<Record<BarcodeFormat, string>> = {
	ean13: 'EAN-13',
	upca: 'UPC-A',
	ean8: 'EAN-8',
	upce: 'UPC-E'
};

/**
 * Groups a valid barcode's digits as printed under the bars: EAN-13 "5 012345 678900",
 * UPC-A "0 93624 75552 4", EAN-8 "9638 5074", UPC-E "0 425261 4". Throws `invalid_input`
 * when `text` is not a valid barcode.
 */
export function formatBarcode(text: string): string {
	const { format, digits } = parseBarcode(text);
	switch (format) {
		case 'ean13':
			return `${digits.slice(0, 1)} ${digits.slice(1, 7)} ${digits.slice(7)}`;
		case 'upca':
			return `${digits.slice(0, 1)} ${digits.slice(1, 6)} ${digits.slice(6, 11)} ${digits.slice(11)}`;
		case 'ean8':
			return `${digits.slice(0, 4)} ${digits.slice(4)}`;
		case 'upce':
			return `${digits.slice(0, 1)} ${digits.slice(1, 7)} ${digits.slice(7)}`;
	}
}

/** The lowest and highest in-store prefix: GS1 keeps 20–29 for restricted, in-shop use. */
export const IN_STORE_PREFIXES = { min: 20, max: 29 } as const;
const MAX_SERIAL = 9_999_999_999;

/**
 * The in-store EAN-13 for a used copy or price tag: two-digit prefix (20–29, default 20), the
 * serial zero-padded to ten digits, and the check digit. inStoreBarcode(142) →
 * "2000000001425". Throws `invalid_input` for a prefix outside 20–29 or a serial that is not a
 * whole number from 0 to 9999999999.
 */
export function inStoreBarcode(serial: number, prefix: number = IN_STORE_PREFIXES.min): string {
	if (
		!Number.isInteger(prefix) ||
		prefix < IN_STORE_PREFIXES.min ||
		prefix > IN_STORE_PREFIXES.max
	) {
		throw new DomainError(
			'invalid_input',
			`in-store prefix must be from 20 to 29 (got ${String(prefix)})`
		);
	}
	if (!Number.isSafeInteger(serial) || serial < 0 || serial > MAX_SERIAL) {
		throw new DomainError(
			'invalid_input',
			`in-store serial must be a whole number from 0 to ${MAX_SERIAL} (got ${String(serial)})`
		);
	}
	const body = `${prefix}${String(serial).padStart(10, '0')}`;
	return `${body}${gs1CheckDigit(body)}`;
}

/** The prefix and serial of a valid in-store EAN-13, or null for anything else. Never throws. */
export function parseInStoreBarcode(
	text: string
): { readonly prefix: number; readonly serial: number } | null {
	const c = classifyBarcode(text);
	if (c.kind !== 'valid' || !c.isInStore) return null;
	return { prefix: Number(c.digits.slice(0, 2)), serial: Number(c.digits.slice(2, 12)) };
}
