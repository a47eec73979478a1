import BetterSqlite3 from 'better-sqlite3';
import { createStores } from '@deadwax/db';
import { createTestStore, insertTestShop } from '@deadwax/db/testing';
import { compared, round, type BenchContext, type Metric } from '../metric.ts';

const CHANGES = 1_000_000;
const PAGE = 1_000;
const SAMPLES = 300;

function p95(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/**
 * Pull page latency on SQLite with 1,000,000 changes in one shop's feed (plus a second shop's, so
 * the index has to do its job): p95 over 300 pages of 1,000 at random cursors through the real
 * pull (query, highWater, JSON parse), against the raw better-sqlite3 range query of the same page.
 */
export async function measure(ctx: BenchContext): Promise<Metric[]> {
	const store = await createTestStore('sqlite');
	try {
		await insertTestShop(store.database.db, { id: 'pull' });
		await insertTestShop(store.database.db, { id: 'other' });
		const path = store.database.sqlitePath!;
		ctx.log(`  writing ${CHANGES} changes`);
		const raw = new BetterSqlite3(path);
		raw.pragma('journal_mode = WAL');
		raw.pragma('synchronous = NORMAL');
		const insert = raw.prepare(
			'INSERT INTO changes (shop_id, seq, entity, entity_id, data) VALUES (?, ?, ?, ?, ?)'
		);
		const fill = raw.transaction((shopId: string, count: number) => {
			for (let seq = 1; seq <= count; seq++) {
				const isStock = seq % 3 === 0;
				const id = `item-${seq % 50_000}`;
				insert.run(
					shopId,
					seq,
					isStock ? 'stock' : 'item',
					id,
					isStock
						? JSON.stringify({ itemId: id, onHand: seq % 7 })
						: JSON.stringify({
								id,
								title: `Artist — Title ${seq}`,
								priceCents: 1999,
								kind: 'new',
								status: 'active',
								version: 1,
								updatedAt: '2026-03-01T10:00:00.000Z'
							})
				);
			}
			raw.prepare('UPDATE shops SET change_seq = ? WHERE id = ?').run(count, shopId);
		});
		fill('pull', CHANGES);
		fill('other', 100_000);
		const { sync } = createStores(store.database, { now: () => '2026-03-01T10:00:00.000Z' });
		const select = raw.prepare(
			'SELECT seq, entity, entity_id, data FROM changes WHERE shop_id = ? AND seq > ? ORDER BY seq LIMIT ?'
		);
		const cursors = Array.from({ length: SAMPLES }, (_, i) =>
			Math.floor(((i * 7919) % SAMPLES) * ((CHANGES - PAGE) / SAMPLES))
		);
		// Warm both paths once so neither pays for the first page cache miss.
		await sync.pull({ shopId: 'pull', cursor: 0, limit: PAGE });
		select.all('pull', 0, PAGE);
		const viaPull: number[] = [];
		const viaRaw: number[] = [];
		for (const cursor of cursors) {
			let started = performance.now();
			const page = await sync.pull({ shopId: 'pull', cursor, limit: PAGE });
			viaPull.push(performance.now() - started);
			if (page.changes.length !== PAGE || page.changes[0]!.seq !== cursor + 1) {
				throw new Error(
					`pull from ${cursor} returned ${page.changes.length} changes from seq ${page.changes[0]?.seq}`
				);
			}
			started = performance.now();
			select.all('pull', cursor, PAGE);
			viaRaw.push(performance.now() - started);
		}
		raw.close();
		return [
			compared({
				name: 'sync: pull page p95 (1,000 of 1,000,000 changes), SQLite',
				value: round(p95(viaPull), 2),
				unit: 'ms',
				baseline: {
					name: 'raw better-sqlite3 range query of the page',
					value: round(p95(viaRaw), 2)
				},
				goal: { max: 50 }
			})
		];
	} finally {
		await store.dispose();
	}
}
