import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { clientAddressOf } from './label-session.ts';

/** What clientAddressOf makes of a request with these headers. */
async function addressFor(headers: Record<string, string>, trustProxy: boolean): Promise<string> {
	const app = new Hono().get('/', (c) => c.text(String(clientAddressOf(c, trustProxy))));
	return (await app.request('/', { headers })).text();
}

test('X-Forwarded-For is ignored unless TRUST_PROXY says a proxy sets it', async () => {
	// No socket behind app.request(): the address is unknown, whatever the header claims.
	expect(await addressFor({ 'x-forwarded-for': '203.0.113.7' }, false)).toBe('null');
});

test('behind a trusted proxy the address it appended (the last one) counts, not what the client sent', async () => {
	expect(await addressFor({ 'x-forwarded-for': '10.6.6.6, 203.0.113.7' }, true)).toBe(
		'203.0.113.7'
	);
	expect(await addressFor({ 'x-forwarded-for': ' 198.51.100.2 ' }, true)).toBe('198.51.100.2');
	expect(await addressFor({}, true)).toBe('null');
});
