import { DomainError } from '../errors.ts';
import { assertCents } from './cents.ts';

/**
 * Splits `totalCents` over `weights` in proportion, to the cent, by largest remainder: each part
 * gets the floor of its exact share, then the leftover cents go one each to the largest
 * fractional remainders (ties to the earlier index). The parts always sum to `totalCents`
 * exactly and a zero weight always gets 0. Weights are whole numbers ≥ 0; `totalCents` ≥ 0.
 * Throws `invalid_input` when there is something to split but every weight is zero.
 */
export function allocateByWeight(totalCents: number, weights: readonly number[]): number[] {
	assertCents(totalCents, 'amount to split');
	weights.forEach((w, i) => assertCents(w, `weight ${i + 1}`));
	const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
	if (weightSum === 0n) {
		if (totalCents === 0) return weights.map(() => 0);
		throw new DomainError(
			'invalid_input',
			`cannot split ${totalCents} over ${weights.length} parts that are all zero`
		);
	}
	const total = BigInt(totalCents);
	const parts = weights.map((w) => (total * BigInt(w)) / weightSum);
	const remainders = weights.map((w, index) => ({ index, rem: (total * BigInt(w)) % weightSum }));
	let left = Number(total - parts.reduce((sum, p) => sum + p, 0n));
	remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
	for (const { index } of remainders) {
		if (left === 0) break;
		parts[index] = (parts[index] ?? 0n) + 1n;
		left -= 1;
	}
	return parts.map(Number);
}
