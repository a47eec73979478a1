/*
 * The shelf format of a row of the Discogs release sample, whose format lives in three columns
 * (name, quantity, descriptions). Catalog numbers and barcodes go through core's rules
 * (normaliseCatalogNumber, barcodeKey), the same ones the register and imports use.
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
