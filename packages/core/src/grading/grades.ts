import { z } from 'zod';
import { DomainError } from '../errors.ts';

/** The Goldmine scale, best first, as short codes. Media and sleeve both use it. */
export const MEDIA_GRADES = ['M', 'NM', 'VG+', 'VG', 'G+', 'G', 'F', 'P'] as const;
/** A media grade as its short code. */
export type MediaGrade = (typeof MEDIA_GRADES)[number];

/** Sleeve conditions that are not grades; Discogs accepts them for the sleeve only. */
export const SLEEVE_ONLY_GRADES = ['Generic', 'Not Graded', 'No Cover'] as const;
/** Generic, Not Graded or No Cover. */
export type SleeveOnlyGrade = (typeof SLEEVE_ONLY_GRADES)[number];
/** A sleeve condition: a Goldmine grade or one of the sleeve-only values. */
export type SleeveGrade = MediaGrade | SleeveOnlyGrade;

/** Every sleeve condition, graded ones best first, then the sleeve-only values. */
export const SLEEVE_GRADES: readonly SleeveGrade[] = [...MEDIA_GRADES, ...SLEEVE_ONLY_GRADES];

/**
 * The exact strings Discogs accepts in its inventory CSV and API, per grade
 * (tests/fixtures/discogs/discogs_condition_grades.csv). Write these when exporting.
 */
export const DISCOGS_GRADE_STRINGS: Readonly<Record<SleeveGrade, string>> = {
	M: 'Mint (M)',
	NM: 'Near Mint (NM or M-)',
	'VG+': 'Very Good Plus (VG+)',
	VG: 'Very Good (VG)',
	'G+': 'Good Plus (G+)',
	G: 'Good (G)',
	F: 'Fair (F)',
	P: 'Poor (P)',
	Generic: 'Generic',
	'Not Graded': 'Not Graded',
	'No Cover': 'No Cover'
};

const LONG_NAMES: Readonly<Record<MediaGrade, string>> = {
	M: 'mint',
	NM: 'near mint',
	'VG+': 'very good plus',
	VG: 'very good',
	'G+': 'good plus',
	G: 'good',
	F: 'fair',
	P: 'poor'
};

/** A media grade on the wire: the short code (M … P), never the long Discogs string. */
export const mediaGradeSchema = z.enum(MEDIA_GRADES, {
	error: `media grade must be one of ${MEDIA_GRADES.join(', ')}`
});
/** A sleeve condition on the wire: a short code or Generic, Not Graded, No Cover as written. */
export const sleeveGradeSchema = z.enum([...MEDIA_GRADES, ...SLEEVE_ONLY_GRADES], {
	error: `sleeve grade must be one of ${[...MEDIA_GRADES, ...SLEEVE_ONLY_GRADES].join(', ')}`
});

// Zero-width characters and direction marks turn up in real exports (copied from web pages).
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

function key(text: string): string {
	return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().toLowerCase();
}

const LOOKUP = new Map<string, SleeveGrade>();
for (const grade of SLEEVE_GRADES) {
	LOOKUP.set(key(grade), grade);
	LOOKUP.set(key(DISCOGS_GRADE_STRINGS[grade]), grade);
}
for (const grade of MEDIA_GRADES) LOOKUP.set(LONG_NAMES[grade], grade);
LOOKUP.set('m-', 'NM');
LOOKUP.set('mint minus', 'NM');
for (const [text, grade] of [...LOOKUP]) LOOKUP.set(text.replace(/ /gu, ''), grade);

/**
 * Reads a sleeve condition from a short code ("VG+"), a Discogs string ("Very Good Plus
 * (VG+)"), a long name ("near mint", "M-"), or a sleeve-only value ("no cover"), ignoring case,
 * spacing and zero-width or direction marks. Throws `invalid_input` naming the text otherwise.
 */
export function parseSleeveGrade(text: string): SleeveGrade {
	const grade = LOOKUP.get(key(text)) ?? LOOKUP.get(key(text).replace(/ /gu, ''));
	if (grade === undefined) {
		throw new DomainError(
			'invalid_input',
			`sleeve grade must be a Goldmine grade (${MEDIA_GRADES.join(', ')}) or Generic, Not Graded, No Cover (got ${JSON.stringify(text)})`
		);
	}
	return grade;
}

/** True when `grade` is a Goldmine grade, not a sleeve-only value. */
export function isMediaGrade(grade: string): grade is MediaGrade {
	return (MEDIA_GRADES as readonly string[]).includes(grade);
}

/**
 * Reads a media grade in any of the forms parseSleeveGrade accepts. Throws `invalid_input`
 * for a sleeve-only value ("Generic is a sleeve condition, not a media grade") or anything else.
 */
export function parseMediaGrade(text: string): MediaGrade {
	let grade: SleeveGrade;
	try {
		grade = parseSleeveGrade(text);
	} catch (cause) {
		throw new DomainError(
			'invalid_input',
			`media grade must be one of ${MEDIA_GRADES.join(', ')} (got ${JSON.stringify(text)})`,
			{ cause }
		);
	}
	if (!isMediaGrade(grade)) {
		throw new DomainError(
			'invalid_input',
			`${grade} is a sleeve condition, not a media grade (got ${JSON.stringify(text)})`
		);
	}
	return grade;
}

/** The Discogs string for a grade: discogsGradeString('NM') → "Near Mint (NM or M-)". */
export function discogsGradeString(grade: SleeveGrade): string {
	return DISCOGS_GRADE_STRINGS[grade];
}

/** 1 for Mint down to 8 for Poor, for sorting and comparing. */
export function gradeRank(grade: MediaGrade): number {
	return MEDIA_GRADES.indexOf(grade) + 1;
}
