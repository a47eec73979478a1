import { describe, expect, test } from 'vitest';
import { returnAgainstSale } from '../returns/create-return.ts';
import { aSaleRecord, aShop, testUuid } from '../testing/index.ts';
import { completeTradeIn } from '../trade-in/trade-in.ts';
import { operationSchema, saleRecordSchema } from './operations.ts';

const envelope = {
	opId: testUuid(900),
	deviceId: 'device-k7',
	deviceSeq: 1,
	deviceTime: '2026-03-01T14:30:05Z'
};

describe('operationSchema', () => {
	test('accepts the records core builds for a sale, a return and a trade-in', () => {
		const sale = aSaleRecord();
		const ret = returnAgainstSale(
			{
				returnId: testUuid(2),
				shop: aShop(),
				receiptNo: 'K7-000002',
				clerkId: 'staff-ana',
				completedAt: '2026-03-02T10:00:00Z',
				reason: 'wrong pressing'
			},
			{
				original: sale,
				earlierReturns: [],
				lines: [{ lineId: 'r1', originalLineId: 'line-1', quantity: 1, restock: true }],
				refundTo: { kind: 'original' }
			}
		);
		const tradeIn = completeTradeIn({
			tradeInId: testUuid(3),
			shop: aShop(),
			receiptNo: 'K7-000003',
			clerkId: 'staff-ana',
			completedAt: '2026-03-02T11:00:00Z',
			lines: [
				{
					lineId: 't1',
					itemId: 'used-9',
					releaseId: null,
					description: 'Unknown white label',
					mediaGrade: 'VG',
					sleeveGrade: 'Generic',
					offerCents: 300,
					priceCents: 800,
					taxClassId: 'records'
				}
			],
			payout: { kind: 'cash' }
		});
		for (const op of [
			{ ...envelope, kind: 'sale.completed', payload: sale },
			{ ...envelope, kind: 'sale.returned', payload: ret },
			{ ...envelope, kind: 'trade_in.completed', payload: tradeIn }
		]) {
			expect(operationSchema.safeParse(op).success).toBe(true);
		}
	});

	test('refuses a float amount and says where', () => {
		const sale = { ...aSaleRecord(), totalCents: 71.98 };
		const result = saleRecordSchema.safeParse(sale);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({
			path: ['totalCents'],
			message: 'must be a whole number of minor units (e.g. cents), not a fraction'
		});
	});
});
