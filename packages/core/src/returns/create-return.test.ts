import { describe, expect, test } from 'vitest';
import {
	payableEntriesForReturn,
	payableEntriesForSale,
	payableBalance
} from '../consignment/ledger.ts';
import { setReceiptDiscount } from '../sale/cart.ts';
import { completeSale } from '../sale/complete-sale.ts';
import {
	onHandByItem,
	stockMovementsForReturn,
	stockMovementsForSale
} from '../stock/movements.ts';
import {
	aCart,
	aCatalogItem,
	aConsignedItem,
	aSaleRecord,
	aShop,
	aSwissShop,
	testUuid
} from '../testing/index.ts';
import type { ReturnRecord, SaleRecord } from '../wire/operations.ts';
import {
	returnAgainstSale,
	returnableUnits,
	returnWithoutReceipt,
	type ReturnContext
} from './create-return.ts';

const at = '2026-03-03T10:00:00Z';

function context(n: number, shop = aShop()): ReturnContext {
	return {
		returnId: testUuid(100 + n),
		shop,
		receiptNo: `K7-${String(100 + n).padStart(6, '0')}`,
		clerkId: 'staff-ana',
		completedAt: at,
		reason: 'changed mind'
	};
}

/** Three consigned LPs at 22.00 with a 10.00 receipt discount, paid 30.00 card + rest cash. */
function splitSale(): SaleRecord {
	const cart = setReceiptDiscount(aCart({ lines: [{ item: aConsignedItem(), quantity: 3 }] }), {
		kind: 'amount',
		amountCents: 1000,
		reason: 'bundle'
	});
	return completeSale(cart, {
		tenders: [
			{ kind: 'card', amountCents: 3000, reference: 'AUTH-1' },
			{ kind: 'cash', tenderedCents: 5000 }
		],
		receiptNo: 'K7-000001',
		clerkId: 'staff-ana',
		completedAt: '2026-03-01T12:00:00Z'
	});
}

describe('returnAgainstSale', () => {
	test('refunds a whole line exactly as it was sold, and reverses its label share', () => {
		const sale = aSaleRecord();
		const sold = sale.lines[1]!;
		const record = returnAgainstSale(context(1), {
			original: sale,
			earlierReturns: [],
			lines: [{ lineId: 'r1', originalLineId: sold.lineId, quantity: 1, restock: true }],
			refundTo: { kind: 'original' }
		});
		expect(record.lines[0]).toMatchObject({
			refundCents: sold.totalCents,
			taxCents: sold.taxCents,
			consignment: sold.consignment
		});
		expect(record.refunds).toEqual([{ kind: 'card', amountCents: 2200, reference: 'AUTH-0001' }]);
		expect(record.businessDay).toBe('2026-03-03');
	});

	test('splits a line over partial returns so the parts add up to the cent', () => {
		const sale = splitSale();
		const line = sale.lines[0]!;
		// 66.00 − 10.00 = 56.00; thirds are 18.67, 18.66, 18.67 in cumulative rounding
		expect(line.totalCents).toBe(5600);
		const first = returnAgainstSale(context(1), {
			original: sale,
			earlierReturns: [],
			lines: [{ lineId: 'r1', originalLineId: line.lineId, quantity: 1, restock: true }],
			refundTo: { kind: 'original' }
		});
		const rest = returnAgainstSale(context(2), {
			original: sale,
			earlierReturns: [first],
			lines: [{ lineId: 'r1', originalLineId: line.lineId, quantity: 2, restock: true }],
			refundTo: { kind: 'original' }
		});
		expect(first.refundCents).toBe(1867);
		expect(first.refundCents + rest.refundCents).toBe(line.totalCents);
		expect((first.lines[0]?.taxCents ?? 0) + (rest.lines[0]?.taxCents ?? 0)).toBe(line.taxCents);
		expect(
			(first.lines[0]?.consignment?.shareCents ?? 0) + (rest.lines[0]?.consignment?.shareCents ?? 0)
		).toBe(line.consignment?.shareCents);
	});

	test('refunds to the card first, then cash, never more than each paid', () => {
		const sale = splitSale();
		const lineId = sale.lines[0]!.lineId;
		const first = returnAgainstSale(context(1), {
			original: sale,
			earlierReturns: [],
			lines: [{ lineId: 'r1', originalLineId: lineId, quantity: 2, restock: true }],
			refundTo: { kind: 'original' }
		});
		expect(first.refunds).toEqual([
			{ kind: 'card', amountCents: 3000, reference: 'AUTH-1' },
			{ kind: 'cash', amountCents: 733, tenderedCents: 733, changeCents: 0 }
		]);
		const second = returnAgainstSale(context(2), {
			original: sale,
			earlierReturns: [first],
			lines: [{ lineId: 'r1', originalLineId: lineId, quantity: 1, restock: true }],
			refundTo: { kind: 'original' }
		});
		expect(second.refunds).toEqual([
			{ kind: 'cash', amountCents: 1867, tenderedCents: 1867, changeCents: 0 }
		]);
	});

	test('refunds to store credit on a voucher', () => {
		const sale = aSaleRecord();
		const record = returnAgainstSale(context(1), {
			original: sale,
			earlierReturns: [],
			lines: [{ lineId: 'r1', originalLineId: sale.lines[0]!.lineId, quantity: 1, restock: true }],
			refundTo: { kind: 'store_credit', voucherCode: 'SC-0042' }
		});
		expect(record.refunds).toEqual([
			{ kind: 'voucher', amountCents: 2499, voucherCode: 'SC-0042' }
		]);
	});

	test('refuses to take back more than was sold, counting earlier returns', () => {
		const sale = aSaleRecord();
		const lineId = sale.lines[0]!.lineId;
		const once = returnAgainstSale(context(1), {
			original: sale,
			earlierReturns: [],
			lines: [{ lineId: 'r1', originalLineId: lineId, quantity: 1, restock: true }],
			refundTo: { kind: 'original' }
		});
		expect(returnableUnits(sale, [once]).get(lineId)).toBe(1);
		expect(() =>
			returnAgainstSale(context(2), {
				original: sale,
				earlierReturns: [once],
				lines: [{ lineId: 'r1', originalLineId: lineId, quantity: 2, restock: true }],
				refundTo: { kind: 'original' }
			})
		).toThrow(
			`${sale.lines[0]!.description} has 1 left to return (sold 2, returned 1 before); asked for 2`
		);
		expect(() =>
			returnAgainstSale(context(2), {
				original: sale,
				earlierReturns: [],
				lines: [
					{ lineId: 'r1', originalLineId: lineId, quantity: 2, restock: true },
					{ lineId: 'r2', originalLineId: lineId, quantity: 1, restock: true }
				],
				refundTo: { kind: 'original' }
			})
		).toThrow(expect.objectContaining({ code: 'return_exceeds_sale' }));
	});

	test('refuses a line that is not on the sale and a cash refund with a receipt', () => {
		const sale = aSaleRecord();
		const base = { original: sale, earlierReturns: [], refundTo: { kind: 'original' } as const };
		expect(() =>
			returnAgainstSale(context(1), {
				...base,
				lines: [{ lineId: 'r1', originalLineId: 'nope', quantity: 1, restock: true }]
			})
		).toThrow('line nope is not on sale K7-000001');
		expect(() =>
			returnAgainstSale(context(1), {
				...base,
				refundTo: { kind: 'cash' },
				lines: [{ lineId: 'r1', originalLineId: sale.lines[0]!.lineId, quantity: 1, restock: true }]
			})
		).toThrow('a return with a receipt refunds to the original tender or to store credit');
	});

	test('restores stock for restocked copies only', () => {
		const sale = aSaleRecord();
		const record = returnAgainstSale(context(1), {
			original: sale,
			earlierReturns: [],
			lines: [
				{ lineId: 'r1', originalLineId: sale.lines[0]!.lineId, quantity: 2, restock: false },
				{ lineId: 'r2', originalLineId: sale.lines[1]!.lineId, quantity: 1, restock: true }
			],
			refundTo: { kind: 'original' }
		});
		const onHand = onHandByItem([
			...stockMovementsForSale(sale),
			...stockMovementsForReturn(record)
		]);
		expect(onHand.get(aCatalogItem().itemId)).toBe(-2);
		expect(onHand.get(aConsignedItem().itemId)).toBe(0);
		const ledger = [...payableEntriesForSale(sale), ...payableEntriesForReturn(record)];
		expect(payableBalance(ledger, 'label-svek')).toBe(0);
	});
});

describe('returnWithoutReceipt', () => {
	const line = {
		lineId: 'r1',
		itemId: 'item-consigned-1',
		quantity: 1,
		unitRefundCents: 2380,
		taxRatePpm: 190000,
		restock: true,
		consignment: { labelId: 'label-svek', rule: { kind: 'percent', percentBp: 6000 } }
	} as const;

	test('needs a manager', () => {
		expect(() =>
			returnWithoutReceipt(context(1), {
				approvedByManagerId: null,
				lines: [line],
				refundTo: { kind: 'cash' }
			})
		).toThrow(
			expect.objectContaining({
				code: 'manager_required',
				message: 'a return without a receipt needs a manager to approve it'
			})
		);
	});

	test('refunds the agreed amount with its tax and reverses the label share', () => {
		const record = returnWithoutReceipt(context(1), {
			approvedByManagerId: 'staff-owner',
			lines: [line],
			refundTo: { kind: 'store_credit', voucherCode: 'SC-9' }
		});
		// 23.80 incl. 19 % = 20.00 net + 3.80 tax; 60 % of 20.00
		expect(record.lines[0]).toMatchObject({
			originalLineId: null,
			refundCents: 2380,
			taxCents: 380,
			consignment: { labelId: 'label-svek', shareCents: 1200 }
		});
		expect(record).toMatchObject({
			originalSaleId: null,
			approvedByManagerId: 'staff-owner',
			refundCents: 2380
		});
		expect(record.refunds).toEqual([{ kind: 'voucher', amountCents: 2380, voucherCode: 'SC-9' }]);
	});

	test('has no original tender to refund to', () => {
		expect(() =>
			returnWithoutReceipt(context(1), {
				approvedByManagerId: 'm',
				lines: [line],
				refundTo: { kind: 'original' }
			})
		).toThrow('a return without a receipt has no original tender; refund to store credit or cash');
	});
});

describe('cash refunds under cash rounding (CHF, cash to 0.05)', () => {
	const chf = aSwissShop();
	const cashOf = (r: ReturnRecord): number =>
		r.refunds.filter((t) => t.kind === 'cash').reduce((sum, t) => sum + t.amountCents, 0);

	/** Two LPs at CHF 12.33: 24.66 due, 24.65 taken in cash (rounding −0.01), or split with a card. */
	function swissSale(card = 0): SaleRecord {
		return aSaleRecord({
			cart: aCart({
				shop: chf,
				lines: [{ item: aCatalogItem({ priceCents: 1233, taxClassId: 'records' }), quantity: 2 }]
			}),
			tenders: [
				...(card > 0 ? [{ kind: 'card' as const, amountCents: card, reference: 'AUTH-7' }] : []),
				{ kind: 'cash', tenderedCents: 5000 }
			]
		});
	}

	function returnOne(sale: SaleRecord, earlier: ReturnRecord[], n: number): ReturnRecord {
		return returnAgainstSale(context(n, chf), {
			original: sale,
			earlierReturns: earlier,
			lines: [
				{ lineId: `r${n}`, originalLineId: sale.lines[0]!.lineId, quantity: 1, restock: true }
			],
			refundTo: { kind: 'original' }
		});
	}

	test('a cash sale returned a copy at a time gives back exactly the cash it took', () => {
		const sale = swissSale();
		expect(sale.roundingCents).toBe(-1);
		expect(sale.tenders).toEqual([
			{ kind: 'cash', amountCents: 2465, tenderedCents: 5000, changeCents: 2535 }
		]);
		// 12.33 rounds to 12.35; the running total 24.66 rounds to 24.65, so the second copy 12.30.
		const first = returnOne(sale, [], 1);
		expect(first.lines[0]!.refundCents).toBe(1233);
		expect(first.refunds).toEqual([
			{ kind: 'cash', amountCents: 1235, tenderedCents: 1235, changeCents: 0 }
		]);
		expect(first.refundCents).toBe(1235);
		const second = returnOne(sale, [first], 2);
		expect(second.lines[0]!.refundCents).toBe(1233);
		expect(second.refunds).toEqual([
			{ kind: 'cash', amountCents: 1230, tenderedCents: 1230, changeCents: 0 }
		]);
		expect(first.refundCents + second.refundCents).toBe(sale.totalCents);
	});

	test('both copies at once refund the rounded total, as the till took it', () => {
		const sale = swissSale();
		const record = returnAgainstSale(context(1, chf), {
			original: sale,
			earlierReturns: [],
			lines: [{ lineId: 'r1', originalLineId: sale.lines[0]!.lineId, quantity: 2, restock: true }],
			refundTo: { kind: 'original' }
		});
		expect(record.refundCents).toBe(2465);
		expect(cashOf(record)).toBe(2465);
		expect(record.lines[0]!.refundCents).toBe(2466);
	});

	test('only the cash part of a split refund is rounded; the card gets its exact amount', () => {
		// 24.66 due: card 10.00, cash 14.66 → 14.65.
		const sale = swissSale(1000);
		const first = returnOne(sale, [], 1);
		// 12.33: card 10.00 back in full, cash 2.33 → 2.35
		expect(first.refunds).toEqual([
			{ kind: 'card', amountCents: 1000, reference: 'AUTH-7' },
			{ kind: 'cash', amountCents: 235, tenderedCents: 235, changeCents: 0 }
		]);
		expect(first.refundCents).toBe(1235);
		const second = returnOne(sale, [first], 2);
		// cash so far 2.33 + 12.33 = 14.66 → 14.65, less the 2.35 already given
		expect(second.refunds).toEqual([
			{ kind: 'cash', amountCents: 1230, tenderedCents: 1230, changeCents: 0 }
		]);
		expect(cashOf(first) + cashOf(second)).toBe(1465);
	});

	test('cash that rounds to nothing is recorded as a cash refund of 0, made up on a later part', () => {
		const cheap = aCatalogItem({ priceCents: 2, taxClassId: 'zero' });
		const sale = aSaleRecord({
			cart: aCart({ shop: chf, lines: [{ item: cheap, quantity: 3 }] }),
			tenders: [{ kind: 'cash', tenderedCents: 10 }]
		});
		// 0.06 due, 0.05 taken
		expect(sale.totalCents).toBe(5);
		const parts: ReturnRecord[] = [];
		for (const n of [1, 2, 3]) parts.push(returnOne(sale, [...parts], n));
		expect(parts.map((r) => r.refunds)).toEqual([
			[{ kind: 'cash', amountCents: 0, tenderedCents: 0, changeCents: 0 }],
			[{ kind: 'cash', amountCents: 5, tenderedCents: 5, changeCents: 0 }],
			[{ kind: 'cash', amountCents: 0, tenderedCents: 0, changeCents: 0 }]
		]);
		expect(parts.reduce((sum, r) => sum + r.refundCents, 0)).toBe(5);
	});

	test('store credit is not rounded: it is not cash', () => {
		const sale = swissSale();
		const record = returnAgainstSale(context(1, chf), {
			original: sale,
			earlierReturns: [],
			lines: [{ lineId: 'r1', originalLineId: sale.lines[0]!.lineId, quantity: 1, restock: true }],
			refundTo: { kind: 'store_credit', voucherCode: 'SC-1' }
		});
		expect(record.refunds).toEqual([{ kind: 'voucher', amountCents: 1233, voucherCode: 'SC-1' }]);
		expect(record.refundCents).toBe(1233);
	});

	test('a later part evens out an earlier cash refund recorded without rounding', () => {
		const sale = swissSale();
		const first = returnOne(sale, [], 1);
		const unrounded: ReturnRecord = {
			...first,
			refundCents: 1233,
			refunds: [{ kind: 'cash', amountCents: 1233, tenderedCents: 1233, changeCents: 0 }]
		};
		const second = returnOne(sale, [unrounded], 2);
		expect(cashOf(second)).toBe(2465 - 1233);
	});

	test('a cash refund without a receipt is rounded like cash at the till, up or down', () => {
		const noReceipt = (unitRefundCents: number, quantity = 1) =>
			returnWithoutReceipt(context(1, chf), {
				approvedByManagerId: 'staff-owner',
				lines: [
					{
						lineId: 'r1',
						itemId: 'item-1',
						quantity,
						unitRefundCents,
						taxRatePpm: 81000,
						restock: true,
						consignment: null
					}
				],
				refundTo: { kind: 'cash' }
			});
		const up = noReceipt(1233);
		expect(up.refunds).toEqual([
			{ kind: 'cash', amountCents: 1235, tenderedCents: 1235, changeCents: 0 }
		]);
		expect(up.refundCents).toBe(1235);
		// The line keeps the agreed refund and the tax in it.
		expect(up.lines[0]).toMatchObject({ refundCents: 1233, taxCents: 92 });
		expect(noReceipt(1232).refundCents).toBe(1230);
		expect(noReceipt(411, 3).refundCents).toBe(1235);
		expect(noReceipt(1250).refundCents).toBe(1250);
	});
});
