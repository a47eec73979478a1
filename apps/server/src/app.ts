import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { appRouter, createInnerContext, type ServerInfo, type Session } from '@deadwax/api';
import type { Clock, ServerStores } from '@deadwax/sync';
import { serveStatic } from '@hono/node-server/serve-static';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import { sessionResolver } from './auth/index.ts';
import { clientAddressOf, responseCookies } from './auth/label-session.ts';
import { officeAuthRoutes } from './auth/office-session.ts';
import { silentLog, type Log } from './log.ts';

export interface AppDeps {
	stores: ServerStores;
	info: ServerInfo;
	clock: Clock;
	/** The built web app; when the folder is missing, pages answer 503 saying how to build it. */
	webRoot: string;
	/** Who is calling; every request is anonymous until sign-in lands. */
	resolveAuth?: (request: Request) => Promise<Session>;
	log?: Log;
	/** Read the client's address from X-Forwarded-For (TRUST_PROXY); off by default. */
	trustProxy?: boolean;
}

const NO_CACHE = 'no-cache';
const ONE_YEAR = 'public, max-age=31536000, immutable';

/**
 * How long a browser may keep a static file. Hashed files under _app/immutable never change; the
 * service worker, workbox runtime and index.html must be revalidated on every load or an update
 * would never reach the tablets.
 */
export function cacheControlFor(path: string): string {
	return path.startsWith('/_app/immutable/') ? ONE_YEAR : NO_CACHE;
}

/** A path that names a file (has an extension) gets a 404 when missing; anything else is an SPA route. */
function looksLikeFile(path: string): boolean {
	return extname(path) !== '';
}

/** The token of `Authorization: Bearer <token>`, or null; sync procedures resolve it to a device. */
export function bearerTokenOf(request: Request): string | null {
	const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
	return match?.[1] ?? null;
}

/** The Hono app: /healthz, tRPC at /trpc, and the web app with SPA fallback. Tests call app.request(). */
export function createApp({
	stores,
	info,
	clock,
	webRoot,
	resolveAuth = sessionResolver(stores),
	log = silentLog,
	trustProxy = false
}: AppDeps): Hono {
	const app = new Hono();

	app.get('/healthz', async (c) => {
		c.header('Cache-Control', 'no-store');
		try {
			await stores.system.ping();
			return c.json({ status: 'ok', storeKind: info.storeKind, version: info.version });
		} catch (error) {
			log.error('healthz: the database did not answer', error);
			return c.json(
				{
					status: 'unavailable',
					storeKind: info.storeKind,
					version: info.version,
					error: 'database unavailable'
				},
				503
			);
		}
	});

	app.route('/auth/office', officeAuthRoutes(stores));

	app.all('/trpc/*', async (c) => {
		const response = await fetchRequestHandler({
			endpoint: '/trpc',
			req: c.req.raw,
			router: appRouter,
			createContext: async ({ resHeaders }) =>
				createInnerContext({
					stores,
					config: info,
					clock,
					auth: await resolveAuth(c.req.raw),
					bearerToken: bearerTokenOf(c.req.raw),
					cookies: responseCookies(resHeaders, c.req.raw),
					clientAddress: clientAddressOf(c, trustProxy)
				}),
			onError({ error, path }) {
				if (error.code === 'INTERNAL_SERVER_ERROR')
					log.error(`trpc ${path ?? '?'} failed`, error.cause ?? error);
			}
		});
		response.headers.set('Cache-Control', 'no-store');
		return response;
	});

	if (!existsSync(webRoot)) {
		log.warn(`web app not built at ${webRoot}: pages answer 503 until \`pnpm build\` runs`);
		app.get('*', (c) =>
			c.text(
				`The web app is not built yet (looked in ${webRoot}). Run \`pnpm build\`, or start with \`npm start\`.`,
				503
			)
		);
		return app;
	}

	app.use('*', async (c, next) => {
		await next();
		if (c.req.method === 'GET' || c.req.method === 'HEAD') {
			if (c.res.status === 200 && !c.res.headers.has('Cache-Control')) {
				c.res.headers.set('Cache-Control', cacheControlFor(c.req.path));
			}
		}
	});
	app.get('*', serveStatic({ root: webRoot }));
	const spaShell = serveStatic({ root: webRoot, path: 'index.html' });
	app.get('*', async (c, next) => {
		if (looksLikeFile(c.req.path)) return c.notFound();
		c.header('Cache-Control', NO_CACHE);
		return spaShell(c, next);
	});
	return app;
}
