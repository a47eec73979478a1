import type { Catalog, RegisterItem } from '../catalog.ts';

/**
 * Search as you type over the catalog for one search box. Each keystroke asks the catalog's
 * search (a worker); only the answer to the latest question is shown, and the previous results
 * stay on screen until it arrives, so typing never flickers to "no match".
 */
export class LiveSearch {
	results = $state.raw<RegisterItem[]>([]);
	/** A question is out and its answer is not in yet. */
	isPending = $state(false);
	/** The first search index is still being built (seconds for a large catalog). */
	isPreparing = $state(false);
	readonly #limit: number;
	#asked = 0;

	constructor(limit: number) {
		this.#limit = limit;
	}

	/** Searches for `query`; an empty query or no catalog clears the results at once. */
	async run(catalog: Catalog | undefined, query: string): Promise<void> {
		const asked = ++this.#asked;
		if (catalog === undefined || query.trim() === '') {
			this.results = [];
			this.isPending = false;
			this.isPreparing = false;
			return;
		}
		this.isPending = true;
		this.isPreparing = !catalog.isSearchReady;
		let found: RegisterItem[] = [];
		try {
			found = await catalog.search(query, this.#limit);
		} finally {
			if (asked === this.#asked) {
				this.results = found;
				this.isPending = false;
				this.isPreparing = false;
			}
		}
	}
}
