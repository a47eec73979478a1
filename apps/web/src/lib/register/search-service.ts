import { SearchIndexBuilder, type SearchDoc, type SearchIndex } from './search-index.ts';

/*
 * The search index behind a message port: what search-worker.ts runs, kept free of worker APIs so
 * the unit tests drive it directly. A build arrives as one message and is indexed a batch at a
 * time, yielding between batches: queries that arrive meanwhile are answered from the previous
 * index (after a sync pull) or, when there is none yet, as soon as the first build is done.
 */

/** Documents packed for postMessage: two string arrays clone far faster than 100,000 objects. */
export interface PackedDocs {
	readonly ids: readonly string[];
	/** The fields of each document joined with FIELD_SEPARATOR. */
	readonly texts: readonly string[];
}

/** ASCII unit separator: never typed, and a word boundary to tokenize. */
const FIELD_SEPARATOR = '\u001f';

/**
 * One document's fields as PackedDocs holds them. Joined into one flat string: postMessage clones
 * those faster than the nested strings concatenation leaves.
 */
export function packFields(fields: readonly string[]): string {
	return fields.join(FIELD_SEPARATOR);
}

export function packDocs(docs: Iterable<SearchDoc>): PackedDocs {
	const ids: string[] = [];
	const texts: string[] = [];
	for (const doc of docs) {
		ids.push(doc.id);
		texts.push(packFields(doc.fields.map((f) => f ?? '')));
	}
	return { ids, texts };
}

export function* unpackDocs(
	packed: PackedDocs,
	from = 0,
	to = packed.ids.length
): Generator<SearchDoc> {
	for (let i = from; i < to; i++) {
		yield { id: packed.ids[i] ?? '', fields: (packed.texts[i] ?? '').split(FIELD_SEPARATOR) };
	}
}

export type SearchRequest =
	| { readonly kind: 'build'; readonly docs: PackedDocs }
	| {
			readonly kind: 'search';
			readonly id: number;
			readonly query: string;
			readonly limit: number;
	  };

export type SearchReply =
	| { readonly kind: 'built'; readonly size: number }
	| { readonly kind: 'found'; readonly id: number; readonly ids: string[] };

/** Documents indexed between yields: a query waits at most this long behind a build. */
export const BATCH = 4000;

/**
 * Returns the handler for requests. `post` sends a reply; `later` runs a function after any
 * messages already queued (setTimeout in the worker), which is what lets queries in between
 * batches. A new build replaces one still running.
 */
export function createSearchService(
	post: (reply: SearchReply) => void,
	later: (run: () => void) => void
): (request: SearchRequest) => void {
	let index: SearchIndex | undefined;
	let building: { docs: PackedDocs; builder: SearchIndexBuilder; next: number } | undefined;
	const waiting: { id: number; query: string; limit: number }[] = [];

	const answer = (q: { id: number; query: string; limit: number }, from: SearchIndex): void => {
		post({ kind: 'found', id: q.id, ids: from.search(q.query, q.limit) });
	};

	const step = (job: NonNullable<typeof building>): void => {
		if (building !== job) return; // replaced by a newer build
		const to = Math.min(job.next + BATCH, job.docs.ids.length);
		job.builder.add(unpackDocs(job.docs, job.next, to));
		job.next = to;
		if (to < job.docs.ids.length) {
			later(() => step(job));
			return;
		}
		building = undefined;
		index = job.builder.finish();
		post({ kind: 'built', size: index.size });
		for (const q of waiting.splice(0)) answer(q, index);
	};

	return (request) => {
		if (request.kind === 'build') {
			const job = { docs: request.docs, builder: new SearchIndexBuilder(), next: 0 };
			building = job;
			later(() => step(job));
		} else if (index === undefined) {
			waiting.push(request);
		} else {
			answer(request, index);
		}
	};
}
