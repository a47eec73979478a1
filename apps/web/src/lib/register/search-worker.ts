import { createSearchService, type SearchReply, type SearchRequest } from './search-service.ts';

/*
 * The register's search index, off the main thread: building it for 100,000 items takes seconds
 * on a tablet, which would freeze the counter. Started by item-search.ts.
 */

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
	postMessage(reply: SearchReply): void;
};

const handle = createSearchService(
	(reply) => scope.postMessage(reply),
	(run) => setTimeout(run, 0)
);

scope.onmessage = (event) => handle(event.data);
