import { describe, expect, test } from 'vitest';
import { describeRule, parsePercentBp, parseShareRule, ruleText } from './terms.ts';

describe('a share as a manager types it', () => {
	test('percentages become basis points, with a comma or a % sign', () => {
		expect(parsePercentBp('30')).toBe(3000);
		expect(parsePercentBp(' 27,5 % ')).toBe(2750);
		expect(parsePercentBp('0.25')).toBe(25);
		expect(parsePercentBp('100')).toBe(10_000);
	});

	test('anything else is refused naming the field and what arrived', () => {
		expect(() => parsePercentBp('thirty', 'Default share')).toThrow(
			'Default share must be a percentage like 30 or 27.5 (got "thirty")'
		);
		expect(() => parsePercentBp('100.5')).toThrow('share must be at most 100 % (got 100.5 %)');
		expect(() => parsePercentBp('-5')).toThrow('must be a percentage');
	});

	test('a fixed share is money in the shop currency', () => {
		expect(parseShareRule('fixed', '7', 'EUR', 'de-DE')).toEqual({
			kind: 'fixed',
			amountCents: 700
		});
		expect(parseShareRule('fixed', '6,50', 'EUR', 'de-DE')).toEqual({
			kind: 'fixed',
			amountCents: 650
		});
		expect(parseShareRule('fixed', '500', 'JPY', 'ja-JP')).toEqual({
			kind: 'fixed',
			amountCents: 500
		});
		expect(() => parseShareRule('fixed', 'lots', 'EUR', 'en-GB', 'Share')).toThrow(
			'Share must be an amount per copy like 7.00 (got "lots")'
		);
	});

	test('a rule reads back as the form shows it and as a sentence', () => {
		expect(ruleText({ kind: 'percent', percentBp: 2750 }, 2)).toBe('27.5');
		expect(ruleText({ kind: 'fixed', amountCents: 650 }, 2)).toBe('6.50');
		expect(describeRule({ kind: 'percent', percentBp: 3000 }, 'EUR', 'en-GB')).toBe(
			'30 % of the net price'
		);
		expect(describeRule({ kind: 'fixed', amountCents: 700 }, 'GBP', 'en-GB')).toBe(
			'£7.00 per copy'
		);
	});
});
