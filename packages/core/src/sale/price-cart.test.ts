import { describe, expect, test } from 'vitest';
import {
	aCart,
	aCatalogItem,
	aConsignedItem,
	aUkShop,
	aUsShop,
	aUsedItem
} from '../testing/index.ts';
import { setLineDiscount, setReceiptDiscount } from './cart.ts';
import { priceCart } from './price-cart.ts';

describe('priceCart', () => {
	test('takes a percentage line discount, then tax from the inclusive price', () => {
		let cart = aCart({
			shop: aUkShop(),
			lines: [{ item: aCatalogItem({ priceCents: 2000 }), quantity: 2 }]
		});
		cart = setLineDiscount(cart, 'line-1', { kind: 'percent', percentBp: 1250, reason: 'staff' });
		const totals = priceCart(cart);
		// 40.00 − 12.5 % = 35.00; VAT 35.00 / 6 = 5.83
		expect(totals.lines[0]).toMatchObject({
			grossCents: 4000,
			discountCents: 500,
			amountCents: 3500,
			taxCents: 583,
			totalCents: 3500
		});
		expect(totals).toMatchObject({
			subtotalCents: 4000,
			discountCents: 500,
			taxCents: 583,
			totalCents: 3500
		});
	});

	test('apportions a receipt discount over the lines to the cent by largest remainder', () => {
		let cart = aCart({
			lines: [
				{ item: aCatalogItem({ itemId: 'a', priceCents: 1000 }) },
				{ item: aCatalogItem({ itemId: 'b', priceCents: 1000 }) },
				{ item: aCatalogItem({ itemId: 'c', priceCents: 1000 }) }
			]
		});
		cart = setReceiptDiscount(cart, {
			kind: 'amount',
			amountCents: 100,
			reason: 'record store day'
		});
		const totals = priceCart(cart);
		expect(totals.lines.map((l) => l.receiptDiscountCents)).toEqual([34, 33, 33]);
		expect(totals.receiptDiscountCents).toBe(100);
		expect(totals.totalCents).toBe(2900);
	});

	test('adds tax on top in an exclusive shop, once per receipt', () => {
		const cart = aCart({
			shop: aUsShop(),
			lines: ['a', 'b', 'c'].map((itemId) => ({ item: aCatalogItem({ itemId, priceCents: 220 }) }))
		});
		const totals = priceCart(cart);
		expect(totals.lines.map((l) => l.taxCents)).toEqual([23, 23, 22]);
		expect(totals.lines.map((l) => l.totalCents)).toEqual([243, 243, 242]);
		expect(totals.totalCents).toBe(728);
	});

	test('freezes the label share on the net price after discounts', () => {
		let cart = aCart({
			lines: [{ item: aConsignedItem({ priceCents: 2380 }) }, { item: aUsedItem() }]
		});
		cart = setLineDiscount(cart, 'line-1', {
			kind: 'amount',
			amountCents: 238,
			reason: 'scuffed sleeve'
		});
		const line = priceCart(cart).lines[0];
		// 21.42 incl. 19 % VAT = 18.00 net (3.42 tax); 60 % of 18.00 = 10.80
		expect(line?.taxCents).toBe(342);
		expect(line?.consignmentShare).toEqual({ labelId: 'label-svek', shareCents: 1080 });
		expect(priceCart(cart).lines[1]?.consignmentShare).toBeNull();
	});

	test('keeps a fixed label share per copy whatever the discount', () => {
		let cart = aCart({
			lines: [
				{
					item: aConsignedItem({
						consignment: { labelId: 'l', rule: { kind: 'fixed', amountCents: 900 } }
					}),
					quantity: 3
				}
			]
		});
		cart = setLineDiscount(cart, 'line-1', { kind: 'percent', percentBp: 5000, reason: 'sale' });
		expect(priceCart(cart).lines[0]?.consignmentShare?.shareCents).toBe(2700);
	});
});
