import { describe, expect, test } from 'vitest';
import { computeTax, formatRatePpm, parsePercentToPpm, taxIncluded, taxOnTop } from './tax.ts';

describe('taxIncluded and taxOnTop', () => {
	test('take the tax out of an inclusive price, rounding half away from zero', () => {
		// £12.99 at 20 %: 1299 × 200000 / 1200000 = 216.5 → 217
		expect(taxIncluded(1299, 200000)).toBe(217);
		// €24.99 at 19 %: 398.99… → 399
		expect(taxIncluded(2499, 190000)).toBe(399);
		expect(taxIncluded(1499, 0)).toBe(0);
	});

	test('add tax on top of an exclusive price, rounding half away from zero', () => {
		// $24.99 at 10.25 %: 256.1475 → 256
		expect(taxOnTop(2499, 102500)).toBe(256);
		// $2.20 at 10.25 %: 22.55 → 23
		expect(taxOnTop(220, 102500)).toBe(23);
		// $24.99 at New York City's 8.875 % (88750 ppm): 2499 × 88750 / 1000000 = 221.78625 → 222
		expect(taxOnTop(2499, 88_750)).toBe(222);
	});

	test('refuses a rate outside 0–100 %', () => {
		expect(() => taxOnTop(100, 1_000_001)).toThrow(
			'ratePpm must be a whole number from 0 to 1000000 (got 1000001)'
		);
		expect(() => taxOnTop(100, 88_750.5)).toThrow('(got 88750.5)');
	});
});

describe('formatRatePpm and parsePercentToPpm', () => {
	test('show a rate as the shop writes it, with only the decimals it has', () => {
		expect(formatRatePpm(88_750)).toBe('8.875 %');
		expect(formatRatePpm(190_000)).toBe('19 %');
		expect(formatRatePpm(77_000)).toBe('7.7 %');
		expect(formatRatePpm(1)).toBe('0.0001 %');
		expect(formatRatePpm(0)).toBe('0 %');
		expect(formatRatePpm(1_000_000)).toBe('100 %');
	});

	test('read a typed percentage into whole ppm, refusing what ppm cannot hold', () => {
		expect(parsePercentToPpm('8.875')).toBe(88_750);
		expect(parsePercentToPpm(' 19 ')).toBe(190_000);
		expect(parsePercentToPpm('7,7')).toBe(77_000);
		expect(parsePercentToPpm('0')).toBe(0);
		expect(parsePercentToPpm('100')).toBe(1_000_000);
		expect(parsePercentToPpm('100.0001')).toBeNull();
		expect(parsePercentToPpm('8.87501')).toBeNull();
		expect(parsePercentToPpm('-1')).toBeNull();
		expect(parsePercentToPpm('abc')).toBeNull();
		expect(parsePercentToPpm('')).toBeNull();
	});
});

describe('computeTax worked examples', () => {
	test('UK VAT, inclusive, per line: a record, a tote bag and a zero-rated book', () => {
		const tax = computeTax(
			[
				{ amountCents: 1299, ratePpm: 200000 },
				{ amountCents: 500, ratePpm: 200000 },
				{ amountCents: 899, ratePpm: 0 }
			],
			{ taxMode: 'inclusive', taxRounding: 'line' }
		);
		// 216.5 → 217; 83.33 → 83; 0
		expect(tax.lineTaxCents).toEqual([217, 83, 0]);
		expect(tax.taxCents).toBe(300);
		expect(tax.totalCents).toBe(2698);
		expect(tax.netCents).toBe(2398);
		expect(tax.byRate).toEqual([
			{ ratePpm: 0, netCents: 899, taxCents: 0 },
			{ ratePpm: 200000, netCents: 1499, taxCents: 300 }
		]);
	});

	test('UK VAT, inclusive, per receipt: three £3.99 singles round once, not three times', () => {
		const lines = [399, 399, 399].map((amountCents) => ({ amountCents, ratePpm: 200000 }));
		const perLine = computeTax(lines, { taxMode: 'inclusive', taxRounding: 'line' });
		const perReceipt = computeTax(lines, { taxMode: 'inclusive', taxRounding: 'receipt' });
		// Each line: 66.5 → 67, so 201. Receipt: 1197 / 6 = 199.5 → 200, split 67 + 67 + 66.
		expect(perLine.taxCents).toBe(201);
		expect(perReceipt.taxCents).toBe(200);
		expect(perReceipt.lineTaxCents).toEqual([67, 67, 66]);
		expect(perReceipt.totalCents).toBe(1197);
	});

	test('US sales tax, exclusive, per receipt: tax is added once on the whole receipt', () => {
		const lines = [220, 220, 220].map((amountCents) => ({ amountCents, ratePpm: 102500 }));
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
				{ amountCents: 2499, ratePpm: 102500 },
				{ amountCents: 1999, ratePpm: 102500 },
				{ amountCents: 220, ratePpm: 102500 },
				{ amountCents: 1500, ratePpm: 0 }
			],
			{ taxMode: 'exclusive', taxRounding: 'line' }
		);
		// 256.1475 → 256; 204.8975 → 205; 22.55 → 23; exempt 0
		expect(tax.lineTaxCents).toEqual([256, 205, 23, 0]);
		expect(tax.taxCents).toBe(484);
		expect(tax.totalCents).toBe(6218 + 484);
	});

	test('New York City 8.875 %, exclusive, per line: each line rounds on its own', () => {
		const tax = computeTax(
			[
				{ amountCents: 2499, ratePpm: 88_750 },
				{ amountCents: 1999, ratePpm: 88_750 },
				{ amountCents: 220, ratePpm: 88_750 }
			],
			{ taxMode: 'exclusive', taxRounding: 'line' }
		);
		// 2499 × 0.08875 = 221.78625 → 222; 1999 × 0.08875 = 177.41125 → 177;
		// 220 × 0.08875 = 19.525 → 20 (half away from zero). 222 + 177 + 20 = 419.
		expect(tax.lineTaxCents).toEqual([222, 177, 20]);
		expect(tax.taxCents).toBe(419);
		expect(tax.netCents).toBe(4718);
		// 2499 + 1999 + 220 = 4718, + 419 = 5137
		expect(tax.totalCents).toBe(5137);
		expect(tax.byRate).toEqual([{ ratePpm: 88_750, netCents: 4718, taxCents: 419 }]);
	});

	test('New York City 8.875 %, exclusive, per receipt: three $2.20 lines round once', () => {
		const lines = [220, 220, 220].map((amountCents) => ({ amountCents, ratePpm: 88_750 }));
		const perLine = computeTax(lines, { taxMode: 'exclusive', taxRounding: 'line' });
		const perReceipt = computeTax(lines, { taxMode: 'exclusive', taxRounding: 'receipt' });
		// Each line: 220 × 0.08875 = 19.525 → 20, so 60.
		expect(perLine.taxCents).toBe(60);
		// Receipt: 660 × 0.08875 = 58.575 → 59, split by largest remainder 20 + 20 + 19.
		expect(perReceipt.taxCents).toBe(59);
		expect(perReceipt.lineTaxCents).toEqual([20, 20, 19]);
		expect(perReceipt.totalCents).toBe(660 + 59);
	});

	test('per-receipt rounding rounds each rate separately', () => {
		const tax = computeTax(
			[
				{ amountCents: 2499, ratePpm: 190000 },
				{ amountCents: 1499, ratePpm: 70000 },
				{ amountCents: 1000, ratePpm: 190000 }
			],
			{ taxMode: 'inclusive', taxRounding: 'receipt' }
		);
		// 19 %: 3499 × 19/119 = 558.66 → 559; 7 %: 1499 × 7/107 = 98.07 → 98
		expect(tax.byRate).toEqual([
			{ ratePpm: 70000, netCents: 1401, taxCents: 98 },
			{ ratePpm: 190000, netCents: 2940, taxCents: 559 }
		]);
		expect(tax.lineTaxCents[1]).toBe(98);
		expect((tax.lineTaxCents[0] ?? 0) + (tax.lineTaxCents[2] ?? 0)).toBe(559);
	});

	test('refuses a negative line amount and names the line', () => {
		expect(() =>
			computeTax([{ amountCents: -1, ratePpm: 0 }], { taxMode: 'inclusive', taxRounding: 'line' })
		).toThrow('line 1 amount must be ≥ 0 (got -1)');
	});
});
