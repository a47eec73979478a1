import { describe, expect, test } from 'vitest';
import { formatDiscogsPrice, parseDiscogsPrice } from './price.ts';

describe('parseDiscogsPrice', () => {
	test('reads dot decimals into minor units without floats', () => {
		expect(parseDiscogsPrice('100.0', 'EUR')).toBe(10000);
		expect(parseDiscogsPrice('12.5', 'EUR')).toBe(1250);
		expect(parseDiscogsPrice('12.99', 'USD')).toBe(1299);
		expect(parseDiscogsPrice('7', 'GBP')).toBe(700);
		expect(parseDiscogsPrice('0.07', 'EUR')).toBe(7);
		expect(parseDiscogsPrice('178564.5', 'HUF')).toBe(17856450);
		expect(parseDiscogsPrice('1500.0', 'JPY')).toBe(1500);
		expect(parseDiscogsPrice('12.500', 'EUR')).toBe(1250);
	});

	test('rounds the full-length tail of a binary float to the nearest minor unit', () => {
		expect(parseDiscogsPrice('35316.090000000004', 'HUF')).toBe(3531609);
		expect(parseDiscogsPrice('22618.170000000002', 'HUF')).toBe(2261817);
		expect(parseDiscogsPrice('9.989999999999', 'EUR')).toBe(999);
		expect(parseDiscogsPrice('0.29999999999999999', 'EUR')).toBe(30);
		expect(() => parseDiscogsPrice('12.0050000001', 'EUR')).toThrow(
			'has more decimals than EUR allows'
		);
	});

	test('refuses more decimals than the currency has and says which currency', () => {
		expect(() => parseDiscogsPrice('12.505', 'EUR')).toThrow(
			'has more decimals than EUR allows (2) (got "12.505")'
		);
		expect(() => parseDiscogsPrice('1500.5', 'JPY')).toThrow(
			'has more decimals than JPY allows (0)'
		);
	});

	test('refuses commas, signs and words with the expected form', () => {
		for (const text of ['12,50', '-3.00', '€12', 'abc', '', '1e3']) {
			expect(() => parseDiscogsPrice(text, 'EUR')).toThrow(
				`must be a price with a dot for decimals, like 12.50 (got ${JSON.stringify(text)})`
			);
		}
	});
});

describe('formatDiscogsPrice', () => {
	test('writes the shortest decimal with at least one digit after the dot, as Discogs does', () => {
		expect(formatDiscogsPrice(10000, 'EUR')).toBe('100.0');
		expect(formatDiscogsPrice(1250, 'EUR')).toBe('12.5');
		expect(formatDiscogsPrice(1299, 'EUR')).toBe('12.99');
		expect(formatDiscogsPrice(5, 'EUR')).toBe('0.05');
		expect(formatDiscogsPrice(0, 'EUR')).toBe('0.0');
		expect(formatDiscogsPrice(1500, 'JPY')).toBe('1500.0');
		expect(formatDiscogsPrice(1234, 'BHD')).toBe('1.234');
	});

	test('reads back what it writes for every amount up to 100.00', () => {
		for (let cents = 0; cents <= 10000; cents++) {
			expect(parseDiscogsPrice(formatDiscogsPrice(cents, 'EUR'), 'EUR')).toBe(cents);
		}
	});

	test('refuses negative and fractional amounts', () => {
		expect(() => formatDiscogsPrice(-1, 'EUR')).toThrow(
			'price must be a whole number of minor units ≥ 0 (got -1)'
		);
		expect(() => formatDiscogsPrice(1.5, 'EUR')).toThrow('(got 1.5)');
	});
});
