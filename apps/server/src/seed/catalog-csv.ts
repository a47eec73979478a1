import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { z } from 'zod';

/** One release of tests/fixtures/discogs/discogs_releases_catalog.csv, as the seed uses it. */
export interface CatalogRow {
	discogsReleaseId: number;
	artist: string;
	title: string;
	label: string | null;
	catno: string | null;
	/** Discogs format name ("Vinyl", "CD", "Vinyl + Box Set"). */
	format: string;
	formatQty: string;
	formatDescriptions: string;
	/** Every barcode string as typed on Discogs, raw ("0 9362-47555-2 4"). */
	barcodes: string[];
	year: number | null;
	genres: string[];
}

const text = z.string().transform((s) => s.trim());
const optionalText = text.transform((s) => (s === '' ? null : s));
const list = text.transform((s) =>
	s === ''
		? []
		: s
				.split(' | ')
				.map((part) => part.trim())
				.filter((part) => part !== '')
);

const rowSchema = z.object({
	release_id: text.pipe(
		z.string().regex(/^\d+$/, { error: 'must be a Discogs release id (digits)' })
	),
	artist: text.pipe(z.string().min(1, { error: 'must not be empty' })),
	title: text.pipe(z.string().min(1, { error: 'must not be empty' })),
	label: optionalText,
	catno: optionalText,
	format: text.pipe(z.string().min(1, { error: 'must not be empty' })),
	format_qty: text,
	format_descriptions: text,
	all_barcodes: list,
	year: text.pipe(z.string().regex(/^(\d{4})?$/, { error: 'must be a four-digit year or empty' })),
	genres: list
});

/**
 * Reads the Discogs catalog CSV. Throws one error naming the row (1 = first data row) and column
 * of every problem; nothing is returned unless every row is good.
 */
export function readCatalogCsv(path: string): CatalogRow[] {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const problems = parsed.errors.map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`);
	const rows: CatalogRow[] = [];
	parsed.data.forEach((raw, index) => {
		const result = rowSchema.safeParse(raw);
		if (!result.success) {
			for (const issue of result.error.issues) {
				problems.push(`row ${index + 1}, column ${issue.path.join('.')}: ${issue.message}`);
			}
			return;
		}
		const r = result.data;
		// Discogs' "Not On Label" and "none" catalog numbers mean there is none.
		const label = r.label === null || /^not on label/i.test(r.label) ? null : r.label;
		const catno = r.catno === null || r.catno.toLowerCase() === 'none' ? null : r.catno;
		rows.push({
			discogsReleaseId: Number(r.release_id),
			artist: r.artist,
			title: r.title,
			label,
			catno,
			format: r.format,
			formatQty: r.format_qty,
			formatDescriptions: r.format_descriptions,
			barcodes: r.all_barcodes,
			year: r.year === '' ? null : Number(r.year),
			genres: r.genres
		});
	});
	if (problems.length > 0) {
		throw new Error(`${path} has ${problems.length} problems:\n  ${problems.join('\n  ')}`);
	}
	return rows;
}
