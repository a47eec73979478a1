/** The formats a Deadwax release is filed under (DESIGN.md, record-shop vocabulary). */
export const RELEASE_FORMATS = [
	'LP',
	'2xLP',
	'12"',
	'10"',
	'7"',
	'CD',
	'Cassette',
	'Box set',
	'Other'
] as const;
export type ReleaseFormat = (typeof RELEASE_FORMATS)[number];

/**
 * The Deadwax format of a Discogs format summary (`LP, Album`, `2x12", Album`, `CD, Album, Promo`,
 * `Cass, Album`, `Box, Comp`): the first descriptor that names a carrier decides. Two or more
 * LPs or 12"s file as 2xLP; anything unrecognised (files, DVDs, shellac) is Other.
 */
export function releaseFormatOfDiscogs(summary: string): ReleaseFormat {
	// "Vinyl" says only that it is a record; a later "7\"" or "LP" is more precise.
	let vinyl: ReleaseFormat | null = null;
	for (const raw of summary.split(',')) {
		const token = raw.trim();
		const multi = /^(\d+)\s*x\s*(.+)$/i.exec(token);
		const count = multi === null ? 1 : Number(multi[1]);
		const carrier = (multi === null ? token : (multi[2] ?? '')).trim().toLowerCase();
		if (carrier === 'box' || carrier === 'box set' || carrier === 'boxset') return 'Box set';
		if (carrier === 'vinyl') vinyl ??= count >= 2 ? '2xLP' : 'LP';
		else if (carrier === 'lp' || carrier === '12"') {
			if (count >= 2 || vinyl === '2xLP') return '2xLP';
			return carrier === '12"' ? '12"' : 'LP';
		} else if (carrier === '10"') return '10"';
		else if (carrier === '7"') return '7"';
		else if (['cd', 'cdr', 'sacd', 'hybrid'].includes(carrier)) return 'CD';
		else if (carrier === 'cass' || carrier === 'cassette') return 'Cassette';
	}
	return vinyl ?? 'Other';
}
