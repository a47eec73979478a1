import fc from 'fast-check';
import { expect, test } from 'vitest';
import { payableBalance, payableDelta, statement, type PayableEntry } from './ledger.ts';

const dayArb = fc
	.integer({ min: 0, max: 400 })
	.map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

const entriesArb = fc.array(
	fc.record({
		labelId: fc.constantFrom('label-a', 'label-b'),
		kind: fc.constantFrom('sale' as const, 'return' as const, 'payout' as const),
		amountCents: fc.integer({ min: 0, max: 1_000_000 }),
		businessDay: dayArb
	}),
	{ maxLength: 60 }
);

function withIds(raw: readonly Omit<PayableEntry, 'entryId' | 'refId'>[]): PayableEntry[] {
	return raw.map((e, i) => ({ ...e, entryId: `e${i}`, refId: `ref${i}` }));
}

test('closing = opening + sales − returns − payouts, and equals the balance up to the end', () => {
	fc.assert(
		fc.property(entriesArb, dayArb, dayArb, (raw, a, b) => {
			const entries = withIds(raw);
			const [from, to] = a <= b ? [a, b] : [b, a];
			const s = statement(entries, { labelId: 'label-a', from, to });
			expect(s.closingCents).toBe(s.openingCents + s.salesCents - s.returnsCents - s.payoutsCents);
			expect(s.closingCents).toBe(
				payableBalance(
					entries.filter((e) => e.businessDay <= to),
					'label-a'
				)
			);
			expect(
				s.entries.every(
					(e) => e.labelId === 'label-a' && e.businessDay >= from && e.businessDay <= to
				)
			).toBe(true);
			expect(s.entries.reduce((sum, e) => sum + payableDelta(e), 0)).toBe(
				s.closingCents - s.openingCents
			);
		}),
		{ numRuns: 300 }
	);
});

test('consecutive statements chain: each closing is the next opening', () => {
	const nextDay = (day: string): string =>
		new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	fc.assert(
		fc.property(entriesArb, dayArb, dayArb, dayArb, (raw, a, b, c) => {
			const entries = withIds(raw);
			const [from, to, end] = [a, b, c].sort();
			const first = statement(entries, { labelId: 'label-b', from: from!, to: to! });
			const second = statement(entries, {
				labelId: 'label-b',
				from: nextDay(to!),
				to: nextDay(end!)
			});
			expect(second.openingCents).toBe(first.closingCents);
		}),
		{ numRuns: 200 }
	);
});
