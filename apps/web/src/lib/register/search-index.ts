/**
 * Search as you type over the register's local catalog. Built from Dexie when the register opens
 * (in a worker: search-worker.ts); a keystroke never scans every item. Tokens are kept sorted with a posting list each, so a
 * prefix is a binary search; the query term with the fewest candidates drives the search and the
 * other terms are checked against each candidate's own token text.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/gu;

/** Lower case, accents folded ("Sigur Rós" → "sigur ros"), so the clerk types what they hear. */
export function foldText(text: string): string {
	return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The words of a text: letters and digits; "SK-026" gives "sk", "026" and the joined "sk026". */
export function tokenize(text: string): string[] {
	const folded = foldText(text);
	const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
	const joined = folded.replace(/[^\p{L}\p{N}]+/gu, '');
	if (words.length > 1 && joined.length <= 24 && /\d/.test(joined)) words.push(joined);
	return words;
}

export interface SearchDoc {
	readonly id: string;
	/** Artist, title, label, catalog number, …: every field the clerk may type part of. */
	readonly fields: readonly (string | null | undefined)[];
}

/**
 * Collects documents for a SearchIndex a batch at a time, so a worker can answer queries from
 * the index it has while it builds the next one (see search-worker.ts).
 */
export class SearchIndexBuilder {
	readonly #ids: string[] = [];
	readonly #haystacks: string[] = [];
	readonly #byToken = new Map<string, number[]>();

	add(docs: Iterable<SearchDoc>): void {
		for (const doc of docs) {
			const n = this.#ids.length;
			this.#ids.push(doc.id);
			const tokens = new Set<string>();
			for (const field of doc.fields) if (field) for (const t of tokenize(field)) tokens.add(t);
			this.#haystacks.push(` ${[...tokens].join(' ')} `);
			for (const t of tokens) {
				let list = this.#byToken.get(t);
				if (list === undefined) this.#byToken.set(t, (list = []));
				list.push(n);
			}
		}
	}

	get size(): number {
		return this.#ids.length;
	}

	/** The index of everything added so far. */
	finish(): SearchIndex {
		const tokens = [...this.#byToken.keys()].sort();
		const postings = tokens.map((t) => Uint32Array.from(this.#byToken.get(t) ?? []));
		return new SearchIndex(this.#ids, this.#haystacks, tokens, postings);
	}
}

export class SearchIndex {
	readonly #ids: readonly string[];
	/** ' token token … ' per document, for checking the non-driving query terms. */
	readonly #haystacks: readonly string[];
	readonly #tokens: readonly string[];
	readonly #postings: readonly Uint32Array[];

	/** Use SearchIndex.build or a SearchIndexBuilder. */
	constructor(
		ids: readonly string[],
		haystacks: readonly string[],
		tokens: readonly string[],
		postings: readonly Uint32Array[]
	) {
		this.#ids = ids;
		this.#haystacks = haystacks;
		this.#tokens = tokens;
		this.#postings = postings;
	}

	/**
	 * Builds the index in one go; O(total tokens · log). 100,000 records take seconds on a tablet,
	 * which is why the register builds it in a worker (search-worker.ts).
	 */
	static build(docs: Iterable<SearchDoc>): SearchIndex {
		const builder = new SearchIndexBuilder();
		builder.add(docs);
		return builder.finish();
	}

	get size(): number {
		return this.#ids.length;
	}

	/** First index in the sorted tokens that is ≥ `prefix`. */
	#lowerBound(prefix: string): number {
		let lo = 0;
		let hi = this.#tokens.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((this.#tokens[mid] ?? '') < prefix) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	#range(prefix: string): [number, number] {
		const lo = this.#lowerBound(prefix);
		let hi = lo;
		while (hi < this.#tokens.length && (this.#tokens[hi] ?? '').startsWith(prefix)) hi++;
		return [lo, hi];
	}

	/**
	 * Ids of up to `limit` documents that have, for every word typed, a token starting with it.
	 * Whole-word matches come before longer words that merely start with what was typed.
	 */
	search(query: string, limit = 50): string[] {
		const terms = [...new Set(tokenize(query))];
		if (terms.length === 0) return [];
		let best: { term: string; lo: number; hi: number; count: number } | undefined;
		for (const term of terms) {
			const [lo, hi] = this.#range(term);
			if (lo === hi) return [];
			let count = 0;
			for (let i = lo; i < hi && (best === undefined || count < best.count); i++) {
				count += this.#postings[i]?.length ?? 0;
			}
			if (best === undefined || count < best.count) best = { term, lo, hi, count };
		}
		if (best === undefined) return [];
		const others = terms.filter((t) => t !== best.term).map((t) => ` ${t}`);
		const seen = new Set<number>();
		const found: string[] = [];
		for (let i = best.lo; i < best.hi && found.length < limit; i++) {
			const postings = this.#postings[i] ?? new Uint32Array();
			for (let p = 0; p < postings.length && found.length < limit; p++) {
				const doc = postings[p] ?? 0;
				if (seen.has(doc)) continue;
				seen.add(doc);
				const hay = this.#haystacks[doc] ?? '';
				if (others.every((t) => hay.includes(t))) found.push(this.#ids[doc] ?? '');
			}
		}
		return found;
	}
}
