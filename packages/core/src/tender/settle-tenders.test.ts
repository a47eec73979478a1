import { describe, expect, test } from 'vitest';
import { settleTenders, type TenderInput } from './settle-tenders.ts';

function settle(dueCents: number, tenders: TenderInput[], cashRoundingIncrementCents = 1) {
	return settleTenders({ dueCents, currency: 'EUR', tenders, cashRoundingIncrementCents });
}

describe('settleTenders', () => {
	test('gives change for cash handed over', () => {
		const s = settle(1730, [{ kind: 'cash', tenderedCents: 2000 }]);
		expect(s.tenders).toEqual([
			{ kind: 'cash', amountCents: 1730, tenderedCents: 2000, changeCents: 270 }
		]);
		expect(s.changeCents).toBe(270);
		expect(s.roundingCents).toBe(0);
	});

	test('records a card payment with its terminal reference', () => {
		const s = settle(1730, [{ kind: 'card', amountCents: 1730, reference: ' SUMUP-88412 ' }]);
		expect(s.tenders).toEqual([{ kind: 'card', amountCents: 1730, reference: 'SUMUP-88412' }]);
		expect(s.paidCents).toBe(1730);
	});

	test('splits across voucher, card and cash, cash last', () => {
		const s = settle(5000, [
			{ kind: 'cash', tenderedCents: 1000 },
			{ kind: 'voucher', amountCents: 1500, voucherCode: 'SC-4411' },
			{ kind: 'card', amountCents: 3000, reference: 'T-1' }
		]);
		expect(s.tenders.map((t) => [t.kind, t.amountCents])).toEqual([
			['voucher', 1500],
			['card', 3000],
			['cash', 500]
		]);
		expect(s.changeCents).toBe(500);
	});

	test('rounds the cash part to 5 rappen in CHF and records the difference', () => {
		const down = settle(1232, [{ kind: 'cash', tenderedCents: 2000 }], 5);
		expect(down.roundingCents).toBe(-2);
		expect(down.tenders[0]).toEqual({
			kind: 'cash',
			amountCents: 1230,
			tenderedCents: 2000,
			changeCents: 770
		});
		const up = settle(1233, [{ kind: 'cash', tenderedCents: 1235 }], 5);
		expect(up.roundingCents).toBe(2);
		expect(up.paidCents).toBe(1235);
	});

	test('does not round what a card pays', () => {
		const s = settle(1232, [{ kind: 'card', amountCents: 1232, reference: 'T-1' }], 5);
		expect(s.roundingCents).toBe(0);
		const split = settle(
			1232,
			[
				{ kind: 'card', amountCents: 1000, reference: 'T-1' },
				{ kind: 'cash', tenderedCents: 300 }
			],
			5
		);
		// only the 2.32 left for cash is rounded, to 2.30
		expect(split.roundingCents).toBe(-2);
		expect(split.paidCents).toBe(1230);
	});

	test('refuses a card or voucher for more than is due: only cash may overpay', () => {
		expect(() => settle(1000, [{ kind: 'card', amountCents: 1200, reference: 'T-1' }])).toThrow(
			'card and voucher tenders total 12.00 EUR but only 10.00 EUR is due; only cash may overpay'
		);
	});

	test('refuses tenders that fall short', () => {
		expect(() => settle(1000, [{ kind: 'card', amountCents: 600, reference: 'T-1' }])).toThrow(
			'tenders total 6.00 EUR but 10.00 EUR is due (4.00 EUR short)'
		);
		expect(() => settle(1000, [{ kind: 'cash', tenderedCents: 500 }])).toThrow(
			'cash tendered 5.00 EUR is short of the 10.00 EUR due in cash'
		);
		expect(() => settle(1000, [])).toThrow(expect.objectContaining({ code: 'tender_short' }));
	});

	test('refuses a card without a terminal reference and names the tender', () => {
		expect(() => settle(1000, [{ kind: 'card', amountCents: 1000, reference: '  ' }])).toThrow(
			'tender 1 card reference must be 1 to 100 characters (got "  ")'
		);
	});

	test('refuses cash that is not needed', () => {
		expect(() =>
			settle(1000, [
				{ kind: 'card', amountCents: 1000, reference: 'T-1' },
				{ kind: 'cash', tenderedCents: 500 }
			])
		).toThrow('cash is not needed');
	});

	test('settles a sale with nothing due as cash of 0', () => {
		expect(settle(0, []).tenders).toEqual([
			{ kind: 'cash', amountCents: 0, tenderedCents: 0, changeCents: 0 }
		]);
	});
});
