import type { Page } from '@playwright/test';
import { RegisterPos } from '../../e2e/pages/register-pos.ts';
import { REGISTER_DB, shopRows, STAFF } from '../../e2e/support/register-fixture.ts';
import { compared, round, type BenchContext, type Metric } from '../metric.ts';

/*
 * The register at the counter with 100,000 items stored locally: scan to line rendered, search
 * keystroke to results rendered, and sale commit to receipt, each p95 of in-page timings (the
 * page's own clock, so no round trip to the runner is counted), each beside a raw IndexedDB or
 * array baseline measured in the same page.
 */

const ITEM_COUNT = 100_000;
const SAMPLES = 40;
const TABLET = { width: 768, height: 1024 };

function p95(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0, 2);
}

/** Writes 100,000 releases, items and stock levels straight into the register's IndexedDB. */
async function seedBulk(page: Page, count: number): Promise<void> {
	await page.evaluate(
		async ({ name, count }) => {
			const words = [
				'Black',
				'Velvet',
				'Moon',
				'River',
				'Static',
				'Echo',
				'Golden',
				'Night',
				'Paper',
				'Glass',
				'Iron',
				'Coral',
				'Neon',
				'Dust',
				'Honey',
				'Polar'
			];
			const w = (i: number, n: number) =>
				words[(i * (n + 3) + Math.floor(i / (n * 7 + 5))) % words.length];
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open(name);
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error ?? new Error('IndexedDB open failed'));
			});
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction(['releases', 'items', 'stockLevels'], 'readwrite');
				const releases = tx.objectStore('releases');
				const items = tx.objectStore('items');
				const stock = tx.objectStore('stockLevels');
				for (let i = 0; i < count; i++) {
					const id = `bulk-${i}`;
					releases.put({
						id: `rel-${id}`,
						artist: `${w(i, 1)} ${w(i, 2)} ${i % 997}`,
						title: `${w(i, 3)} ${w(i, 4)} ${i}`,
						label: `${w(i, 5)} Records`,
						catno: `BLK-${i}`,
						format: 'LP',
						year: 1970 + (i % 50),
						genres: ['Rock'],
						barcodes: [`20${String(i).padStart(10, '0')}`]
					});
					items.put({
						id,
						releaseId: `rel-${id}`,
						title: null,
						kind: i % 10 === 0 ? 'used' : 'new',
						sku: null,
						priceCents: 1000 + (i % 3000),
						taxClassId: 'std',
						mediaGrade: i % 10 === 0 ? 'VG+' : null,
						sleeveGrade: i % 10 === 0 ? 'VG' : null,
						bin: i % 10 === 0 ? `B${i % 40}` : null,
						genre: i % 10 === 0 ? 'Rock' : null,
						labelId: null,
						status: 'active'
					});
					stock.put({ itemId: id, onHand: 5, seq: 1 });
				}
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
			});
			db.close();
		},
		{ name: REGISTER_DB, count }
	);
}

/** Scans (as a keyboard wedge) distinct items; ms from the first key to the new line on screen. */
async function scanTimes(page: Page): Promise<number[]> {
	return page.evaluate(async (samples) => {
		const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
		const times: number[] = [];
		for (let n = 0; n < samples; n++) {
			const code = `20${String(1000 + n * 997).padStart(10, '0')}`;
			const before = document.querySelectorAll('[data-testid="sale-line"]').length;
			const t0 = performance.now();
			for (const key of [...code, 'Enter']) {
				document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
			}
			while (document.querySelectorAll('[data-testid="sale-line"]').length === before)
				await frame();
			times.push(performance.now() - t0);
		}
		return times;
	}, SAMPLES);
}

/** Baseline: a raw IndexedDB get of one item by key, in a connection of its own. */
async function rawGetTimes(page: Page): Promise<number[]> {
	return page.evaluate(
		async ({ name, samples }) => {
			const db = await new Promise<IDBDatabase>((resolve) => {
				const r = indexedDB.open(name);
				r.onsuccess = () => resolve(r.result);
			});
			const times: number[] = [];
			for (let n = 0; n < samples; n++) {
				const t0 = performance.now();
				await new Promise((resolve) => {
					const r = db
						.transaction('items')
						.objectStore('items')
						.get(`bulk-${1000 + n * 997}`);
					r.onsuccess = () => resolve(r.result);
				});
				times.push(performance.now() - t0);
			}
			db.close();
			return times;
		},
		{ name: REGISTER_DB, samples: SAMPLES }
	);
}

const QUERIES = [
	'v',
	've',
	'vel',
	'velv',
	'velvet',
	'velvet m',
	'velvet mo',
	'g',
	'go',
	'gol',
	'golden',
	'golden r',
	'blk-4',
	'blk-42',
	'p',
	'po',
	'pol',
	'polar',
	'polar d',
	'polar du'
];

/** Sets the search box as a keystroke does; ms until the results list shows the new answer. */
async function searchTimes(page: Page): Promise<number[]> {
	return page.evaluate(async (queries) => {
		const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
		const input = document.querySelector<HTMLInputElement>('[data-testid="search"]');
		if (input === null) throw new Error('no search box on the sell screen');
		const times: number[] = [];
		for (let round = 0; round < 2; round++) {
			for (const q of queries) {
				input.value = '';
				input.dispatchEvent(new Event('input', { bubbles: true }));
				await frame();
				const t0 = performance.now();
				input.value = q;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				for (;;) {
					const list = document.querySelector('[data-testid="search-results"]');
					if (list !== null && list.childElementCount > 0) break;
					await frame();
				}
				times.push(performance.now() - t0);
			}
		}
		return times;
	}, QUERIES);
}

/** Baseline: the linear scan an index avoids, over the same 100,000 records held in memory. */
async function rawFilterTimes(page: Page): Promise<number[]> {
	return page.evaluate(
		async ({ name, queries }) => {
			const db = await new Promise<IDBDatabase>((resolve) => {
				const r = indexedDB.open(name);
				r.onsuccess = () => resolve(r.result);
			});
			const rows = await new Promise<
				{ artist: string; title: string; label: string; catno: string }[]
			>((resolve) => {
				const r = db.transaction('releases').objectStore('releases').getAll();
				r.onsuccess = () => resolve(r.result as never);
			});
			db.close();
			const texts = rows.map((r) => `${r.artist} ${r.title} ${r.label} ${r.catno}`.toLowerCase());
			const times: number[] = [];
			for (let round = 0; round < 2; round++) {
				for (const q of queries) {
					const t0 = performance.now();
					const words = q.split(' ');
					texts.filter((t) => words.every((w) => t.includes(w))).slice(0, 30);
					times.push(performance.now() - t0);
				}
			}
			return times;
		},
		{ name: REGISTER_DB, queries: QUERIES }
	);
}

/** Rings up one item and pays exact cash; ms from the tender press to the receipt on screen. */
async function commitTimes(page: Page, register: RegisterPos): Promise<number[]> {
	const times: number[] = [];
	for (let n = 0; n < SAMPLES / 2; n++) {
		await register.scan(`20${String(5000 + n).padStart(10, '0')}`);
		await page.getByRole('button', { name: /^Pay / }).click();
		const ms = await page.evaluate(async () => {
			const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
			const exact = [...document.querySelectorAll('button')].find((b) =>
				b.textContent?.trim().startsWith('Exact')
			);
			if (exact === undefined) throw new Error('no Exact button');
			const t0 = performance.now();
			exact.click();
			while (document.querySelector('[data-testid="receipt"]') === null) await frame();
			return performance.now() - t0;
		});
		times.push(ms);
		await page.getByRole('button', { name: 'New sale' }).click();
	}
	return times;
}

/** Baseline: a raw IndexedDB put of a sale-sized record with strict durability. */
async function rawPutTimes(page: Page): Promise<number[]> {
	return page.evaluate(
		async ({ name, samples }) => {
			const db = await new Promise<IDBDatabase>((resolve) => {
				const r = indexedDB.open(name);
				r.onsuccess = () => resolve(r.result);
			});
			const times: number[] = [];
			for (let n = 0; n < samples; n++) {
				const t0 = performance.now();
				await new Promise<void>((resolve) => {
					const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
					tx.objectStore('meta').put({
						key: `bench-${n}`,
						value: { lines: [{ itemId: 'x', quantity: 1, totalCents: 1999 }], receiptNo: `T1-${n}` }
					});
					tx.oncomplete = () => resolve();
				});
				times.push(performance.now() - t0);
			}
			db.close();
			return times;
		},
		{ name: REGISTER_DB, samples: SAMPLES / 2 }
	);
}

export async function measure(ctx: BenchContext): Promise<Metric[]> {
	const context = await ctx.newContext({ viewport: TABLET, serviceWorkers: 'block' });
	try {
		// tsx compiles with keepNames: functions inside page.evaluate call esbuild's __name helper.
		await context.addInitScript('globalThis.__name = (fn) => fn;');
		const page = await context.newPage();
		const register = new RegisterPos(page);
		await register.open();
		const rows = await shopRows();
		await page.evaluate(
			async ({ name, data }) => {
				const db = await new Promise<IDBDatabase>((resolve) => {
					const r = indexedDB.open(name);
					r.onsuccess = () => resolve(r.result);
				});
				await new Promise<void>((resolve) => {
					const tx = db.transaction(Object.keys(data), 'readwrite');
					for (const [table, list] of Object.entries(data))
						for (const row of list) tx.objectStore(table).put(row);
					tx.oncomplete = () => resolve();
				});
				db.close();
			},
			{ name: REGISTER_DB, data: rows }
		);
		ctx.log(`  seeding ${ITEM_COUNT} items`);
		await seedBulk(page, ITEM_COUNT);
		const openedAt = Date.now();
		await register.open('/register', 120_000);
		ctx.log(
			`  the register read ${ITEM_COUNT} items and built its index in ${Date.now() - openedAt} ms`
		);
		await context.setOffline(true);
		await register.signedIn(STAFF.clerk);
		ctx.log('  scan, search and commit');
		const scan = await scanTimes(page);
		await page.getByRole('button', { name: 'Void sale' }).click();
		const search = await searchTimes(page);
		await register.search.fill('');
		const commit = await commitTimes(page, register);
		const [rawGet, rawFilter, rawPut] = [
			await rawGetTimes(page),
			await rawFilterTimes(page),
			await rawPutTimes(page)
		];
		return [
			compared({
				name: `register scan to line rendered p95 (${ITEM_COUNT / 1000}k items)`,
				value: p95(scan),
				unit: 'ms',
				baseline: { name: 'raw IndexedDB get by key p95', value: p95(rawGet) },
				goal: { max: 100 }
			}),
			compared({
				name: `register search keystroke to results p95 (${ITEM_COUNT / 1000}k items)`,
				value: p95(search),
				unit: 'ms',
				baseline: { name: 'raw array filter over the same records p95', value: p95(rawFilter) },
				goal: { max: 100 }
			}),
			compared({
				name: 'register sale commit to receipt p95',
				value: p95(commit),
				unit: 'ms',
				baseline: { name: 'raw IndexedDB put (strict durability) p95', value: p95(rawPut) },
				goal: { max: 500 }
			})
		];
	} finally {
		await context.close();
	}
}
