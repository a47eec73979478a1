import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReturnRecord, SaleRecord } from '@deadwax/core';
import { openDatabase, type Database } from '@deadwax/db';
import { createTestStore, seedSyncShop, type TestStore } from '@deadwax/db/testing';
import { returnRecord, saleRecord } from '@deadwax/sync/testing';
import { FaultProxy, NO_FAULTS, type Faults, type ProxyStats } from './fault-proxy.ts';
import { freePort, ServerProcess } from './server-process.ts';
import { apiClient, SimTablet } from './sim-tablet.ts';

export type ChaosOptions = {
	store: 'sqlite' | 'postgres';
	tablets: number;
	salesPerTablet: number;
	/** How many times the server is kill -9'd and restarted mid-run (needs a server we started). */
	kills: number;
	seed: number;
	faults: Faults;
	/** Selling is paced to last at least this long, so the kills land mid-run (default 4 s per phase). */
	minDurationMs?: number;
	/** Point the tablets at an already running server (or another proxy) instead of starting one. */
	serverUrl?: string;
	/** The database that server uses: the run seeds its shop there and checks the results there. */
	databaseUrl?: string;
	log?: (line: string) => void;
};

export type ChaosReport = {
	store: string;
	tablets: number;
	sales: number;
	returns: number;
	lost: number;
	duplicated: number;
	mismatched: number;
	oversells: number;
	kills: number;
	proxy: ProxyStats | null;
	problems: string[];
};

/** Deterministic PRNG (mulberry32), so a seed names a run's choices. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `task` every 200 ms while it fails, up to 50 times (10 s of a dead network). */
async function untilItWorks(what: string, task: () => Promise<void>): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await task();
			return;
		} catch (error) {
			if (attempt >= 50)
				throw new Error(`${what} still failing after ${attempt} attempts`, { cause: error });
			await sleep(200);
		}
	}
}

/** Shared catalog: 12 last copies, 6 short items and 12 deep ones, sold by every tablet. */
function catalog(shop: string): {
	items: Record<string, number>;
	lastCopies: string[];
	others: string[];
} {
	const items: Record<string, number> = {};
	const lastCopies: string[] = [];
	const others: string[] = [];
	for (let i = 0; i < 12; i++) lastCopies.push(`${shop}-last-${i}`);
	for (let i = 0; i < 6; i++) others.push(`${shop}-short-${i}`);
	for (let i = 0; i < 12; i++) others.push(`${shop}-deep-${i}`);
	for (const id of lastCopies) items[id] = 1;
	for (const id of others) items[id] = id.includes('short') ? 4 : 10_000;
	return { items, lastCopies, others };
}

/**
 * Runs one chaos round: seeds a shop, pairs `tablets` registers through the API, lets them sell
 * and return offline and online through a fault-injecting proxy while the server is killed and
 * restarted, then converges and checks the invariants against the database.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
	const log = options.log ?? (() => undefined);
	const random = prng(options.seed);
	const shopId = `chaos-${options.seed.toString(36)}-${Date.now().toString(36)}`;
	const problems: string[] = [];

	let testStore: TestStore | undefined;
	let database: Database;
	let databaseUrl: string;
	if (options.databaseUrl !== undefined && options.serverUrl !== undefined) {
		databaseUrl = options.databaseUrl;
		database = await openDatabase(databaseUrl);
	} else {
		testStore = await createTestStore(options.store);
		databaseUrl = testStore.url;
		database = testStore.database;
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'deadwax-chaos-'));
	let server: ServerProcess | undefined;
	let proxy: FaultProxy | undefined;
	const tablets: SimTablet[] = [];
	let kills = 0;
	try {
		const { items, lastCopies, others } = catalog(shopId);
		const fixture = await seedSyncShop(database.db, { shopId, items });
		const prices = new Map(Object.keys(items).map((id, i) => [id, 500 + ((i * 137) % 4000)]));

		let baseUrl: string;
		let directUrl: string;
		if (options.serverUrl !== undefined) {
			baseUrl = options.serverUrl;
			directUrl = options.serverUrl;
		} else {
			server = new ServerProcess({ port: await freePort(), databaseUrl, dataDir });
			await server.start();
			directUrl = server.url;
			proxy = new FaultProxy({
				target: server.url,
				faults: options.faults,
				random: prng(options.seed ^ 0x9e3779b9)
			});
			baseUrl = await proxy.start();
		}
		log(`chaos: shop ${shopId} on ${options.store}, server ${directUrl}, tablets via ${baseUrl}`);

		// Pairing goes straight to the server: a dropped answer would spend a code for nothing.
		const office = apiClient(directUrl);
		const manager = { shopId, staffId: fixture.managerId, pin: fixture.managerPin };
		for (let t = 0; t < options.tablets; t++) {
			const { code } = await office.devices.createPairingCode.mutate({ manager });
			const device = await office.devices.pair.mutate({ code, name: `Chaos ${t + 1}` });
			tablets.push(await SimTablet.create(`t${t + 1}`, baseUrl, device));
		}
		// First load goes through the faults too: a failed page is resumed from the stored cursor.
		for (const tablet of tablets)
			await untilItWorks(`${tablet.name} bootstrap`, () => tablet.engine.bootstrap());
		for (const tablet of tablets) tablet.start();

		const totalActions = options.tablets * options.salesPerTablet;
		const minDurationMs = options.minDurationMs ?? (options.kills + 1) * 4_000;
		// Mean pause between two actions of one tablet.
		const meanPauseMs = minDurationMs / options.salesPerTablet;
		let done = 0;
		const killer = (async () => {
			if (server === undefined) return;
			for (let k = 1; k <= options.kills; k++) {
				while (done < (totalActions * k) / (options.kills + 1)) await sleep(20);
				await server.kill();
				kills += 1;
				log(`chaos: kill -9 #${k} at ${done}/${totalActions} sales`);
				await sleep(200 + random() * 500);
				await server.start();
				log(`chaos: server restarted`);
			}
		})();

		await Promise.all(
			tablets.map(async (tablet) => {
				let offlineFor = 0;
				let sales = 0;
				while (sales < options.salesPerTablet) {
					if (offlineFor > 0) {
						offlineFor -= 1;
						if (offlineFor === 0) tablet.goOnline();
					} else if (random() < 0.03) {
						tablet.isOnline = false;
						offlineFor = 5 + Math.floor(random() * 40);
					}
					const returnable = tablet.sold.filter(
						(s) => !tablet.returned.some((r) => r.originalSaleId === s.saleId)
					);
					if (random() < 0.05 && returnable.length > 0) {
						const original = returnable[Math.floor(random() * returnable.length)]!;
						const ret: ReturnRecord = returnRecord(original, [{ lineIndex: 0 }], {
							receiptNo: await tablet.store.nextReceiptNo()
						});
						await tablet.store.recordReturn(ret);
						tablet.returned.push(ret);
					} else {
						const lineCount = random() < 0.3 ? 2 : 1;
						const chosen = new Set<string>();
						while (chosen.size < lineCount) {
							const pool = random() < 0.08 ? lastCopies : others;
							chosen.add(pool[Math.floor(random() * pool.length)]!);
						}
						const sale: SaleRecord = saleRecord(
							[...chosen].map((itemId) => ({
								itemId,
								quantity: random() < 0.15 ? 2 : 1,
								unitPriceCents: prices.get(itemId)!,
								...(random() < 0.2 ? { labelId: fixture.labelId } : {})
							})),
							{ receiptNo: await tablet.store.nextReceiptNo() }
						);
						await tablet.store.recordSale(sale);
						tablet.sold.push(sale);
						sales += 1;
						done += 1;
					}
					await sleep(random() * 2 * meanPauseMs);
				}
			})
		);
		await killer;
		log(`chaos: selling done; converging`);

		if (proxy) proxy.faults = NO_FAULTS;
		for (const tablet of tablets) {
			tablet.goOnline();
			await tablet.stop();
		}
		// Round 1 pushes every outbox; round 2 pulls everything every tablet pushed.
		for (let round = 0; round < 3; round++) {
			for (const tablet of tablets) {
				await untilItWorks(`${tablet.name} sync after the run`, () => tablet.engine.syncNow());
			}
		}
		for (const tablet of tablets) {
			const { pendingCount } = await tablet.store.outbox.stats();
			const rejected = await tablet.store.outbox.rejected();
			if (pendingCount > 0) problems.push(`${tablet.name} still has ${pendingCount} pending ops`);
			if (rejected.length > 0)
				problems.push(`${tablet.name} had ${rejected.length} ops rejected: ${rejected[0]?.reason}`);
		}

		const verdict = await verify(database, shopId, items, tablets, problems);
		return {
			store: options.store,
			tablets: tablets.length,
			sales: tablets.reduce((n, t) => n + t.sold.length, 0),
			returns: tablets.reduce((n, t) => n + t.returned.length, 0),
			...verdict,
			kills,
			proxy: proxy ? { ...proxy.stats } : null,
			problems
		};
	} finally {
		for (const tablet of tablets) await tablet.stop().catch(() => undefined);
		await proxy?.stop();
		await server?.stop();
		if (testStore) await testStore.dispose();
		else await database.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

async function verify(
	database: Database,
	shopId: string,
	seeded: Record<string, number>,
	tablets: SimTablet[],
	problems: string[]
): Promise<{ lost: number; duplicated: number; mismatched: number; oversells: number }> {
	const { db } = database;
	let lost = 0;
	let duplicated = 0;
	let mismatched = 0;

	// Sales and returns: exactly the union of the tablets', once each.
	const tabletSales = tablets.flatMap((t) => t.sold);
	const tabletReturns = tablets.flatMap((t) => t.returned);
	const serverSales = await db
		.selectFrom('sales')
		.select(['id', 'total_cents'])
		.where('shop_id', '=', shopId)
		.execute();
	const serverReturns = await db
		.selectFrom('returns')
		.select(['id', 'refund_cents'])
		.where('shop_id', '=', shopId)
		.execute();
	const serverSaleIds = new Set(serverSales.map((s) => s.id));
	const serverReturnIds = new Set(serverReturns.map((r) => r.id));
	const tabletSaleIds = new Set(tabletSales.map((s) => s.saleId));
	const tabletReturnIds = new Set(tabletReturns.map((r) => r.returnId));
	lost += tabletSales.filter((s) => !serverSaleIds.has(s.saleId)).length;
	lost += tabletReturns.filter((r) => !serverReturnIds.has(r.returnId)).length;
	duplicated += serverSales.filter((s) => !tabletSaleIds.has(s.id)).length;
	duplicated += serverReturns.filter((r) => !tabletReturnIds.has(r.id)).length;
	duplicated += tabletSales.length - tabletSaleIds.size;
	const movements = await db
		.selectFrom('stock_movements')
		.select(['ref_kind', 'ref_id', 'item_id', 'delta'])
		.where('shop_id', '=', shopId)
		.where('ref_kind', 'in', ['sale', 'return'])
		.execute();
	const movedBy = new Map<string, number>();
	for (const m of movements) movedBy.set(m.ref_id ?? '', (movedBy.get(m.ref_id ?? '') ?? 0) + 1);
	for (const sale of tabletSales)
		duplicated += Math.max(0, (movedBy.get(sale.saleId) ?? 0) - sale.lines.length);
	for (const ret of tabletReturns) {
		const restocked = ret.lines.filter((l) => l.restock).length;
		duplicated += Math.max(0, (movedBy.get(ret.returnId) ?? 0) - restocked);
	}
	const appliedOps = await db
		.selectFrom('applied_ops')
		.select(['op_id'])
		.where('shop_id', '=', shopId)
		.execute();
	if (appliedOps.length !== tabletSales.length + tabletReturns.length) {
		problems.push(
			`server holds ${appliedOps.length} ops for ${tabletSales.length + tabletReturns.length} rung up`
		);
		mismatched += 1;
	}

	// Revenue to the cent.
	const tabletRevenue =
		tabletSales.reduce((sum, s) => sum + s.totalCents, 0) -
		tabletReturns.reduce((sum, r) => sum + r.refundCents, 0);
	const serverRevenue =
		serverSales.reduce((sum, s) => sum + s.total_cents, 0) -
		serverReturns.reduce((sum, r) => sum + r.refund_cents, 0);
	if (tabletRevenue !== serverRevenue) {
		problems.push(`revenue: tablets ${tabletRevenue} cents, server ${serverRevenue} cents`);
		mismatched += 1;
	}

	// Ledger sums equal stock levels, and every tablet's stock view equals the server's.
	const levels = new Map(
		(
			await db
				.selectFrom('stock_levels')
				.select(['item_id', 'on_hand'])
				.where('shop_id', '=', shopId)
				.execute()
		).map((r) => [r.item_id, r.on_hand])
	);
	const sums = new Map<string, number>();
	for (const m of await db
		.selectFrom('stock_movements')
		.select(['item_id', 'delta'])
		.where('shop_id', '=', shopId)
		.execute()) {
		sums.set(m.item_id, (sums.get(m.item_id) ?? 0) + m.delta);
	}
	for (const itemId of new Set([...levels.keys(), ...sums.keys()])) {
		if ((levels.get(itemId) ?? 0) !== (sums.get(itemId) ?? 0)) {
			problems.push(
				`ledger: ${itemId} level ${levels.get(itemId)} but movements sum to ${sums.get(itemId)}`
			);
			mismatched += 1;
		}
	}
	for (const tablet of tablets) {
		const view = await tablet.store.stockView();
		for (const itemId of new Set([...levels.keys(), ...view.keys()])) {
			if ((view.get(itemId) ?? 0) !== (levels.get(itemId) ?? 0)) {
				problems.push(
					`${tablet.name} shows ${itemId} at ${view.get(itemId)}, server ${levels.get(itemId)}`
				);
				mismatched += 1;
			}
		}
	}

	// Oversells flagged exactly where a sale took stock below zero, in the server's order.
	const replay = new Map(Object.entries(seeded));
	const expected = new Set<string>();
	const ordered = await db
		.selectFrom('applied_ops')
		.select(['kind', 'payload', 'server_seq'])
		.where('shop_id', '=', shopId)
		.where('server_seq', 'is not', null)
		.orderBy('server_seq')
		.execute();
	for (const op of ordered) {
		const { payload } = JSON.parse(op.payload) as { payload: SaleRecord & ReturnRecord };
		if (op.kind === 'sale.completed') {
			const touched = new Set<string>();
			for (const line of payload.lines) {
				replay.set(line.itemId, (replay.get(line.itemId) ?? 0) - line.quantity);
				touched.add(line.itemId);
			}
			for (const itemId of touched)
				if (replay.get(itemId)! < 0) expected.add(`${payload.saleId}/${itemId}`);
		} else if (op.kind === 'sale.returned') {
			for (const line of payload.lines) {
				if (line.restock) replay.set(line.itemId, (replay.get(line.itemId) ?? 0) + line.quantity);
			}
		}
	}
	const flagged = new Set(
		(
			await db
				.selectFrom('review_flags')
				.select(['subject', 'detail'])
				.where('shop_id', '=', shopId)
				.where('kind', '=', 'oversell')
				.execute()
		).map((f) => `${f.subject}/${(JSON.parse(f.detail) as { itemId: string }).itemId}`)
	);
	for (const key of expected) {
		if (flagged.has(key)) continue;
		mismatched += 1;
		problems.push(`oversell not flagged: ${key}`);
	}
	for (const key of flagged) {
		if (expected.has(key)) continue;
		mismatched += 1;
		problems.push(`oversell flagged wrongly: ${key}`);
	}
	for (const [itemId, onHand] of replay) {
		if ((levels.get(itemId) ?? 0) !== onHand) {
			problems.push(
				`replay of applied ops gives ${itemId} ${onHand}, level is ${levels.get(itemId)}`
			);
			mismatched += 1;
		}
	}
	return { lost, duplicated, mismatched, oversells: flagged.size };
}

/** The line the issue asks for, one per store. */
export function summaryLine(r: ChaosReport): string {
	return `chaos: store=${r.store} tablets=${r.tablets} sales=${r.sales} lost=${r.lost} duplicated=${r.duplicated} mismatched=${r.mismatched}`;
}

export function isClean(r: ChaosReport, salesPerTablet: number): boolean {
	return (
		r.lost === 0 &&
		r.duplicated === 0 &&
		r.mismatched === 0 &&
		r.problems.length === 0 &&
		r.sales === r.tablets * salesPerTablet
	);
}
