import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, memoryStores } from '@deadwax/api/testing';
import { expect, test } from 'vitest';
import { cacheControlFor, createApp, type AppDeps } from './app.ts';

/** A stand-in for apps/web/build with the files whose caching matters. */
function webBuild(): string {
	const root = mkdtempSync(join(tmpdir(), 'deadwax-web-'));
	mkdirSync(join(root, '_app/immutable/entry'), { recursive: true });
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>Deadwax</title>');
	writeFileSync(join(root, 'sw.js'), 'self.addEventListener("install", () => {});');
	writeFileSync(join(root, 'workbox-9c191d2f.js'), '/* workbox */');
	writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Deadwax"}');
	writeFileSync(join(root, '_app/immutable/entry/start.Bx1.js'), 'export {};');
	return root;
}

function app(overrides: Partial<AppDeps> = {}) {
	return createApp({
		stores: memoryStores(),
		info: { version: '1.2.3', storeKind: 'sqlite' },
		clock: fixedClock('2026-03-01T10:00:00.000Z'),
		webRoot: webBuild(),
		...overrides
	});
}

test('/healthz answers 200 with the store kind when the database answers', async () => {
	const response = await app().request('/healthz');
	expect(response.status).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok', storeKind: 'sqlite', version: '1.2.3' });
	expect(response.headers.get('cache-control')).toBe('no-store');
});

test('/healthz answers 503 when the database does not', async () => {
	const response = await app({ stores: memoryStores({ isHealthy: false }) }).request('/healthz');
	expect(response.status).toBe(503);
	expect(await response.json()).toMatchObject({ status: 'unavailable', storeKind: 'sqlite' });
});

test('serves tRPC at /trpc', async () => {
	const response = await app().request('/trpc/system.info');
	expect(response.status).toBe(200);
	expect(await response.json()).toEqual({
		result: {
			data: {
				version: '1.2.3',
				storeKind: 'sqlite',
				publicUrl: null,
				serverTime: '2026-03-01T10:00:00.000Z'
			}
		}
	});
});

test('returns a clear 400 naming the field for bad tRPC input', async () => {
	const input = encodeURIComponent(JSON.stringify({ id: 42 }));
	const response = await app().request(`/trpc/shops.byId?input=${input}`);
	expect(response.status).toBe(400);
	const body = (await response.json()) as {
		error: { message: string; data: { code: string; zodIssues: unknown } };
	};
	expect(body.error.message).toBe('id: id must be a shop id');
	expect(body.error.data.code).toBe('BAD_REQUEST');
	expect(body.error.data.zodIssues).toEqual([{ path: ['id'], message: 'id must be a shop id' }]);
});

test('falls back to index.html for app routes, uncached, so deep links work offline and online', async () => {
	for (const path of ['/', '/register', '/office/stock', '/label']) {
		const response = await app().request(path);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		expect(response.headers.get('cache-control')).toBe('no-cache');
		expect(await response.text()).toContain('<title>Deadwax</title>');
	}
});

test('answers 404 for a missing file instead of the app shell', async () => {
	const response = await app().request('/_app/immutable/entry/missing.js');
	expect(response.status).toBe(404);
});

test('keeps the service worker and workbox revalidated and hashed assets for a year', async () => {
	const server = app();
	for (const path of ['/sw.js', '/workbox-9c191d2f.js', '/manifest.webmanifest']) {
		const response = await server.request(path);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-cache');
	}
	const hashed = await server.request('/_app/immutable/entry/start.Bx1.js');
	expect(hashed.status).toBe(200);
	expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
	expect(hashed.headers.get('content-type')).toMatch(/javascript/);
	expect(cacheControlFor('/index.html')).toBe('no-cache');
});

test('says how to build the web app when it is missing, and still serves the API', async () => {
	const server = app({ webRoot: join(tmpdir(), 'deadwax-no-such-build') });
	const page = await server.request('/register');
	expect(page.status).toBe(503);
	expect(await page.text()).toContain('Run `pnpm build`');
	expect((await server.request('/healthz')).status).toBe(200);
});
