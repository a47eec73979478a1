import { currencyExponent, roundToIncrement } from '@deadwax/core';

/** Banknotes a customer may hand over, in major units, for the currencies shops here use. */
const NOTES: Readonly<Record<string, readonly number[]>> = {
	EUR: [5, 10, 20, 50, 100, 200],
	GBP: [5, 10, 20, 50],
	USD: [1, 5, 10, 20, 50, 100],
	CHF: [10, 20, 50, 100, 200],
	JPY: [1000, 2000, 5000, 10000]
};
const DEFAULT_NOTES = [5, 10, 20, 50, 100];

/**
 * What cash must cover when it pays the `dueCents` still open: that amount rounded to the shop's
 * cash increment (CHF 24.99 → 25.00, 24.92 → 24.90), as core's settleTenders rounds the cash part
 * at the till; 0 when nothing is due. The payment panel's "Left to pay in cash" and the "Exact"
 * quick tender both come from here.
 */
export function cashDueCents(dueCents: number, cashRoundingIncrementCents = 1): number {
	return dueCents <= 0 ? 0 : roundToIncrement(dueCents, cashRoundingIncrementCents);
}

/**
 * Quick-tender amounts for cash: exactly what is due in cash, then the next whole unit and the
 * next few notes above it, without repeats, in cents. "Exact" is the cash due: what is due rounded
 * to the shop's cash increment (see cashDueCents). Nothing but "exact" when nothing is due in cash.
 */
export function quickTenders(
	dueCents: number,
	currency: string,
	cashRoundingIncrementCents = 1,
	count = 4
): number[] {
	const exact = cashDueCents(dueCents, cashRoundingIncrementCents);
	if (exact === 0) return [0];
	const unit = 10 ** currencyExponent(currency);
	const amounts = [exact];
	const nextUnit = Math.ceil(exact / unit) * unit;
	if (nextUnit > exact) amounts.push(nextUnit);
	for (const note of NOTES[currency] ?? DEFAULT_NOTES) {
		const cents = note * unit;
		const rounded = Math.ceil(exact / cents) * cents;
		if (!amounts.includes(rounded)) amounts.push(rounded);
		if (amounts.length >= count) break;
	}
	return amounts.sort((a, b) => a - b).slice(0, count);
}
