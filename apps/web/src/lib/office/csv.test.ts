import { expect, test } from 'vitest';
import { centsToDecimal, toCsv } from './csv.ts';

test('writes a header, CRLF lines and quotes only what needs it', () => {
	const csv = toCsv(
		[
			{ header: 'Label', value: (r: { label: string; units: number }) => r.label },
			{ header: 'Units', value: (r) => r.units }
		],
		[
			{ label: 'Svek', units: 3 },
			{ label: 'Rough Trade, UK', units: 12 },
			{ label: 'The "Best" Label', units: 0 }
		]
	);
	expect(csv).toBe('Label,Units\r\nSvek,3\r\n"Rough Trade, UK",12\r\n"The ""Best"" Label",0\r\n');
});

test('keeps text a spreadsheet would run as a formula as plain text', () => {
	const csv = toCsv(
		[{ header: 'Title', value: (r: string) => r }],
		['=HYPERLINK("x")', '-5 remix', 'Plain']
	);
	expect(csv.split('\r\n').slice(1, 4)).toEqual([`"'=HYPERLINK(""x"")"`, "'-5 remix", 'Plain']);
});

test('writes cents as a decimal a spreadsheet reads as a number', () => {
	expect([
		centsToDecimal(1299),
		centsToDecimal(-5),
		centsToDecimal(0),
		centsToDecimal(1500, 0)
	]).toEqual(['12.99', '-0.05', '0.00', '1500']);
});
