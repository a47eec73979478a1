import { assert } from '../assert.ts';

/**
 * The one rounding rule of the domain: to the nearest whole unit, halves away from zero
 * (2.5 → 3, −2.5 → −3), as UK VAT and US sales-tax guidance expect. Computes `a × b ÷ c` in
 * BigInt so the product never loses precision. `c` must be positive.
 */
export function mulDivRound(a: number, b: number, c: number): number {
	assert(Number.isSafeInteger(a) && Number.isSafeInteger(b), 'mulDivRound takes whole numbers');
	assert(Number.isSafeInteger(c) && c > 0, 'mulDivRound divides by a positive whole number');
	return divRound(BigInt(a) * BigInt(b), BigInt(c));
}

/** `n ÷ d` rounded half away from zero; `d` > 0. The result must fit a safe integer. */
export function divRound(n: bigint, d: bigint): number {
	assert(d > 0n, 'divRound divides by a positive number');
	const negative = n < 0n;
	const abs = negative ? -n : n;
	let q = abs / d;
	if ((abs % d) * 2n >= d) q += 1n;
	const result = Number(negative ? -q : q);
	assert(Number.isSafeInteger(result), 'rounded amount fits a safe integer');
	return result;
}

/**
 * Rounds `cents` to the nearest multiple of `incrementCents` (halves away from zero), e.g. CHF
 * cash to 5 rappen: 1232 → 1230, 1233 → 1235. An increment of 1 changes nothing.
 */
export function roundToIncrement(cents: number, incrementCents: number): number {
	assert(Number.isSafeInteger(incrementCents) && incrementCents >= 1, 'increment is ≥ 1 cent');
	return divRound(BigInt(cents), BigInt(incrementCents)) * incrementCents;
}
