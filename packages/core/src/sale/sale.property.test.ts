import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Shop } from '../shop/shop.ts';
import { aCatalogItem, aShop, testUuid } from '../testing/index.ts';
import { saleRecordSchema } from '../wire/operations.ts';
import { addLine, openCart, setLineDiscount, setReceiptDiscount, type Cart } from './cart.ts';
import { completeSale } from './complete-sale.ts';
import type { Discount } from './discount.ts';
import { priceCart } from './price-cart.ts';

const shopArb = fc
	.record({
		taxMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
		taxRounding: fc.constantFrom('line' as const, 'receipt' as const),
		cashRoundingIncrementCents: fc.constantFrom(1, 5, 10),
		rates: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 3 })
	})
	.map(({ rates, ...settings }): Shop =>
		aShop({
			...settings,
			taxClasses: rates.map((ratePpm, i) => ({ id: `tc${i}`, name: `Rate ${i}`, ratePpm }))
		})
	);

const lineArb = fc.record({
	priceCents: fc.integer({ min: 0, max: 200_000 }),
	quantity: fc.integer({ min: 1, max: 25 }),
	taxClass: fc.nat(),
	isUsed: fc.boolean(),
	sharePercentBp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
	discount: fc.option(
		fc.oneof(
			fc.record({
				kind: fc.constant('percent' as const),
				percentBp: fc.integer({ min: 0, max: 10_000 })
			}),
			fc.record({
				kind: fc.constant('amount' as const),
				fraction: fc.double({ min: 0, max: 1, noNaN: true })
			})
		),
		{ nil: undefined }
	)
});

const cartArb = fc
	.record({
		shop: shopArb,
		lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
		receiptDiscount: fc.option(
			fc.oneof(
				fc.record({
					kind: fc.constant('percent' as const),
					percentBp: fc.integer({ min: 0, max: 10_000 })
				}),
				fc.record({
					kind: fc.constant('amount' as const),
					fraction: fc.double({ min: 0, max: 1, noNaN: true })
				})
			),
			{ nil: undefined }
		)
	})
	.map(({ shop, lines, receiptDiscount }): Cart => {
		let cart = openCart({ saleId: testUuid(1), shop });
		lines.forEach((l, i) => {
			const item = aCatalogItem({
				itemId: `item-${i}`,
				kind: l.isUsed ? 'used' : 'new',
				priceCents: l.priceCents,
				taxClassId: `tc${l.taxClass % shop.taxClasses.length}`,
				consignment:
					l.sharePercentBp === undefined
						? null
						: { labelId: 'label-1', rule: { kind: 'percent', percentBp: l.sharePercentBp } }
			});
			const lineId = `line-${i}`;
			cart = addLine(cart, { lineId, item, quantity: l.isUsed ? 1 : l.quantity });
			if (l.discount !== undefined) {
				const gross = l.priceCents * (l.isUsed ? 1 : l.quantity);
				const discount: Discount =
					l.discount.kind === 'percent'
						? { kind: 'percent', percentBp: l.discount.percentBp, reason: 'test' }
						: {
								kind: 'amount',
								amountCents: Math.floor(gross * l.discount.fraction),
								reason: 'test'
							};
				cart = setLineDiscount(cart, lineId, discount);
			}
		});
		if (receiptDiscount !== undefined) {
			const base =
				priceCart(cart).totalCents - (shop.taxMode === 'exclusive' ? priceCart(cart).taxCents : 0);
			cart = setReceiptDiscount(
				cart,
				receiptDiscount.kind === 'percent'
					? { kind: 'percent', percentBp: receiptDiscount.percentBp, reason: 'test' }
					: {
							kind: 'amount',
							amountCents: Math.floor(base * receiptDiscount.fraction),
							reason: 'test'
						}
			);
		}
		return cart;
	});

describe('sale properties', () => {
	test('line totals plus tax equal the receipt total for any cart, in every tax mode and rounding', () => {
		fc.assert(
			fc.property(cartArb, (cart) => {
				const t = priceCart(cart);
				const sum = (f: (l: (typeof t.lines)[number]) => number): number =>
					t.lines.reduce((s, l) => s + f(l), 0);
				expect(sum((l) => l.netCents) + t.taxCents).toBe(t.totalCents);
				expect(sum((l) => l.taxCents)).toBe(t.taxCents);
				expect(sum((l) => l.totalCents)).toBe(t.totalCents);
				expect(t.subtotalCents - t.discountCents).toBe(sum((l) => l.amountCents));
				for (const l of t.lines) {
					expect(Number.isSafeInteger(l.totalCents) && Number.isSafeInteger(l.taxCents)).toBe(true);
					expect(l.discountCents).toBeLessThanOrEqual(l.grossCents);
				}
			}),
			{ numRuns: 300 }
		);
	});

	test('the receipt discount is apportioned over the lines to the cent', () => {
		fc.assert(
			fc.property(cartArb, (cart) => {
				const t = priceCart(cart);
				expect(t.lines.reduce((s, l) => s + l.receiptDiscountCents, 0)).toBe(
					t.receiptDiscountCents
				);
			}),
			{ numRuns: 200 }
		);
	});

	test('a completed sale is paid exactly, cash rounding included, and passes the wire schema', () => {
		fc.assert(
			fc.property(cartArb, fc.nat({ max: 10_000 }), (cart, extraCash) => {
				const due = priceCart(cart).totalCents;
				const record = completeSale(cart, {
					tenders: [
						{ kind: 'cash', tenderedCents: due + cart.shop.cashRoundingIncrementCents + extraCash }
					],
					receiptNo: 'K7-000001',
					clerkId: 'staff-1',
					completedAt: '2026-03-01T12:00:00Z'
				});
				expect(saleRecordSchema.safeParse(record).success).toBe(true);
				expect(record.lines.reduce((s, l) => s + l.totalCents, 0) + record.roundingCents).toBe(
					record.totalCents
				);
				expect(record.tenders.reduce((s, t) => s + t.amountCents, 0)).toBe(record.totalCents);
				expect(record.totalCents % cart.shop.cashRoundingIncrementCents).toBe(0);
				expect(Math.abs(record.roundingCents) * 2).toBeLessThanOrEqual(
					cart.shop.cashRoundingIncrementCents
				);
			}),
			{ numRuns: 200 }
		);
	});
});
