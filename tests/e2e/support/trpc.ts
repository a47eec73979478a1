import { expect, type APIRequestContext } from '@playwright/test';

/*
 * tRPC over plain HTTP, as the app's own client sends it: queries as GET with the input in the
 * query string, mutations as POST with a JSON body. A failed call fails the test with the server's
 * answer in the message.
 */

export type Headers = Record<string, string>;

async function answer<T>(
	response: Awaited<ReturnType<APIRequestContext['get']>>,
	path: string
): Promise<T> {
	expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
	return ((await response.json()) as { result: { data: T } }).result.data;
}

export async function query<T>(
	request: APIRequestContext,
	path: string,
	input?: unknown,
	headers: Headers = {}
): Promise<T> {
	const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
	return answer<T>(await request.get(`/trpc/${path}${qs}`, { headers }), path);
}

export async function mutate<T>(
	request: APIRequestContext,
	path: string,
	input?: unknown,
	headers: Headers = {}
): Promise<T> {
	return answer<T>(await request.post(`/trpc/${path}`, { data: input ?? null, headers }), path);
}
