import { describe, expect, test } from 'vitest';
import { allocateByWeight } from './allocate.ts';
import { currencyExponent } from './currency.ts';
import { describeCents } from './describe.ts';
import { formatMoney } from './format-money.ts';
import { money, sumMoney } from './money.ts';
import { parseMoney } from './parse-money.ts';
import { mulDivRound, roundToIncrement } from './rounding.ts';

describe('currencyExponent', () => {
	test('uses the ISO 4217 exponent of each currency, HUF included', () => {
		expect(currencyExponent('JPY')).toBe(0);
		expect(currencyExponent('USD')).toBe(2);
		expect(currencyExponent('EUR')).toBe(2);
		expect(currencyExponent('GBP')).toBe(2);
		expect(currencyExponent('HUF')).toBe(2);
		expect(currencyExponent('BHD')).toBe(3);
	});

	test('rejects a code that is not a currency and names the field', () => {
		expect(() => currencyExponent('eur')).toThrow(
			'currency must be an ISO 4217 currency code like EUR (got "eur")'
		);
		expect(() => currencyExponent('EURO')).toThrow('(got "EURO")');
		expect(() => currencyExponent('QQQ')).toThrow('(got "QQQ")');
	});
});

describe('formatMoney', () => {
	test('formats through Intl in the given locale with the currency decimals', () => {
		expect(formatMoney(123450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
		expect(formatMoney(1299, 'GBP', 'en-GB')).toBe('£12.99');
		expect(formatMoney(1500, 'JPY', 'ja-JP')).toBe('￥1,500');
		expect(formatMoney(-250, 'USD', 'en-US')).toBe('-$2.50');
	});

	test('shows HUF with its two ISO decimals, not the zero Intl would pick', () => {
		expect(formatMoney(123450, 'HUF', 'hu-HU')).toBe('1234,50\u00a0Ft');
	});

	test('refuses a fractional amount', () => {
		expect(() => formatMoney(12.5, 'EUR', 'de-DE')).toThrow(
			'amount must be a whole number of minor units'
		);
	});
});

describe('parseMoney', () => {
	test.each([
		['12.5', 'EUR', 'en-GB', 1250],
		['12,50', 'EUR', 'en-GB', 1250],
		['12,50', 'EUR', 'de-DE', 1250],
		['12.5', 'EUR', 'de-DE', 1250],
		['€12', 'EUR', 'de-DE', 1200],
		['12 €', 'EUR', 'de-DE', 1200],
		['EUR 12,00', 'EUR', 'de-DE', 1200],
		['1.234,50', 'EUR', 'de-DE', 123450],
		['1.234', 'EUR', 'de-DE', 123400],
		['1,234.50', 'USD', 'en-US', 123450],
		['1,234', 'USD', 'en-US', 123400],
		['$0.05', 'USD', 'en-US', 5],
		['-$2.50', 'USD', 'en-US', -250],
		['1 234,50', 'EUR', 'fr-FR', 123450],
		["CHF 1'234.55", 'CHF', 'de-CH', 123455],
		['1500', 'JPY', 'ja-JP', 1500],
		['１５００円', 'JPY', 'ja-JP', 1500],
		['¥1,500', 'JPY', 'ja-JP', 1500],
		['1234,5', 'HUF', 'hu-HU', 123450],
		['0', 'EUR', 'de-DE', 0],
		[' 7 ', 'GBP', 'en-GB', 700],
		['£\u200b9.99', 'GBP', 'en-GB', 999]
	])('reads %j in %s (%s) as %i', (text, currency, locale, cents) => {
		expect(parseMoney(text, currency, locale)).toBe(cents);
	});

	test.each([
		['', 'amount must be a number like 12.50 (got "")'],
		[
			'abc',
			'amount must be a number like 12.50, with only digits and one decimal mark (got "abc")'
		],
		['12.345', 'amount must have at most 2 decimal places for EUR (got "12.345")'],
		['12.', 'amount must have digits after the decimal mark (got "12.")'],
		['1,23,4.00', 'amount has a misplaced thousands separator'],
		['1.2.3', 'amount has a misplaced thousands separator'],
		['12..5', 'amount has a misplaced thousands separator'],
		['1e3', 'with only digits'],
		['.5', 'with only digits'],
		['99999999999999999', 'amount is too large']
	])('rejects %j with a message saying what was expected', (text, message) => {
		expect(() => parseMoney(text, 'EUR', 'en-GB')).toThrow(message);
	});

	test('refuses decimals for a currency without minor units', () => {
		expect(() => parseMoney('12.5', 'JPY', 'ja-JP')).toThrow(
			'amount must be a whole number: JPY has no minor unit (got "12.5")'
		);
	});

	test('treats one separator before three digits as decimal when it is not the locale group mark', () => {
		expect(() => parseMoney('1.234', 'EUR', 'en-GB')).toThrow('at most 2 decimal places');
		expect(() => parseMoney('1,234', 'EUR', 'de-DE')).toThrow('at most 2 decimal places');
		expect(parseMoney('1,234', 'EUR', 'en-GB')).toBe(123400);
	});
});

describe('rounding', () => {
	test('rounds halves away from zero', () => {
		expect(mulDivRound(5, 1, 2)).toBe(3);
		expect(mulDivRound(-5, 1, 2)).toBe(-3);
		expect(mulDivRound(7, 1, 3)).toBe(2);
		expect(mulDivRound(8, 1, 3)).toBe(3);
	});

	test('multiplies in BigInt so large products stay exact', () => {
		expect(mulDivRound(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991);
	});

	test('rounds to a cash increment such as CHF 5 rappen', () => {
		expect(roundToIncrement(1232, 5)).toBe(1230);
		expect(roundToIncrement(1233, 5)).toBe(1235);
		expect(roundToIncrement(1237, 5)).toBe(1235);
		expect(roundToIncrement(1238, 5)).toBe(1240);
		expect(roundToIncrement(1238, 1)).toBe(1238);
	});
});

describe('allocateByWeight', () => {
	test('splits by largest remainder and gives ties to the earlier part', () => {
		expect(allocateByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
		expect(allocateByWeight(200, [399, 399, 399])).toEqual([67, 67, 66]);
		expect(allocateByWeight(10, [1, 2, 7])).toEqual([1, 2, 7]);
		expect(allocateByWeight(5, [3, 3, 4])).toEqual([2, 1, 2]);
	});

	test('never gives anything to a zero weight', () => {
		expect(allocateByWeight(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
	});

	test('refuses to split an amount over parts that are all zero', () => {
		expect(allocateByWeight(0, [0, 0])).toEqual([0, 0]);
		expect(() => allocateByWeight(5, [0, 0])).toThrow(
			'cannot split 5 over 2 parts that are all zero'
		);
	});
});

describe('money', () => {
	test('keeps whole minor units and refuses a float', () => {
		expect(money(1250, 'EUR')).toEqual({ amountCents: 1250, currency: 'EUR' });
		expect(() => money(12.5, 'EUR')).toThrow(
			'amountCents must be a whole number of minor units (cents) (got 12.5)'
		);
	});

	test('adds amounts of one currency and refuses to mix', () => {
		expect(sumMoney('EUR', [money(100, 'EUR'), money(250, 'EUR')]).amountCents).toBe(350);
		expect(() => sumMoney('EUR', [money(100, 'USD')])).toThrow('cannot add USD to EUR');
	});

	test('describes amounts plainly for messages', () => {
		expect(describeCents(123450, 'EUR')).toBe('1234.50 EUR');
		expect(describeCents(-5, 'USD')).toBe('-0.05 USD');
		expect(describeCents(1500, 'JPY')).toBe('1500 JPY');
		expect(describeCents(7, 'BHD')).toBe('0.007 BHD');
	});
});
