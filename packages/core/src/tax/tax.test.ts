import { describe, expect, test } from 'vitest';
import { computeTax, taxIncluded, taxOnTop } from './tax.ts';

describe('taxIncluded and taxOnTop', () => {
	test('take the tax out of an inclusive price, rounding half away from zero', () => {
		// £12.99 at 20 %: 1299 × 2000 / 12000 = 216.5 → 217
		expect(taxIncluded(1299, 2000)).toBe(217);
		// €24.99 at 19 %: 398.99… → 399
		expect(taxIncluded(2499, 1900)).toBe(399);
		expect(taxIncluded(1499, 0)).toBe(0);
	});

	test('add tax on top of an exclusive price, rounding half away from zero', () => {
		// $24.99 at 10.25 %: 256.1475 → 256
		expect(taxOnTop(2499, 1025)).toBe(256);
		// $2.20 at 10.25 %: 22.55 → 23
		expect(taxOnTop(220, 1025)).toBe(23);
	});

	test('refuses a rate outside 0–100 %', () => {
		expect(() => taxOnTop(100, 10_001)).toThrow(
			'rateBp must be a whole number from 0 to 10000 (got 10001)'
		);
		expect(() => taxOnTop(100, 7.5)).toThrow('(got 7.5)');
	});
});

describe('computeTax worked examples', () => {
	test('UK VAT, inclusive, per line: a record, a tote bag and a zero-rated book', () => {
		const tax = computeTax(
			[
				{ amountCents: 1299, rateBp: 2000 },
				{ amountCents: 500, rateBp: 2000 },
				{ amountCents: 899, rateBp: 0 }
			],
			{ taxMode: 'inclusive', taxRounding: 'line' }
		);
		// 216.5 → 217; 83.33 → 83; 0
		expect(tax.lineTaxCents).toEqual([217, 83, 0]);
		expect(tax.taxCents).toBe(300);
		expect(tax.totalCents).toBe(2698);
		expect(tax.netCents).toBe(2398);
		expect(tax.byRate).toEqual([
			{ rateBp: 0, netCents: 899, taxCents: 0 },
			{ rateBp: 2000, netCents: 1499, taxCents: 300 }
		]);
	});

	test('UK VAT, inclusive, per receipt: three £3.99 singles round once, not three times', () => {
		const lines = [399, 399, 399].map((amountCents) => ({ amountCents, rateBp: 2000 }));
		const perLine = computeTax(lines, { taxMode: 'inclusive', taxRounding: 'line' });
		const perReceipt = computeTax(lines, { taxMode: 'inclusive', taxRounding: 'receipt' });
		// Each line: 66.5 → 67, so 201. Receipt: 1197 / 6 = 199.5 → 200, split 67 + 67 + 66.
		expect(perLine.taxCents).toBe(201);
		expect(perReceipt.taxCents).toBe(200);
		expect(perReceipt.lineTaxCents).toEqual([67, 67, 66]);
		expect(perReceipt.totalCents).toBe(1197);
	});

	test('US sales tax, exclusive, per receipt: tax is added once on the whole receipt', () => {
		const lines = [220, 220, 220].map((amountCents) => ({ amountCents, rateBp: 1025 }));
		const tax = computeTax(lines, { taxMode: 'exclusive', taxRounding: 'receipt' });
		// 660 × 10.25 % = 67.65 → 68, split 23 + 23 + 22
		expect(tax.taxCents).toBe(68);
		expect(tax.lineTaxCents).toEqual([23, 23, 22]);
		expect(tax.netCents).toBe(660);
		expect(tax.totalCents).toBe(728);
	});

	test('US sales tax, exclusive, per line: each line rounds on its own', () => {
		const tax = computeTax(
			[
				{ amountCents: 2499, rateBp: 1025 },
				{ amountCents: 1999, rateBp: 1025 },
				{ amountCents: 220, rateBp: 1025 },
				{ amountCents: 1500, rateBp: 0 }
			],
			{ taxMode: 'exclusive', taxRounding: 'line' }
		);
		// 256.1475 → 256; 204.8975 → 205; 22.55 → 23; exempt 0
		expect(tax.lineTaxCents).toEqual([256, 205, 23, 0]);
		expect(tax.taxCents).toBe(484);
		expect(tax.totalCents).toBe(6218 + 484);
	});

	test('per-receipt rounding rounds each rate separately', () => {
		const tax = computeTax(
			[
				{ amountCents: 2499, rateBp: 1900 },
				{ amountCents: 1499, rateBp: 700 },
				{ amountCents: 1000, rateBp: 1900 }
			],
			{ taxMode: 'inclusive', taxRounding: 'receipt' }
		);
		// 19 %: 3499 × 19/119 = 558.66 → 559; 7 %: 1499 × 7/107 = 98.07 → 98
		expect(tax.byRate).toEqual([
			{ rateBp: 700, netCents: 1401, taxCents: 98 },
			{ rateBp: 1900, netCents: 2940, taxCents: 559 }
		]);
		expect(tax.lineTaxCents[1]).toBe(98);
		expect((tax.lineTaxCents[0] ?? 0) + (tax.lineTaxCents[2] ?? 0)).toBe(559);
	});

	test('refuses a negative line amount and names the line', () => {
		expect(() =>
			computeTax([{ amountCents: -1, rateBp: 0 }], { taxMode: 'inclusive', taxRounding: 'line' })
		).toThrow('line 1 amount must be ≥ 0 (got -1)');
	});
});
