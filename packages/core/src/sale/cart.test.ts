import { describe, expect, test } from 'vitest';
import { aCart, aCatalogItem, aShop, aUsedItem } from '../testing/index.ts';
import {
	addLine,
	openCart,
	removeLine,
	setLineDiscount,
	setQuantity,
	setReceiptDiscount,
	voidCart
} from './cart.ts';

describe('addLine', () => {
	test('copies price, tax rate and terms onto the line', () => {
		const cart = aCart({ lines: [{ item: aCatalogItem({ priceCents: 1999 }), quantity: 2 }] });
		expect(cart.lines[0]).toMatchObject({
			unitPriceCents: 1999,
			quantity: 2,
			taxRatePpm: 190000,
			discount: null
		});
	});

	test('adds a second scan of new stock to the same line', () => {
		let cart = aCart();
		cart = addLine(cart, { lineId: 'line-9', item: aCatalogItem(), quantity: 2 });
		expect(cart.lines).toHaveLength(1);
		expect(cart.lines[0]?.quantity).toBe(3);
	});

	test('refuses a fractional or zero quantity and names the field', () => {
		expect(() => addLine(aCart(), { lineId: 'l2', item: aCatalogItem(), quantity: 0.5 })).toThrow(
			'quantity must be a whole number from 1 to 9999 (got 0.5)'
		);
		expect(() => addLine(aCart(), { lineId: 'l2', item: aCatalogItem(), quantity: 0 })).toThrow(
			'(got 0)'
		);
	});

	test('sells a used copy once only, and only one of it', () => {
		const cart = aCart({ lines: [{ item: aUsedItem() }] });
		expect(() => addLine(cart, { lineId: 'l2', item: aUsedItem(), quantity: 1 })).toThrow(
			'used item The Persuader – Stockholm (VG+/VG) is already in this sale'
		);
		expect(() => addLine(aCart(), { lineId: 'l2', item: aUsedItem(), quantity: 2 })).toThrow(
			'quantity of used item The Persuader – Stockholm (VG+/VG) must be 1: it is a single copy (got 2)'
		);
		expect(() => setQuantity(cart, 'line-1', 2)).toThrow(
			'quantity of used item The Persuader – Stockholm (VG+/VG) must be 1'
		);
	});

	test('refuses an item whose tax class the shop does not have', () => {
		expect(() =>
			addLine(aCart(), {
				lineId: 'l2',
				item: aCatalogItem({ itemId: 'x', taxClassId: 'food' }),
				quantity: 1
			})
		).toThrow('tax class "food" is not set up in shop shop-berlin');
	});

	test('refuses a sale id that is not a UUID', () => {
		expect(() => openCart({ saleId: 'sale-1', shop: aShop() })).toThrow(
			'saleId must be a UUID (got "sale-1")'
		);
	});
});

describe('discounts', () => {
	test('refuses a discount without a reason', () => {
		expect(() =>
			setLineDiscount(aCart(), 'line-1', { kind: 'percent', percentBp: 1000, reason: ' ' })
		).toThrow(
			`Mr. James Barth & A.D. – Knockin' Boots (Vol 2 Of 2) [SK 026]: discount reason must be 1 to 200 characters (got " ")`
		);
	});

	test('refuses a line discount larger than the line', () => {
		expect(() =>
			setLineDiscount(aCart(), 'line-1', { kind: 'amount', amountCents: 2500, reason: 'damaged' })
		).toThrow(
			"Mr. James Barth & A.D. – Knockin' Boots (Vol 2 Of 2) [SK 026]: discount of 25.00 EUR is more than the 24.99 EUR it applies to"
		);
	});

	test('names a line without a description by its position, never by its id', () => {
		const cart = aCart({
			lines: [{ item: aCatalogItem() }, { item: aUsedItem({ description: '  ' }) }]
		});
		expect(() =>
			setLineDiscount(cart, 'line-2', { kind: 'amount', amountCents: 1300, reason: 'damaged' })
		).toThrow('line 2: discount of 13.00 EUR is more than the 12.00 EUR it applies to');
	});

	test('says a line that is gone is no longer in the sale, without ids', () => {
		const cart = aCart();
		expect(() => removeLine(cart, 'line-7')).toThrow('that line is no longer in this sale');
		expect(() => setQuantity(cart, 'line-7', 2)).toThrow(
			expect.objectContaining({ code: 'not_found' })
		);
	});

	test('names a line too large to price by its description', () => {
		expect(() =>
			addLine(aCart({ lines: [] }), {
				lineId: 'l1',
				item: aCatalogItem({ priceCents: Number.MAX_SAFE_INTEGER }),
				quantity: 2
			})
		).toThrow(
			"Mr. James Barth & A.D. – Knockin' Boots (Vol 2 Of 2) [SK 026]: line total is too large"
		);
	});

	test('refuses a change that would leave the receipt discount larger than the sale', () => {
		let cart = aCart({ lines: [{ item: aCatalogItem() }, { item: aUsedItem() }] });
		cart = setReceiptDiscount(cart, { kind: 'amount', amountCents: 3000, reason: 'loyalty' });
		expect(() => removeLine(cart, 'line-1')).toThrow(
			'receipt discount of 30.00 EUR is more than the 12.00 EUR'
		);
	});
});

describe('voidCart', () => {
	test('voids an open sale and refuses every change after', () => {
		const voided = voidCart(aCart(), 'customer changed their mind');
		expect(voided.status).toBe('voided');
		expect(voided.voidReason).toBe('customer changed their mind');
		expect(() => addLine(voided, { lineId: 'l2', item: aUsedItem(), quantity: 1 })).toThrow(
			'this sale was voided; start a new sale'
		);
		expect(() => voidCart(voided, 'again')).toThrow(
			expect.objectContaining({ code: 'sale_closed' })
		);
	});

	test('needs a reason', () => {
		expect(() => voidCart(aCart(), '')).toThrow('void reason must be 1 to 200 characters');
	});
});
