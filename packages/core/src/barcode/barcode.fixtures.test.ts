import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	classifyBarcode,
	expandUpcE,
	formatBarcode,
	gs1CheckDigit,
	normaliseBarcode,
	type BarcodeClass
} from './barcode.ts';

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
function parseCsv(text: string): Record<string, string>[] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length > 0) rows.push([...row, field]);
	const [header = [], ...body] = rows;
	return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

const catalog = parseCsv(
	readFileSync(
		new URL('../../../../tests/fixtures/discogs/discogs_releases_catalog.csv', import.meta.url),
		'utf8'
	)
);

function label(c: BarcodeClass): string {
	return c.kind === 'valid' || c.kind === 'bad_check_digit' ? `${c.kind}:${c.format}` : c.kind;
}

function countClasses(values: readonly string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) {
		const key = label(classifyBarcode(value));
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

describe('every barcode in the Discogs catalog fixture', () => {
	test('the fixture is the one these counts were taken from', () => {
		expect(catalog).toHaveLength(1315);
	});

	test('classifies the barcode column without throwing, with these counts', () => {
		const values = catalog.map((r) => r.barcode ?? '').filter((v) => v !== '');
		expect(countClasses(values)).toEqual({
			'valid:ean13': 189,
			'valid:upca': 167,
			'bad_check_digit:ean13': 3,
			'bad_check_digit:upca': 2,
			wrong_length: 10,
			not_a_barcode: 6
		});
	});

	test('classifies every entry of all_barcodes without throwing, with these counts', () => {
		const values = catalog
			.flatMap((r) => (r.all_barcodes ?? '').split(' | '))
			.filter((v) => v !== '');
		expect(values).toHaveLength(508);
		expect(countClasses(values)).toEqual({
			'valid:ean13': 246,
			'valid:upca': 237,
			'bad_check_digit:ean13': 4,
			'bad_check_digit:upca': 2,
			wrong_length: 12,
			not_a_barcode: 7
		});
	});
});

const digitsArb = (n: number) =>
	fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const withCheck = (body: string): string => `${body}${gs1CheckDigit(body)}`;
const validBarcodeArb = fc.oneof(
	digitsArb(12).map(withCheck),
	digitsArb(11).map(withCheck),
	digitsArb(7).map(withCheck),
	fc.tuple(fc.constantFrom('0', '1'), digitsArb(6)).map(([ns, x]) => {
		const upca = expandUpcE(`${ns}${x}0`) ?? '';
		return `${ns}${x}${gs1CheckDigit(upca.slice(0, 11))}`;
	})
);
const separatorArb = fc.constantFrom('', ' ', '-', ' - ', '\u200b', '\u00a0');

describe('barcode properties', () => {
	test('a barcode survives normalise → format → normalise unchanged, however it was typed', () => {
		fc.assert(
			fc.property(
				validBarcodeArb,
				fc.array(separatorArb, { minLength: 14, maxLength: 14 }),
				(digits, seps) => {
					const typed = [...digits].map((d, i) => `${seps[i] ?? ''}${d}`).join('');
					const normal = normaliseBarcode(typed);
					expect(normal).not.toBeNull();
					expect(normaliseBarcode(formatBarcode(normal!))).toBe(normal);
					expect(normaliseBarcode(normal!)).toBe(normal);
				}
			),
			{ numRuns: 500 }
		);
	});

	test('classifyBarcode never throws, whatever the text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (text) => {
				expect(() => classifyBarcode(text)).not.toThrow();
			}),
			{ numRuns: 1000 }
		);
	});
});
