import { SearchIndex } from './search-index.ts';
import {
	unpackDocs,
	type PackedDocs,
	type SearchReply,
	type SearchRequest
} from './search-service.ts';

/** Where the catalog's search as you type runs: a worker in the browser, in-thread elsewhere. */
export interface ItemSearch {
	/** Replaces what is searched. Returns at once; the index is built in the background. */
	load(docs: PackedDocs): void;
	/** Ids of up to `limit` matching documents, best first (SearchIndex.search). */
	search(query: string, limit: number): Promise<string[]>;
	/** False until the first load can answer without waiting for its index to be built. */
	readonly ready: boolean;
}

/**
 * In the calling thread, built on the first search after a load: for tests, and for screens
 * that look items up by code but never search (the office's device screen).
 */
export class LocalSearch implements ItemSearch {
	#docs: PackedDocs = { ids: [], texts: [] };
	#index: SearchIndex | undefined;

	get ready(): boolean {
		return true;
	}

	load(docs: PackedDocs): void {
		this.#docs = docs;
		this.#index = undefined;
	}

	search(query: string, limit: number): Promise<string[]> {
		this.#index ??= SearchIndex.build(unpackDocs(this.#docs));
		return Promise.resolve(this.#index.search(query, limit));
	}
}

/** The two ends of a search worker, as WorkerSearch uses them; see workerPort. */
export interface SearchPort {
	post(request: SearchRequest): void;
	listen(onReply: (reply: SearchReply) => void, onError: () => void): void;
	close(): void;
}

/** A SearchPort over a dedicated Worker running search-worker.ts. */
export function workerPort(worker: Worker): SearchPort {
	return {
		post: (request) => worker.postMessage(request),
		listen: (onReply, onError) => {
			worker.addEventListener('message', (event: MessageEvent<SearchReply>) => onReply(event.data));
			worker.addEventListener('error', onError);
			worker.addEventListener('messageerror', onError);
		},
		close: () => worker.terminate()
	};
}

/**
 * The search index in a worker (search-worker.ts), so building it for 100,000 items never
 * freezes the counter. Each search is a message answered in order; a reload after a sync pull
 * keeps answering from the previous index until the new one is built. Should the worker fail
 * (its script missing from an old cache, say), searching carries on in-thread, slower to start.
 */
export class WorkerSearch implements ItemSearch {
	readonly #port: SearchPort;
	readonly #waiting = new Map<
		number,
		{ query: string; limit: number; resolve: (ids: string[]) => void }
	>();
	#asked = 0;
	#isBuilt = false;
	#docs: PackedDocs | undefined;
	#fallback: LocalSearch | undefined;

	constructor(port: SearchPort) {
		this.#port = port;
		port.listen(
			(reply) => {
				if (reply.kind === 'built') {
					this.#isBuilt = true;
					return;
				}
				const waiting = this.#waiting.get(reply.id);
				this.#waiting.delete(reply.id);
				waiting?.resolve(reply.ids);
			},
			() => this.#fail()
		);
	}

	get ready(): boolean {
		return this.#fallback !== undefined || this.#isBuilt;
	}

	load(docs: PackedDocs): void {
		this.#docs = docs;
		if (this.#fallback === undefined) this.#port.post({ kind: 'build', docs });
		else this.#fallback.load(docs);
	}

	search(query: string, limit: number): Promise<string[]> {
		if (this.#fallback !== undefined) return this.#fallback.search(query, limit);
		const id = ++this.#asked;
		return new Promise((resolve) => {
			this.#waiting.set(id, { query, limit, resolve });
			this.#port.post({ kind: 'search', id, query, limit });
		});
	}

	#fail(): void {
		if (this.#fallback !== undefined) return;
		this.#port.close();
		const fallback = new LocalSearch();
		if (this.#docs !== undefined) fallback.load(this.#docs);
		this.#fallback = fallback;
		for (const { query, limit, resolve } of this.#waiting.values()) {
			void fallback.search(query, limit).then(resolve);
		}
		this.#waiting.clear();
	}
}

/** A worker-backed search where the platform has workers, else in-thread. */
export function createItemSearch(): ItemSearch {
	if (typeof Worker === 'undefined') return new LocalSearch();
	const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
	return new WorkerSearch(workerPort(worker));
}
