import type { BrowserContext, Page, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { compared, median, round, type BenchContext, type Metric } from '../metric.ts';

/** Set by apps/web once the register has read this tablet's settings and can be used. */
const REGISTER_READY_MARK = 'deadwax:register-ready';
const LOADS = 10;
const TABLET = { width: 768, height: 1024 };

/**
 * Milliseconds from the start of the navigation to the register's ready mark (the page's own
 * performance timeline, so no round trip to the test runner is counted).
 */
async function loadRegister(page: Page): Promise<{ readyMs: number; response: Response | null }> {
	const response = await page.goto('/register');
	const readyMs = await page.evaluate(async (mark) => {
		for (;;) {
			const [entry] = performance.getEntriesByName(mark);
			if (entry !== undefined) return entry.startTime;
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	}, REGISTER_READY_MARK);
	return { readyMs, response };
}

/**
 * Cold start offline: the service worker is installed, the network is off, the worker itself is
 * stopped (so its start-up is counted) and every load is a new page.
 */
async function coldStartsOffline(ctx: BenchContext): Promise<number[]> {
	const context = await ctx.newContext({ viewport: TABLET, serviceWorkers: 'allow' });
	try {
		const first = await context.newPage();
		await loadRegister(first);
		await first.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await first.close();
		await context.setOffline(true);

		const timesMs: number[] = [];
		for (let i = 0; i < LOADS; i++) {
			await stopServiceWorkers(context);
			const page = await context.newPage();
			const { readyMs, response } = await loadRegister(page);
			if (response?.fromServiceWorker() !== true) {
				throw new Error(`offline load ${i + 1} of /register did not come from the service worker`);
			}
			timesMs.push(readyMs);
			await page.close();
		}
		return timesMs;
	} finally {
		await context.close();
	}
}

async function stopServiceWorkers(context: BrowserContext): Promise<void> {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('ServiceWorker.enable');
	await cdp.send('ServiceWorker.stopAllWorkers');
	await cdp.detach();
	await page.close();
}

/** The baseline: online, a new context each time (cold HTTP cache) and no service worker. */
async function coldStartsOnline(ctx: BenchContext): Promise<number[]> {
	const timesMs: number[] = [];
	for (let i = 0; i < LOADS; i++) {
		const context = await ctx.newContext({ viewport: TABLET, serviceWorkers: 'block' });
		const page = await context.newPage();
		timesMs.push((await loadRegister(page)).readyMs);
		await context.close();
	}
	return timesMs;
}

/** Gzip KB (zlib's default level) of every JS and CSS file a first visit to `path` loads. */
async function jsCssGzipKb(ctx: BenchContext, path: string): Promise<number> {
	const context = await ctx.newContext({ viewport: TABLET, serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		const assets = new Map<string, Response>();
		page.on('response', (response) => {
			const { pathname } = new URL(response.url());
			if (/\.(js|css)$/.test(pathname)) assets.set(pathname, response);
		});
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		if (assets.size === 0) throw new Error(`${path} loaded no JS or CSS; is the build served?`);
		let bytes = 0;
		for (const response of assets.values()) bytes += gzipSync(await response.body()).length;
		return round(bytes / 1024, 1);
	} finally {
		await context.close();
	}
}

export async function measure(ctx: BenchContext): Promise<Metric[]> {
	ctx.log(`  cold start of /register offline from the service worker, ${LOADS} loads`);
	const offlineMs = median(await coldStartsOffline(ctx));
	ctx.log(`  cold start of /register online without a service worker, ${LOADS} loads`);
	const onlineMs = median(await coldStartsOnline(ctx));
	ctx.log('  JS and CSS of /register and of /');
	const registerKb = await jsCssGzipKb(ctx, '/register');
	const landingKb = await jsCssGzipKb(ctx, '/');

	return [
		compared({
			name: `cold start /register, offline from SW cache (median of ${LOADS})`,
			value: round(offlineMs, 0),
			unit: 'ms',
			baseline: { name: 'online, cold HTTP cache, no SW', value: round(onlineMs, 0) },
			goal: { max: 1500 }
		}),
		compared({
			name: 'JS + CSS transferred for /register (gzip)',
			value: registerKb,
			unit: 'KB',
			baseline: { name: 'landing page /', value: landingKb },
			goal: { max: 150 }
		})
	];
}
