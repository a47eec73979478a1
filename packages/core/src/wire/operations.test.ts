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

	test('reads a protocol 5 line’s taxRateBp as taxRatePpm × 100, so an old outbox still applies', () => {
		const sale = aSaleRecord();
		const oldLines = sale.lines.map(({ taxRatePpm, ...l }) => ({
			...l,
			taxRateBp: taxRatePpm / 100
		}));
		const parsed = saleRecordSchema.parse({ ...sale, lines: oldLines });
		expect(parsed).toEqual(sale);
		expect(parsed.lines[0]).not.toHaveProperty('taxRateBp');
		// New York City's 8.875 % only fits in ppm.
		const nyc = saleRecordSchema.parse({
			...sale,
			lines: sale.lines.map((l) => ({ ...l, taxRatePpm: 88_750 }))
		});
		expect(nyc.lines.map((l) => l.taxRatePpm)).toEqual(sale.lines.map(() => 88_750));
	});

	test('refuses a sale line with no tax rate, or with both units', () => {
		const sale = aSaleRecord();
		const line = sale.lines[0];
		if (line === undefined) throw new Error('the test sale has a line');
		const { taxRatePpm: _rate, ...noRate } = line;
		const message =
			'a sale line needs its tax rate: taxRatePpm (or taxRateBp from a protocol ≤ 5 register)';
		for (const bad of [noRate, { ...line, taxRateBp: 1900 }]) {
			const parsed = saleRecordSchema.safeParse({ ...sale, lines: [bad] });
			expect(parsed.error?.issues[0]).toMatchObject({ path: ['lines', 0, 'taxRatePpm'], message });
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
