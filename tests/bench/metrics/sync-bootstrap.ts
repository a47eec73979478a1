import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compared, round, type BenchContext, type Metric } from '../metric.ts';

const ITEMS = 100_000;
const PAGE = 1_000;
const ROUNDS = 2;

/** The part of esbuild's API used here. */
type Esbuild = {
	build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
};

/**
 * Bundles the in-browser half (sync-pages/bootstrap.ts) with the esbuild that tsx already brings,
 * so the page runs the real packages/sync client and Dexie without a build of apps/web.
 */
async function bundle(): Promise<string> {
	const esbuild = createRequire(import.meta.resolve('tsx'))('esbuild') as Esbuild;
	const result = await esbuild.build({
		entryPoints: [fileURLToPath(new URL('./sync-pages/bootstrap.ts', import.meta.url))],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'es2022',
		write: false,
		minify: true
	});
	return result.outputFiles[0]!.text;
}

/**
 * A new tablet's first load of a 100,000-item catalog into IndexedDB in Chromium: SyncEngine
 * bootstrap (1,000-change pages, each applied in one transaction with its cursor) against raw Dexie
 * bulkPut of the same rows in the same 1,000-row transactions. Pages come from memory, so this is
 * the client's apply cost, not the network. Best of two rounds each.
 */
export async function measure(ctx: BenchContext): Promise<Metric[]> {
	const script = await bundle();
	const context = await ctx.newContext();
	try {
		await context.route('http://bench.local/**', (route) => {
			const isScript = route.request().url().endsWith('.js');
			return route.fulfill({
				contentType: isScript ? 'text/javascript' : 'text/html',
				body: isScript
					? script
					: '<!doctype html><meta charset="utf-8"><script type="module" src="/bootstrap.js"></script>'
			});
		});
		const page = await context.newPage();
		await page.goto('http://bench.local/');
		await page.waitForFunction(() => 'benchBootstrap' in globalThis);
		ctx.log(`  bootstrapping ${ITEMS} items, ${ROUNDS} rounds each way`);
		const timing = await page.evaluate(
			([items, pageSize, rounds]) =>
				(
					globalThis as unknown as {
						benchBootstrap(
							a: number,
							b: number,
							c: number
						): Promise<{ syncMs: number; rawMs: number }>;
					}
				).benchBootstrap(items, pageSize, rounds),
			[ITEMS, PAGE, ROUNDS] as const
		);
		return [
			compared({
				name: 'sync: new tablet bootstrap, 100k items into IndexedDB',
				value: round(timing.syncMs),
				unit: 'ms',
				baseline: { name: 'raw Dexie bulkPut of the same rows', value: round(timing.rawMs) },
				goal: { max: round(timing.rawMs * 1.3) }
			})
		];
	} finally {
		await context.close();
	}
}
