import { describe, expect, test } from 'vitest';
import { aCart, aConsignedItem, aSaleRecord } from '../testing/index.ts';
import {
	payableBalance,
	payableEntriesForSale,
	payoutEntry,
	statement,
	type PayableEntry
} from './ledger.ts';
import { labelShareForLine, termsForRelease, type ConsignmentAgreement } from './terms.ts';

const agreement: ConsignmentAgreement = {
	agreementId: 'agr-1',
	labelId: 'label-svek',
	defaultRule: { kind: 'percent', percentBp: 6000 },
	overrides: { 'release-32': { kind: 'fixed', amountCents: 1000 } }
};

function entry(
	overrides: Partial<PayableEntry> &
		Pick<PayableEntry, 'entryId' | 'kind' | 'amountCents' | 'businessDay'>
): PayableEntry {
	return { labelId: 'label-svek', refId: overrides.entryId, ...overrides };
}

describe('terms', () => {
	test('a per-release override beats the default', () => {
		expect(termsForRelease(agreement, 'release-32').rule).toEqual({
			kind: 'fixed',
			amountCents: 1000
		});
		expect(termsForRelease(agreement, 'release-2').rule).toEqual({
			kind: 'percent',
			percentBp: 6000
		});
		expect(termsForRelease(agreement, null).labelId).toBe('label-svek');
	});

	test('the share is a percentage of the net line, or a fixed amount per copy', () => {
		expect(
			labelShareForLine({ kind: 'percent', percentBp: 6000 }, { quantity: 2, netCents: 3697 })
		).toBe(2218);
		expect(
			labelShareForLine({ kind: 'fixed', amountCents: 1000 }, { quantity: 3, netCents: 100 })
		).toBe(3000);
		expect(() =>
			labelShareForLine({ kind: 'percent', percentBp: 12_000 }, { quantity: 1, netCents: 1 })
		).toThrow('share percentBp must be a whole number from 0 to 10000 (got 12000)');
	});
});

describe('payable ledger', () => {
	test('a sale adds the frozen share of each consignment line', () => {
		const sale = aSaleRecord({ cart: aCart({ lines: [{ item: aConsignedItem(), quantity: 2 }] }) });
		const entries = payableEntriesForSale(sale);
		expect(entries).toEqual([
			{
				entryId: `${sale.saleId}:line-1`,
				labelId: 'label-svek',
				kind: 'sale',
				amountCents: sale.lines[0]?.consignment?.shareCents,
				businessDay: '2026-03-01',
				refId: sale.saleId
			}
		]);
	});

	test('a payout settles what is owed and may not exceed it', () => {
		const entries = [
			entry({ entryId: 's1', kind: 'sale', amountCents: 3000, businessDay: '2026-03-01' })
		];
		const payout = payoutEntry({
			payoutId: 'p1',
			labelId: 'label-svek',
			amountCents: 3000,
			businessDay: '2026-03-31',
			currency: 'EUR',
			entries
		});
		expect(payableBalance([...entries, payout], 'label-svek')).toBe(0);
		expect(() =>
			payoutEntry({
				payoutId: 'p2',
				labelId: 'label-svek',
				amountCents: 3001,
				businessDay: '2026-03-31',
				currency: 'EUR',
				entries
			})
		).toThrow('payout of 30.01 EUR is more than the 30.00 EUR owed to label label-svek');
	});

	test('a statement shows opening, sales, returns, payouts and closing for the period', () => {
		const entries = [
			entry({ entryId: 'a', kind: 'sale', amountCents: 5000, businessDay: '2026-02-10' }),
			entry({ entryId: 'b', kind: 'payout', amountCents: 2000, businessDay: '2026-02-28' }),
			entry({ entryId: 'c', kind: 'sale', amountCents: 1320, businessDay: '2026-03-01' }),
			entry({ entryId: 'd', kind: 'return', amountCents: 660, businessDay: '2026-03-05' }),
			entry({ entryId: 'e', kind: 'payout', amountCents: 3000, businessDay: '2026-03-31' }),
			entry({ entryId: 'f', kind: 'sale', amountCents: 999, businessDay: '2026-04-01' }),
			entry({
				entryId: 'g',
				kind: 'sale',
				amountCents: 777,
				businessDay: '2026-03-02',
				labelId: 'other-label'
			})
		];
		const s = statement(entries, { labelId: 'label-svek', from: '2026-03-01', to: '2026-03-31' });
		expect(s).toMatchObject({
			openingCents: 3000,
			salesCents: 1320,
			returnsCents: 660,
			payoutsCents: 3000,
			closingCents: 660
		});
		expect(s.entries.map((e) => e.entryId)).toEqual(['c', 'd', 'e']);
	});

	test('refuses a period that ends before it starts', () => {
		expect(() => statement([], { labelId: 'l', from: '2026-03-31', to: '2026-03-01' })).toThrow(
			'to (2026-03-01) must not be before from (2026-03-31)'
		);
		expect(() => statement([], { labelId: 'l', from: 'March', to: '2026-03-01' })).toThrow(
			'from must be a date YYYY-MM-DD (got "March")'
		);
	});
});
