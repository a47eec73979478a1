/** A small seeded PRNG (mulberry32): the demo shop comes out the same on every machine. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** A whole number in [min, max]. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** A copy of `items` in random order. */
	shuffle<T>(items: readonly T[]): T[];
}

export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick<T>(items: readonly T[]): T {
			const item = items[int(0, items.length - 1)];
			if (item === undefined) throw new Error('pick from an empty list');
			return item;
		},
		shuffle<T>(items: readonly T[]): T[] {
			const out = [...items];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(0, i);
				[out[i], out[j]] = [out[j]!, out[i]!];
			}
			return out;
		}
	};
}
