import { describe, expect, test } from 'vitest';
import { LocalSearch, WorkerSearch, type SearchPort } from './item-search.ts';
import { SearchIndex, type SearchDoc } from './search-index.ts';
import {
	BATCH,
	createSearchService,
	packDocs,
	unpackDocs,
	type SearchReply,
	type SearchRequest
} from './search-service.ts';

const RECORDS: SearchDoc[] = [
	{ id: 'a', fields: ['Sigur Rós', 'Ágætis byrjun', 'Fat Cat', 'FATCD11', null] },
	{ id: 'b', fields: ['Svek', "Knockin' Boots", 'Svek', 'SK-026', 'SK026-N'] },
	{ id: 'c', fields: ['Sade', 'Diamond Life', 'Epic', 'EPC 26044', undefined] }
];

/** `count` records "Artist n – Title n", catalog number BULK-n. */
function bulk(count: number, prefix = 'bulk'): SearchDoc[] {
	return Array.from({ length: count }, (_, n) => ({
		id: `${prefix}-${n}`,
		fields: [`Artist ${n}`, `Title ${n}`, null, `${prefix.toUpperCase()}-${n}`]
	}));
}

/**
 * A worker in one task queue, as the browser runs it: messages to the worker, its yields between
 * batches and its replies are tasks, run in order by `drain`.
 */
function fakeWorker() {
	const tasks: (() => void)[] = [];
	const replies: SearchReply[] = [];
	let onReply: (reply: SearchReply) => void = () => {};
	let onError: () => void = () => {};
	let yields = 0;
	let isClosed = false;
	const handle = createSearchService(
		(reply) =>
			tasks.push(() => {
				replies.push(reply);
				onReply(reply);
			}),
		(run) => {
			yields += 1;
			tasks.push(run);
		}
	);
	const port: SearchPort = {
		post: (request: SearchRequest) => tasks.push(() => handle(request)),
		listen: (reply, error) => {
			onReply = reply;
			onError = error;
		},
		close: () => {
			isClosed = true;
			tasks.length = 0;
		}
	};
	return {
		port,
		replies,
		get yields() {
			return yields;
		},
		get isClosed() {
			return isClosed;
		},
		/** Runs one task; false when there was none. */
		step: () => {
			const task = tasks.shift();
			task?.();
			return task !== undefined;
		},
		drain: async () => {
			while (tasks.length > 0) {
				tasks.shift()?.();
				await Promise.resolve();
			}
		},
		crash: () => onError()
	};
}

describe('packDocs', () => {
	test('round-trips every field, an empty field for a missing one', () => {
		expect([...unpackDocs(packDocs(RECORDS))]).toEqual([
			{ id: 'a', fields: ['Sigur Rós', 'Ágætis byrjun', 'Fat Cat', 'FATCD11', ''] },
			{ id: 'b', fields: ['Svek', "Knockin' Boots", 'Svek', 'SK-026', 'SK026-N'] },
			{ id: 'c', fields: ['Sade', 'Diamond Life', 'Epic', 'EPC 26044', ''] }
		]);
	});
});

describe('WorkerSearch over the search service', () => {
	test('finds what an index built in one go finds, for the same queries', async () => {
		const docs = [...RECORDS, ...bulk(BATCH * 2 + 7)];
		const direct = SearchIndex.build(docs);
		const worker = fakeWorker();
		const search = new WorkerSearch(worker.port);
		search.load(packDocs(docs));
		for (const query of [
			'ros',
			'ÁGÆT',
			'sk026',
			'sk-026',
			'sade diamond',
			'artist 1',
			'bulk-4',
			'x'
		]) {
			const found = search.search(query, 20);
			await worker.drain();
			expect(await found, query).toEqual(direct.search(query, 20));
		}
	});

	test('builds a batch at a time, yielding between batches, and is ready once built', async () => {
		const worker = fakeWorker();
		const search = new WorkerSearch(worker.port);
		search.load(packDocs(bulk(BATCH * 3)));
		expect(search.ready).toBe(false);
		await worker.drain();
		expect(worker.yields).toBe(3);
		expect(worker.replies).toEqual([{ kind: 'built', size: BATCH * 3 }]);
		expect(search.ready).toBe(true);
	});

	test('a search made before the first index exists is answered once it is built', async () => {
		const worker = fakeWorker();
		const search = new WorkerSearch(worker.port);
		search.load(packDocs(bulk(BATCH * 2)));
		const found = search.search('bulk-4001', 5);
		let answer: string[] | undefined;
		void found.then((ids) => (answer = ids));
		worker.step(); // the build message: schedules the first batch
		worker.step(); // the search message: no index yet, so it waits
		await Promise.resolve();
		expect(answer).toBeUndefined();
		await worker.drain();
		expect(answer).toEqual(['bulk-4001']);
		expect(worker.replies.map((r) => r.kind)).toEqual(['built', 'found']);
	});

	test('while a reload is indexed, searches are answered from the previous index', async () => {
		const worker = fakeWorker();
		const search = new WorkerSearch(worker.port);
		search.load(packDocs(bulk(10, 'old')));
		await worker.drain();
		search.load(packDocs(bulk(BATCH * 3, 'new')));
		worker.step(); // the build message
		worker.step(); // first batch of the new index
		const during = search.search('old-3', 5);
		await worker.drain();
		expect(await during).toEqual(['old-3']);
		const after = search.search('old-3', 5);
		const fresh = search.search('new-3', 1);
		await worker.drain();
		expect(await after).toEqual([]);
		expect(await fresh).toEqual(['new-3']);
	});

	test('a newer load replaces one still being indexed', async () => {
		const worker = fakeWorker();
		const search = new WorkerSearch(worker.port);
		search.load(packDocs(bulk(BATCH * 3, 'first')));
		worker.step();
		worker.step();
		search.load(packDocs(bulk(5, 'second')));
		await worker.drain();
		expect(worker.replies).toEqual([{ kind: 'built', size: 5 }]);
		const found = search.search('first', 5);
		await worker.drain();
		expect(await found).toEqual([]);
	});

	test('when the worker fails, waiting and later searches run in this thread', async () => {
		const worker = fakeWorker();
		const search = new WorkerSearch(worker.port);
		search.load(packDocs(RECORDS));
		const waiting = search.search('sade', 5);
		worker.crash();
		expect(worker.isClosed).toBe(true);
		expect(search.ready).toBe(true);
		expect(await waiting).toEqual(['c']);
		search.load(packDocs(bulk(3)));
		expect(await search.search('title 2', 5)).toEqual(['bulk-2']);
	});
});

describe('LocalSearch', () => {
	test('indexes on the first search after each load', async () => {
		const search = new LocalSearch();
		expect(await search.search('svek', 5)).toEqual([]);
		search.load(packDocs(RECORDS));
		expect(await search.search('svek', 5)).toEqual(['b']);
		search.load(packDocs(bulk(2)));
		expect(await search.search('svek', 5)).toEqual([]);
	});
});
