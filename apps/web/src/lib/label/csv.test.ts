import type { ShopStatement } from '@deadwax/sync';
import { expect, test } from 'vitest';
import { decimalAmount, statementCsv, statementFileName } from './csv.ts';

const statement: ShopStatement = {
	shopId: 'shop-1',
	shopName: 'Deadwax Berlin',
	currency: 'EUR',
	from: '2026-03-01',
	to: '2026-03-31',
	openingCents: 1000,
	salesCents: 2000,
	returnsCents: 1000,
	payoutsCents: 600,
	closingCents: 1400,
	lines: [
		{
			entryId: 'a',
			kind: 'sale',
			businessDay: '2026-03-02',
			description: 'Mr. James Barth & A.D. – Knockin\' Boots, "Vol 2"',
			receiptNo: 'K1-000001',
			quantity: 2,
			amountCents: 2000
		},
		{
			entryId: 'b',
			kind: 'return',
			businessDay: '2026-03-05',
			description: '=HYPERLINK("http://evil.example")',
			receiptNo: 'K1-R00001',
			quantity: 1,
			amountCents: 1000
		},
		{
			entryId: 'c',
			kind: 'payout',
			businessDay: '2026-03-10',
			description: 'Payout by bank transfer (INV-7)',
			receiptNo: null,
			quantity: null,
			amountCents: 600
		}
	]
};

test('a statement exports opening, every line signed by its effect, and closing', () => {
	const csv = statementCsv(statement);
	expect(csv.startsWith('\ufeff')).toBe(true);
	expect(csv.slice(1).split('\r\n')).toEqual([
		'date,type,description,receipt,quantity,amount,currency,shop',
		'2026-03-01,opening balance,,,,10.00,EUR,Deadwax Berlin',
		'2026-03-02,sale,"Mr. James Barth & A.D. – Knockin\' Boots, ""Vol 2""",K1-000001,2,20.00,EUR,Deadwax Berlin',
		'2026-03-05,return,"\'=HYPERLINK(""http://evil.example"")",K1-R00001,1,-10.00,EUR,Deadwax Berlin',
		'2026-03-10,payout,Payout by bank transfer (INV-7),,,-6.00,EUR,Deadwax Berlin',
		'2026-03-31,closing balance,,,,14.00,EUR,Deadwax Berlin',
		''
	]);
});

test('amounts keep the currency’s decimals and never pass through a float', () => {
	expect(decimalAmount(5, 'EUR')).toBe('0.05');
	expect(decimalAmount(-1050, 'EUR')).toBe('-10.50');
	expect(decimalAmount(1500, 'JPY')).toBe('1500');
	expect(decimalAmount(1234, 'BHD')).toBe('1.234');
	expect(decimalAmount(900719925474099, 'EUR')).toBe('9007199254740.99');
});

test('the file name is safe on every operating system', () => {
	expect(
		statementFileName({
			shopName: 'Plattenladen Zürich / Süd',
			from: '2026-03-01',
			to: '2026-03-31'
		})
	).toBe('statement-plattenladen-zurich-sud-2026-03-01-to-2026-03-31.csv');
});
