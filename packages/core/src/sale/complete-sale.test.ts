import { describe, expect, test } from 'vitest';
import {
	aCart,
	aCatalogItem,
	aConsignedItem,
	aSaleRecord,
	aShop,
	aSwissShop,
	aUsShop,
	testUuid
} from '../testing/index.ts';
import { saleRecordSchema } from '../wire/operations.ts';
import { openCart, voidCart } from './cart.ts';
import { completeSale } from './complete-sale.ts';

const at = '2026-03-01T23:30:00Z';

describe('completeSale', () => {
	test('produces a frozen SaleRecord that passes the wire schema', () => {
		const record = aSaleRecord();
		expect(saleRecordSchema.safeParse(record).success).toBe(true);
		expect(record).toMatchObject({
			saleId: testUuid(1),
			receiptNo: 'K7-000001',
			currency: 'EUR',
			subtotalCents: 2 * 2499 + 2200,
			totalCents: 7198,
			roundingCents: 0
		});
		expect(record.lines[1]?.consignment).toEqual({ labelId: 'label-svek', shareCents: 1109 });
	});

	test('dates the sale by the shop zone: 23:30 UTC is the next day in Berlin', () => {
		expect(aSaleRecord({ completedAt: at }).businessDay).toBe('2026-03-02');
	});

	test('adds exclusive tax to what the customer pays', () => {
		const cart = aCart({
			shop: aUsShop(),
			lines: [{ item: aCatalogItem() }, { item: aCatalogItem({ itemId: 'b', priceCents: 1999 }) }]
		});
		const record = completeSale(cart, {
			tenders: [{ kind: 'cash', tenderedCents: 5000 }],
			receiptNo: 'A1-000007',
			clerkId: 'staff-1',
			completedAt: at
		});
		// 44.98 × 10.25 % = 4.61045 → 4.61
		expect(record).toMatchObject({
			subtotalCents: 4498,
			taxCents: 461,
			totalCents: 4959,
			businessDay: '2026-03-01'
		});
		expect(record.tenders).toEqual([
			{ kind: 'cash', amountCents: 4959, tenderedCents: 5000, changeCents: 41 }
		]);
	});

	test('includes CHF cash rounding in the total', () => {
		const cart = aCart({
			shop: aSwissShop(),
			lines: [{ item: aCatalogItem({ priceCents: 2498 }) }]
		});
		const record = completeSale(cart, {
			tenders: [{ kind: 'cash', tenderedCents: 3000 }],
			receiptNo: 'Z1-000001',
			clerkId: 'staff-1',
			completedAt: at
		});
		expect(record).toMatchObject({ totalCents: 2500, roundingCents: 2 });
		expect(record.lines[0]?.totalCents).toBe(2498);
	});

	test('refuses an empty or voided sale', () => {
		const empty = openCart({ saleId: testUuid(2), shop: aShop() });
		const options = { tenders: [], receiptNo: 'K7-000002', clerkId: 'c', completedAt: at };
		expect(() => completeSale(empty, options)).toThrow('this sale has no lines; add an item first');
		const voided = voidCart(aCart({ lines: [{ item: aConsignedItem() }] }), 'mistake');
		expect(() => completeSale(voided, options)).toThrow(
			expect.objectContaining({ code: 'sale_closed' })
		);
	});

	test('refuses a bad receipt number or clerk', () => {
		const cart = aCart();
		const tenders = [{ kind: 'cash', tenderedCents: 3000 }] as const;
		expect(() =>
			completeSale(cart, { tenders, receiptNo: '??', clerkId: 'c', completedAt: at })
		).toThrow('receipt number must look like K7-000142 (got "??")');
		expect(() =>
			completeSale(cart, { tenders, receiptNo: 'K7-1', clerkId: '', completedAt: at })
		).toThrow('clerkId must be 1 to 64 characters (got "")');
	});

	test('stores the receipt number as printed, whatever case or spacing it came in', () => {
		expect(aSaleRecord({ receiptNo: 'k7 42' }).receiptNo).toBe('K7-000042');
	});
});
