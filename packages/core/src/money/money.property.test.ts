import fc from 'fast-check';
import { expect, test } from 'vitest';
import { allocateByWeight } from './allocate.ts';
import { formatMoney } from './format-money.ts';
import { parseMoney } from './parse-money.ts';

test('apportioned amounts sum exactly and stay within a cent of the exact share', () => {
	fc.assert(
		fc.property(
			fc.integer({ min: 0, max: 10_000_000 }),
			fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
			(total, weights) => {
				fc.pre(weights.some((w) => w > 0));
				const parts = allocateByWeight(total, weights);
				const weightSum = weights.reduce((a, b) => a + b, 0);
				expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
				parts.forEach((part, i) => {
					const exact = (total * (weights[i] ?? 0)) / weightSum;
					expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-6);
					if (weights[i] === 0) expect(part).toBe(0);
				});
			}
		),
		{ numRuns: 500 }
	);
});

test('what formatMoney prints, parseMoney reads back to the same minor units', () => {
	const cases = [
		['EUR', 'de-DE'],
		['EUR', 'fr-FR'],
		['EUR', 'en-IE'],
		['GBP', 'en-GB'],
		['USD', 'en-US'],
		['CHF', 'de-CH'],
		['JPY', 'ja-JP'],
		['HUF', 'hu-HU']
	] as const;
	fc.assert(
		fc.property(
			fc.constantFrom(...cases),
			fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
			([currency, locale], cents) => {
				expect(parseMoney(formatMoney(cents, currency, locale), currency, locale)).toBe(cents);
			}
		),
		{ numRuns: 500 }
	);
});
