/*
 * Turning Discogs' free text into shop fields: the shelf format, the catalog number key, and
 * barcodes as validated GTIN-13.
 * TODO(#2): use core's catalog-number and barcode rules once they land, so the seed, imports and
 * the register fold catalog numbers and barcodes the same way.
 */

/** The formats a record shop files under (DESIGN.md vocabulary). */
export type ShelfFormat =
	'LP' | '2xLP' | '12"' | '10"' | '7"' | 'CD' | 'Cassette' | 'Box set' | 'Other';

const PHYSICAL: readonly ShelfFormat[] = [
	'LP',
	'2xLP',
	'12"',
	'10"',
	'7"',
	'CD',
	'Cassette',
	'Box set'
];

export function isPhysical(format: ShelfFormat): boolean {
	return PHYSICAL.includes(format);
}

/** Discogs' format name, quantity and descriptions → the format on the shelf card. */
export function shelfFormat(format: string, qty: string, descriptions: string): ShelfFormat {
	const parts = descriptions.split(';').map((d) => d.trim());
	if (/box set/i.test(format)) return 'Box set';
	if (format === 'CD' || format === 'CDr') return 'CD';
	if (format === 'Cassette') return 'Cassette';
	if (format !== 'Vinyl') return 'Other';
	const discs = Number(qty) || 1;
	if (parts.includes('7"')) return '7"';
	if (parts.includes('10"')) return '10"';
	if (parts.includes('LP') || !parts.includes('12"')) return discs >= 2 ? '2xLP' : 'LP';
	return discs >= 2 ? '2xLP' : '12"';
}

/** "SK 026", "sk-026", "SK026" → "SK026": how the register matches a typed catalog number. */
export function catnoKey(catno: string | null): string | null {
	if (catno === null) return null;
	const key = catno
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[^\p{L}\p{N}]/gu, '');
	return key === '' ? null : key;
}

/** True when the last digit of a GTIN (8, 12, 13 or 14 digits) is its check digit. */
export function hasValidCheckDigit(digits: string): boolean {
	if (!/^\d{8}$|^\d{12,14}$/.test(digits)) return false;
	const body = digits.slice(0, -1);
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		const digit = Number(body[body.length - 1 - i]);
		sum += i % 2 === 0 ? digit * 3 : digit;
	}
	return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

/** A barcode as typed on Discogs → GTIN-13 digits, or null when it is no valid UPC-A/EAN-13. */
export function gtin13(typed: string): string | null {
	const digits = typed.replace(/\D/g, '');
	if (digits.length !== 12 && digits.length !== 13) return null;
	if (!hasValidCheckDigit(digits)) return null;
	return digits.padStart(13, '0');
}

/** An in-store EAN-13 (prefix 2, reserved for in-store use) from a sequence number. */
export function inStoreEan13(sequence: number): string {
	const body = `2${String(sequence).padStart(11, '0')}`;
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
	return `${body}${(10 - (sum % 10)) % 10}`;
}
