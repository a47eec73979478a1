import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
	payableBalance,
	payableEntriesForReturn,
	payableEntriesForSale
} from '../consignment/ledger.ts';
import { addLine, openCart, setReceiptDiscount } from '../sale/cart.ts';
import { completeSale } from '../sale/complete-sale.ts';
import { priceCart } from '../sale/price-cart.ts';
import {
	onHandByItem,
	stockMovementsForReturn,
	stockMovementsForSale
} from '../stock/movements.ts';
import { aCatalogItem, aShop, testUuid } from '../testing/index.ts';
import type { Shop } from '../shop/shop.ts';
import type { ReturnRecord, SaleRecord, Tender } from '../wire/operations.ts';
import { returnAgainstSale, type RefundTo } from './create-return.ts';

const saleArb = fc
	.record({
		taxMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
		taxRounding: fc.constantFrom('line' as const, 'receipt' as const),
		cashRoundingIncrementCents: fc.constantFrom(1, 5, 10),
		lines: fc.array(
			fc.record({
				// Cheap lines too, whose cash share can round to nothing.
				priceCents: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 50_000 })),
				quantity: fc.integer({ min: 1, max: 12 }),
				labelId: fc.option(fc.constantFrom('label-a', 'label-b'), { nil: null }),
				shareBp: fc.integer({ min: 0, max: 10_000 })
			}),
			{ minLength: 1, maxLength: 5 }
		),
		receiptDiscountBp: fc.integer({ min: 0, max: 5000 }),
		cardFraction: fc.double({ min: 0, max: 1, noNaN: true }),
		// Each line comes back in up to this many chunks.
		chunks: fc.integer({ min: 1, max: 4 }),
		seed: fc.nat(),
		toStoreCredit: fc.boolean()
	})
	.map((p) => {
		const shop = aShop({
			taxMode: p.taxMode,
			taxRounding: p.taxRounding,
			cashRoundingIncrementCents: p.cashRoundingIncrementCents
		});
		let cart = openCart({ saleId: testUuid(1), shop });
		p.lines.forEach((l, i) => {
			const item = aCatalogItem({
				itemId: `item-${i}`,
				priceCents: l.priceCents,
				consignment:
					l.labelId === null
						? null
						: { labelId: l.labelId, rule: { kind: 'percent', percentBp: l.shareBp } }
			});
			cart = addLine(cart, { lineId: `line-${i}`, item, quantity: l.quantity });
		});
		cart = setReceiptDiscount(cart, {
			kind: 'percent',
			percentBp: p.receiptDiscountBp,
			reason: 'promo'
		});
		const due = priceCart(cart).totalCents;
		const card = Math.floor(due * p.cardFraction);
		// Enough cash for the rest however it rounds; none when the card pays it all.
		const cash = due - card + p.cashRoundingIncrementCents;
		const sale = completeSale(cart, {
			tenders: [
				...(card > 0 ? [{ kind: 'card' as const, amountCents: card, reference: 'T-1' }] : []),
				...(card > 0 && card === due ? [] : [{ kind: 'cash' as const, tenderedCents: cash }])
			],
			receiptNo: 'K7-000001',
			clerkId: 'staff-1',
			completedAt: '2026-03-01T12:00:00Z'
		});
		return { shop, sale, chunks: p.chunks, seed: p.seed, toStoreCredit: p.toStoreCredit };
	});

/** Returns every unit of the sale in several returns, each line split into random chunks. */
function returnEverything(
	shop: Shop,
	sale: SaleRecord,
	chunks: number,
	seed: number,
	refundTo: (part: number) => RefundTo
): ReturnRecord[] {
	const left = new Map(sale.lines.map((l) => [l.lineId, l.quantity]));
	const returns: ReturnRecord[] = [];
	let n = 0;
	let r = seed;
	while ([...left.values()].some((q) => q > 0)) {
		const lines = [...left.entries()]
			.filter(([, q]) => q > 0)
			.map(([originalLineId, q]) => {
				r = (r * 1_103_515_245 + 12_345) % 2_147_483_648;
				const quantity = returns.length + 1 >= chunks ? q : 1 + (r % q);
				left.set(originalLineId, q - quantity);
				return { lineId: `r-${originalLineId}`, originalLineId, quantity, restock: true };
			});
		n += 1;
		returns.push(
			returnAgainstSale(
				{
					returnId: testUuid(1000 + n),
					shop,
					receiptNo: `K7-${String(1 + n).padStart(6, '0')}`,
					clerkId: 'staff-1',
					completedAt: '2026-03-02T12:00:00Z',
					reason: 'returned'
				},
				{ original: sale, earlierReturns: returns, lines, refundTo: refundTo(n) }
			)
		);
	}
	return returns;
}

test('a full return, in any number of parts, restores stock and reverses the payable exactly', () => {
	fc.assert(
		fc.property(saleArb, ({ shop, sale, chunks, seed, toStoreCredit }) => {
			const refundTo: RefundTo = toStoreCredit
				? { kind: 'store_credit', voucherCode: 'SC-1' }
				: { kind: 'original' };
			const returns = returnEverything(shop, sale, chunks, seed, () => refundTo);

			const movements = [
				...stockMovementsForSale(sale),
				...returns.flatMap(stockMovementsForReturn)
			];
			for (const onHand of onHandByItem(movements).values()) expect(onHand).toBe(0);

			const ledger = [...payableEntriesForSale(sale), ...returns.flatMap(payableEntriesForReturn)];
			expect(payableBalance(ledger, 'label-a')).toBe(0);
			expect(payableBalance(ledger, 'label-b')).toBe(0);

			// Back the way it was paid, the customer gets exactly what the till took (cash rounding
			// included); store credit is not cash, so it is the line totals to the cent.
			const refunded = returns.reduce((s, r) => s + r.refundCents, 0);
			expect(refunded).toBe(
				toStoreCredit ? sale.lines.reduce((s, l) => s + l.totalCents, 0) : sale.totalCents
			);
			const taxBack = returns.reduce((s, r) => s + r.lines.reduce((t, l) => t + l.taxCents, 0), 0);
			expect(taxBack).toBe(sale.taxCents);
			for (const r of returns) {
				expect(r.refunds.reduce((s, t) => s + t.amountCents, 0)).toBe(r.refundCents);
			}
			if (!toStoreCredit) {
				const card = sale.tenders.find((t) => t.kind === 'card')?.amountCents ?? 0;
				const cardBack = returns.flatMap((r) => r.refunds).filter((t) => t.kind === 'card');
				expect(cardBack.reduce((s, t) => s + t.amountCents, 0)).toBeLessThanOrEqual(card);
				expect(cashBack(returns)).toBe(cashTaken(sale));
			}
		}),
		{ numRuns: 200 }
	);
});

const cashOf = (tenders: readonly Tender[]): number =>
	tenders.filter((t) => t.kind === 'cash').reduce((s, t) => s + t.amountCents, 0);
const cashTaken = (sale: SaleRecord): number => cashOf(sale.tenders);
const cashBack = (returns: readonly ReturnRecord[]): number =>
	cashOf(returns.flatMap((r) => r.refunds));

test('cash goes back in whole cash increments, within rounding of the lines, never more than was taken', () => {
	fc.assert(
		fc.property(saleArb, fc.nat(), ({ shop, sale, chunks, seed }, mix) => {
			// Each part goes back to the original tenders or to store credit, at random.
			const returns = returnEverything(shop, sale, chunks, seed, (part) =>
				((mix >> part) & 1) === 1
					? { kind: 'store_credit', voucherCode: 'SC-1' }
					: { kind: 'original' }
			);
			const increment = shop.cashRoundingIncrementCents;
			const half = Math.floor(increment / 2);
			for (const r of returns) {
				for (const t of r.refunds) {
					if (t.kind === 'cash') expect(t.amountCents % increment).toBe(0);
				}
				expect(r.refunds.reduce((s, t) => s + t.amountCents, 0)).toBe(r.refundCents);
				// Rounding a running total moves one part by at most two half-increments.
				const lines = r.lines.reduce((s, l) => s + l.refundCents, 0);
				expect(Math.abs(r.refundCents - lines)).toBeLessThanOrEqual(2 * half);
			}
			expect(cashBack(returns)).toBeLessThanOrEqual(cashTaken(sale));
		}),
		{ numRuns: 200 }
	);
});
