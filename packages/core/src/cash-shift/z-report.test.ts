import { describe, expect, test } from 'vitest';
import { aSaleRecord, testUuid } from '../testing/index.ts';
import type { CashMoved, ReturnRecord, ShiftOpened, TradeInRecord } from '../wire/operations.ts';
import { zReport } from './z-report.ts';

const shift: ShiftOpened = {
	shiftId: testUuid(50),
	clerkId: 'staff-1',
	currency: 'EUR',
	businessDay: '2026-03-01',
	openedAt: '2026-03-01T08:00:00Z',
	floatCents: 10_000
};

function move(n: number, kind: CashMoved['kind'], amountCents: number): CashMoved {
	return {
		moveId: testUuid(60 + n),
		shiftId: shift.shiftId,
		clerkId: 'staff-1',
		currency: 'EUR',
		businessDay: '2026-03-01',
		at: '2026-03-01T09:00:00Z',
		kind,
		amountCents,
		reason: 'test'
	};
}

const cashRefund: ReturnRecord = {
	returnId: testUuid(70),
	receiptNo: 'K7-000009',
	originalSaleId: null,
	clerkId: 'staff-1',
	approvedByManagerId: 'staff-2',
	currency: 'EUR',
	businessDay: '2026-03-01',
	completedAt: '2026-03-01T10:00:00Z',
	reason: 'faulty',
	lines: [
		{
			lineId: 'r1',
			originalLineId: null,
			itemId: 'item-1',
			quantity: 1,
			refundCents: 1500,
			taxCents: 239,
			restock: false,
			consignment: null
		}
	],
	refundCents: 1500,
	refunds: [{ kind: 'cash', amountCents: 1500, tenderedCents: 1500, changeCents: 0 }]
};

const cashTradeIn = {
	tradeInId: testUuid(80),
	receiptNo: 'K7-000010',
	clerkId: 'staff-1',
	currency: 'EUR',
	businessDay: '2026-03-01',
	completedAt: '2026-03-01T11:00:00Z',
	lines: [],
	offerCents: 800,
	payout: { kind: 'cash', amountCents: 800 }
} as unknown as TradeInRecord;

describe('zReport', () => {
	test('expects float + cash sales − cash refunds − trade-in cash + paid in − paid out', () => {
		const sale = aSaleRecord();
		const report = zReport({
			shift,
			closedAt: '2026-03-01T18:00:00Z',
			countedCashCents: 10_000,
			sales: [sale],
			returns: [cashRefund],
			tradeIns: [cashTradeIn],
			cashMoves: [move(1, 'paid_in', 2000), move(2, 'paid_out', 500), move(3, 'no_sale', 0)]
		});
		const cashSales = sale.tenders
			.filter((t) => t.kind === 'cash')
			.reduce((sum, t) => sum + t.amountCents, 0);
		expect(report.expectedCashCents).toBe(10_000 + cashSales - 1500 - 800 + 2000 - 500);
		expect(report.differenceCents).toBe(10_000 - report.expectedCashCents);
		expect(report).toMatchObject({ saleCount: 1, returnCount: 1, tradeInCount: 1, noSaleCount: 1 });
	});

	test('refuses a cash move of another shift and names it', () => {
		const other = { ...move(4, 'paid_in', 100), shiftId: testUuid(99) };
		expect(() =>
			zReport({
				shift,
				closedAt: '2026-03-01T18:00:00Z',
				countedCashCents: 0,
				sales: [],
				returns: [],
				tradeIns: [],
				cashMoves: [other]
			})
		).toThrow(`cash move ${other.moveId} belongs to shift ${testUuid(99)}`);
	});

	test('refuses a fractional counted amount', () => {
		expect(() =>
			zReport({
				shift,
				closedAt: '2026-03-01T18:00:00Z',
				countedCashCents: 10.5,
				sales: [],
				returns: [],
				tradeIns: [],
				cashMoves: []
			})
		).toThrow('counted cash');
	});
});
