// Runs in Chromium (bundled by sync-bootstrap.ts): a new register's first load of a large catalog
// through SyncEngine.bootstrap, against raw Dexie bulkPut of the same rows.
import { Dexie } from 'dexie';
import { DeadwaxDb, LocalStore, SyncEngine } from '@deadwax/sync/client';
import type { PullOutput } from '@deadwax/sync';

type Timing = { syncMs: number; rawMs: number; items: number };

function pagesOf(count: number, pageSize: number): PullOutput[] {
	const pages: PullOutput[] = [];
	for (let start = 0; start < count; start += pageSize) {
		const changes = [];
		for (let i = start; i < Math.min(count, start + pageSize); i++) {
			// Shaped like the server's item snapshot.
			changes.push({
				seq: i + 1,
				entity: 'item' as const,
				entityId: `item-${i}`,
				data: {
					id: `item-${i}`,
					releaseId: `release-${i % 40_000}`,
					title: `Artist ${i % 9_000} — Title of record number ${i}`,
					kind: i % 5 === 0 ? 'used' : 'new',
					sku: i % 5 === 0 ? `2000000${String(i).padStart(6, '0')}` : null,
					priceCents: 999 + (i % 4_000),
					costCents: 500 + (i % 2_000),
					taxClassId: 'standard',
					mediaGrade: i % 5 === 0 ? 'VG+' : null,
					sleeveGrade: i % 5 === 0 ? 'VG' : null,
					bin: `Bin ${i % 120}`,
					genre: ['Rock', 'Jazz', 'Electronic', 'Soul'][i % 4],
					labelId: i % 7 === 0 ? 'label-1' : null,
					notes: null,
					status: 'active',
					version: 1,
					updatedAt: '2026-03-01T10:00:00.000Z'
				}
			});
		}
		const cursor = Math.min(count, start + pageSize);
		pages.push({ changes, cursor, hasMore: cursor < count, highWater: count });
	}
	return pages;
}

async function viaSync(pages: PullOutput[], pageSize: number, name: string): Promise<number> {
	const db = new DeadwaxDb(name);
	await db.open();
	const store = new LocalStore(db);
	const engine = new SyncEngine({
		store,
		locks: null,
		pageLimit: pageSize,
		transport: {
			push: () => Promise.reject(new Error('nothing to push in a bootstrap')),
			pull: ({ cursor }) => Promise.resolve(pages[cursor / pageSize]!)
		}
	});
	const started = performance.now();
	await engine.bootstrap();
	const ms = performance.now() - started;
	const count = await db.items.count();
	if (count !== pages.at(-1)!.cursor) throw new Error(`bootstrap stored ${count} items`);
	db.close();
	return ms;
}

async function viaRawDexie(pages: PullOutput[], name: string): Promise<number> {
	// Same table, indexes and durability as the register's database.
	const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
	db.version(1).stores({ items: 'id, releaseId' });
	await db.open();
	const table = db.table('items');
	const started = performance.now();
	for (const page of pages)
		await table.bulkPut(page.changes.map((c) => ({ ...c.data, id: c.entityId })));
	const ms = performance.now() - started;
	db.close();
	return ms;
}

async function run(count: number, pageSize: number, rounds: number): Promise<Timing> {
	const pages = pagesOf(count, pageSize);
	const sync: number[] = [];
	const raw: number[] = [];
	// Alternate which goes first, so neither always gets the warmer disk cache.
	for (let r = 0; r < rounds; r++) {
		if (r % 2 === 1) sync.push(await viaSync(pages, pageSize, `sync-${r}-${Date.now()}`));
		raw.push(await viaRawDexie(pages, `raw-${r}-${Date.now()}`));
		if (r % 2 === 0) sync.push(await viaSync(pages, pageSize, `sync-${r}-${Date.now()}`));
	}
	return { syncMs: Math.min(...sync), rawMs: Math.min(...raw), items: count };
}

(globalThis as unknown as { benchBootstrap: typeof run }).benchBootstrap = run;
