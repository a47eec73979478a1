import { describe, expect, test } from 'vitest';
import { stockMovementsForTradeIn } from '../stock/movements.ts';
import { aShop, testUuid } from '../testing/index.ts';
import { tradeInRecordSchema } from '../wire/operations.ts';
import { completeTradeIn, offerForGrade, type TradeInLineInput } from './trade-in.ts';

function record(
	n: number,
	offerCents: number,
	overrides: Partial<TradeInLineInput> = {}
): TradeInLineInput {
	return {
		lineId: `t${n}`,
		itemId: `used-${n}`,
		releaseId: `release-${n}`,
		description: `Record ${n}`,
		mediaGrade: 'VG+',
		sleeveGrade: 'VG',
		offerCents,
		priceCents: null,
		taxClassId: 'records',
		...overrides
	};
}

const base = {
	tradeInId: testUuid(7),
	shop: aShop(),
	receiptNo: 'K7-000050',
	clerkId: 'staff-ana',
	completedAt: '2026-03-01T16:00:00Z'
};

describe('offerForGrade', () => {
	test('scales the base offer by media and sleeve grade', () => {
		expect(offerForGrade({ baseOfferCents: 1000, mediaGrade: 'NM', sleeveGrade: 'NM' })).toBe(1000);
		// 10.00 × 70 % × 85 % = 5.95
		expect(offerForGrade({ baseOfferCents: 1000, mediaGrade: 'VG+', sleeveGrade: 'VG' })).toBe(595);
		expect(offerForGrade({ baseOfferCents: 1000, mediaGrade: 'P', sleeveGrade: 'No Cover' })).toBe(
			0
		);
	});
});

describe('completeTradeIn', () => {
	test('pays cash: every record becomes a used item costing its offer', () => {
		const r = completeTradeIn({
			...base,
			lines: [record(1, 600), record(2, 450)],
			payout: { kind: 'cash' }
		});
		expect(tradeInRecordSchema.safeParse(r).success).toBe(true);
		expect(r.payout).toEqual({ kind: 'cash', amountCents: 1050 });
		expect(r.lines.map((l) => l.costBasisCents)).toEqual([600, 450]);
		expect(stockMovementsForTradeIn(r).map((m) => [m.itemId, m.delta, m.reason])).toEqual([
			['used-1', 1, 'trade_in'],
			['used-2', 1, 'trade_in']
		]);
	});

	test('pays store credit with a bonus, spread over the cost basis to the cent', () => {
		const r = completeTradeIn({
			...base,
			lines: [record(1, 100), record(2, 100), record(3, 100)],
			payout: { kind: 'store_credit', voucherCode: 'SC-77', creditBonusBp: 2500 }
		});
		expect(r.payout).toEqual({
			kind: 'store_credit',
			amountCents: 375,
			bonusCents: 75,
			voucherCode: 'SC-77'
		});
		expect(r.lines.map((l) => l.costBasisCents)).toEqual([125, 125, 125]);
		const odd = completeTradeIn({
			...base,
			lines: [record(1, 100), record(2, 100), record(3, 101)],
			payout: { kind: 'store_credit', voucherCode: 'SC-77', creditBonusBp: 1000 }
		});
		expect(odd.lines.reduce((s, l) => s + l.costBasisCents, 0)).toBe(odd.payout.amountCents);
	});

	test('refuses an empty trade-in, a repeated item and a bad grade', () => {
		expect(() => completeTradeIn({ ...base, lines: [], payout: { kind: 'cash' } })).toThrow(
			'a trade-in needs at least one record'
		);
		expect(() =>
			completeTradeIn({
				...base,
				lines: [record(1, 1), record(1, 2, { lineId: 'x' })],
				payout: { kind: 'cash' }
			})
		).toThrow('record 2 reuses item id used-1');
		expect(() =>
			completeTradeIn({
				...base,
				lines: [record(1, 1, { mediaGrade: 'Generic' as never })],
				payout: { kind: 'cash' }
			})
		).toThrow('record 1 media grade must be one of M, NM, VG+, VG, G+, G, F, P (got "Generic")');
	});
});
