/** The literal Discogs and shops write when a release has no catalog number. */
const NONE = 'NONE';

/**
 * The lookup key of a catalog number: upper case with every space, dash, dot and other symbol
 * removed, so "SK 026", "SK026" and "sk-026" all give "SK026". Letters of any script and digits
 * are kept. Returns null for empty text and for the literal "none" (no catalog number).
 */
export function normaliseCatalogNumber(text: string): string | null {
	const key = text
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[^\p{L}\p{N}]/gu, '');
	return key === '' || key === NONE ? null : key;
}

/** True when both name the same catalog number; never for two missing ones. */
export function catalogNumbersMatch(a: string, b: string): boolean {
	const key = normaliseCatalogNumber(a);
	return key !== null && key === normaliseCatalogNumber(b);
}

/**
 * Splits a field holding several catalog numbers ("DRP 3661, DRP 3662"; Discogs joins with
 * " | ") into each one as written, trimmed, dropping "none", blanks and repeats of the same
 * key (the first spelling wins).
 */
export function splitCatalogNumbers(text: string): string[] {
	const seen = new Set<string>();
	const result: string[] = [];
	for (const part of text.split(/[,;|]/u)) {
		const trimmed = part.trim();
		const key = normaliseCatalogNumber(trimmed);
		if (key === null || seen.has(key)) continue;
		seen.add(key);
		result.push(trimmed);
	}
	return result;
}
