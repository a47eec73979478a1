import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	DISCOGS_GRADE_STRINGS,
	MEDIA_GRADES,
	SLEEVE_GRADES,
	discogsGradeString,
	gradeRank,
	parseMediaGrade,
	parseSleeveGrade
} from './grades.ts';

const csv = readFileSync(
	new URL('../../../../tests/fixtures/discogs/discogs_condition_grades.csv', import.meta.url),
	'utf8'
);
const rows = csv
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => {
		const [allowedIn, exactValue, short, rank] = line.split(',');
		return { allowedIn, exactValue: exactValue ?? '', short, rank };
	});

describe('grades from the Discogs reference file', () => {
	test('the scale has exactly the Discogs strings, short codes and ranks', () => {
		const media = rows.filter((r) => r.allowedIn === 'media_and_sleeve');
		expect(media.map((r) => r.short)).toEqual([...MEDIA_GRADES]);
		for (const row of media) {
			const grade = parseMediaGrade(row.exactValue);
			expect(grade).toBe(row.short);
			expect(discogsGradeString(grade)).toBe(row.exactValue);
			expect(gradeRank(grade)).toBe(Number(row.rank));
		}
	});

	test('the sleeve-only values parse for sleeves and are refused for media', () => {
		const sleeveOnly = rows.filter((r) => r.allowedIn === 'sleeve_only').map((r) => r.exactValue);
		expect(sleeveOnly).toEqual(['Generic', 'Not Graded', 'No Cover']);
		for (const value of sleeveOnly) {
			expect(parseSleeveGrade(value)).toBe(value);
			expect(() => parseMediaGrade(value)).toThrow(
				`${value} is a sleeve condition, not a media grade`
			);
		}
		expect(Object.keys(DISCOGS_GRADE_STRINGS)).toEqual([...SLEEVE_GRADES]);
	});
});

describe('parsing what people type', () => {
	test.each([
		['vg+', 'VG+'],
		['VG +', 'VG+'],
		['  near mint ', 'NM'],
		['M-', 'NM'],
		['Very Good Plus (VG+)', 'VG+'],
		['very good plus', 'VG+'],
		['\u200bVery Good (VG)\u200e', 'VG'],
		['g+', 'G+'],
		['Good', 'G'],
		['p', 'P']
	])('reads %j as %s', (text, grade) => {
		expect(parseMediaGrade(text)).toBe(grade);
	});

	test('reads sleeve-only values in any case', () => {
		expect(parseSleeveGrade('no cover')).toBe('No Cover');
		expect(parseSleeveGrade('NOT GRADED')).toBe('Not Graded');
		expect(parseSleeveGrade('generic')).toBe('Generic');
	});

	test('refuses what is not a grade and names the field', () => {
		expect(() => parseMediaGrade('EX')).toThrow(
			'media grade must be one of M, NM, VG+, VG, G+, G, F, P (got "EX")'
		);
		expect(() => parseSleeveGrade('')).toThrow('sleeve grade must be a Goldmine grade');
	});
});
