import { describe, expect, test } from 'vitest';
import { isTextEntry, KeyboardWedge } from './keyboard-wedge.ts';

const body = { tagName: 'BODY' } as unknown as EventTarget;
const input = { tagName: 'INPUT', type: 'search' } as unknown as EventTarget;

function typeInto(wedge: KeyboardWedge, text: string, target = body, start = 0): void {
	let at = start;
	for (const key of [...text, 'Enter'])
		wedge.handle({ key: key === '\n' ? 'Enter' : key, target }, (at += 5));
}

describe('KeyboardWedge', () => {
	test('reports digits followed by Enter as one scan', () => {
		const scans: string[] = [];
		typeInto(new KeyboardWedge((c) => scans.push(c)), '5012345678900');
		expect(scans).toEqual(['5012345678900']);
	});

	test('ignores keys typed into a text field', () => {
		const scans: string[] = [];
		typeInto(new KeyboardWedge((c) => scans.push(c)), '5012345678900', input);
		expect(scans).toEqual([]);
	});

	test('ignores a lone Enter and codes shorter than four characters', () => {
		const scans: string[] = [];
		typeInto(new KeyboardWedge((c) => scans.push(c)), '123');
		expect(scans).toEqual([]);
	});

	test('starts over after a pause longer than a scanner would make', () => {
		const scans: string[] = [];
		const wedge = new KeyboardWedge((c) => scans.push(c));
		wedge.handle({ key: '9', target: body }, 0);
		wedge.handle({ key: '1', target: body }, 5_000);
		typeInto(wedge, '2345', body, 5_001);
		expect(scans).toEqual(['12345']);
	});

	test('takes letters and dashes only when asked (receipt numbers)', () => {
		const items: string[] = [];
		typeInto(new KeyboardWedge((c) => items.push(c)), 'K7-000012');
		expect(items).toEqual(['000012']);
		const receipts: string[] = [];
		typeInto(new KeyboardWedge((c) => receipts.push(c), { digitsOnly: false }), 'K7-000012');
		expect(receipts).toEqual(['K7-000012']);
	});

	test('ignores Shift, which scanners press for capital letters', () => {
		const receipts: string[] = [];
		const wedge = new KeyboardWedge((c) => receipts.push(c), { digitsOnly: false });
		let at = 0;
		for (const key of ['Shift', 'K', '7', '-', '0', '0', '1', '2', 'Enter']) {
			wedge.handle({ key, target: body }, (at += 5));
		}
		expect(receipts).toEqual(['K7-0012']);
	});

	test('isTextEntry treats buttons as not typing and search boxes as typing', () => {
		expect(isTextEntry({ tagName: 'INPUT', type: 'button' } as unknown as EventTarget)).toBe(false);
		expect(isTextEntry(input)).toBe(true);
		expect(isTextEntry(null)).toBe(false);
	});
});
