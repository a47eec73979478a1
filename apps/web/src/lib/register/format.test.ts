import { expect, test } from 'vitest';
import { formatMoney } from '@deadwax/core';
import { aShop } from '@deadwax/core/testing';
import { ago, money, parseAmount, signedMoney } from './format.ts';

test('parseAmount reads a comma or a dot and refuses what is not money', () => {
	expect(parseAmount('12,50')).toBe(1250);
	expect(parseAmount('12.5')).toBe(1250);
	expect(parseAmount('7')).toBe(700);
	expect(parseAmount('1.234')).toBeNull();
	expect(parseAmount('abc')).toBeNull();
	expect(parseAmount('-3')).toBeNull();
	expect(parseAmount('1500', 0)).toBe(1500);
});

test('ago speaks in minutes, hours and days', () => {
	expect(ago(0, 30_000)).toBe('just now');
	expect(ago(0, 5 * 60_000)).toBe('5 min ago');
	expect(ago(0, 3 * 3_600_000)).toBe('3 h ago');
	expect(ago(0, 3 * 86_400_000)).toBe('3 days ago');
});

test('money matches core formatMoney for the shop', () => {
	const shop = aShop();
	for (const cents of [0, 5, 2499, 123_456, -49]) {
		expect(money(shop, cents)).toBe(formatMoney(cents, shop.currency, shop.locale));
	}
});

test('signedMoney always shows the sign, with a true minus', () => {
	const shop = aShop();
	expect(signedMoney(shop, 1)).toBe(`+${money(shop, 1)}`);
	expect(signedMoney(shop, -2)).toBe(`−${money(shop, 2)}`);
	expect(signedMoney(shop, -2)).not.toContain('-');
});
