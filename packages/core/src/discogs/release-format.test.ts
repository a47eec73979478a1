import { expect, test } from 'vitest';
import { releaseFormatOfDiscogs } from './release-format.ts';

test('files Discogs format summaries under the shop formats', () => {
	const cases: [string, string][] = [
		['CD, Album, Promo', 'CD'],
		['CDr, Album', 'CD'],
		['2xCD, Comp', 'CD'],
		['LP, Album', 'LP'],
		['Vinyl, LP, Album', 'LP'],
		['2xLP, Album, RE', '2xLP'],
		['2x12", Album', '2xLP'],
		['2xVinyl, LP', '2xLP'],
		['12", 33 ⅓ RPM', '12"'],
		['Vinyl, 7", 45 RPM, Single', '7"'],
		['10", EP', '10"'],
		['Cass, Album', 'Cassette'],
		['Box, Comp, Ltd', 'Box set'],
		['Vinyl', 'LP'],
		['File, MP3', 'Other'],
		['', 'Other']
	];
	for (const [summary, format] of cases)
		expect([summary, releaseFormatOfDiscogs(summary)]).toEqual([summary, format]);
});
