import { expect, test } from 'vitest';
import { formatReceiptNo, parseReceiptNo } from './receipt-number.ts';

test('formats a device code and its own sequence as a short receipt number', () => {
	expect(formatReceiptNo('K7', 142)).toBe('K7-000142');
	expect(formatReceiptNo('TILL', 1_234_567)).toBe('TILL-1234567');
});

test('two devices with the same sequence never collide', () => {
	expect(formatReceiptNo('K7', 1)).not.toBe(formatReceiptNo('K8', 1));
});

test('reads a receipt number back, forgiving case and spacing', () => {
	expect(parseReceiptNo('K7-000142')).toEqual({ deviceCode: 'K7', seq: 142 });
	expect(parseReceiptNo(' k7 142 ')).toEqual({ deviceCode: 'K7', seq: 142 });
	expect(parseReceiptNo('TILL142')).toEqual({ deviceCode: 'TILL', seq: 142 });
	expect(parseReceiptNo(formatReceiptNo('B2', 99))).toEqual({ deviceCode: 'B2', seq: 99 });
});

test('refuses what is not a receipt number', () => {
	expect(() => parseReceiptNo('7-000142')).toThrow(
		'receipt number must look like K7-000142 (got "7-000142")'
	);
	expect(() => parseReceiptNo('K7-')).toThrow('must look like K7-000142');
	expect(() => parseReceiptNo('K7-000000')).toThrow('must look like K7-000142');
	expect(() => formatReceiptNo('k7', 1)).toThrow(
		'deviceCode must be 1 to 4 capital letters or digits'
	);
	expect(() => formatReceiptNo('K7', 0)).toThrow(
		'receipt sequence must be a whole number from 1 to 999999999 (got 0)'
	);
});
