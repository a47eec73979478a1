import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test, vi } from 'vitest';
import { faultyTransport, ManualClock, MemorySyncServer, saleRecord } from '../testing/index.ts';
import { DeadwaxDb } from './db.ts';
import { LocalStore } from './local-store.ts';
import { SyncEngine, type LockManagerLike, type SyncEngineOptions } from './sync-engine.ts';
import type { SyncTransport } from './transport.ts';

async function register(
	deviceId: string,
	transport: SyncTransport,
	options: Partial<SyncEngineOptions> = {}
) {
	const db = new DeadwaxDb(deviceId, { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new LocalStore(db);
	await store.setDevice({ deviceId, deviceCode: deviceId, shopId: 'shop', token: deviceId });
	const engine = new SyncEngine({ store, transport, locks: null, ...options });
	return { store, engine };
}

const sell = (store: LocalStore, itemId: string, quantity = 1) =>
	store.recordSale(saleRecord([{ itemId, quantity }]));

test('pushes a sale, pulls the new level, and leaves nothing pending', async () => {
	const server = new MemorySyncServer();
	server.receive('a', 2);
	const { store, engine } = await register('r1', server.transport('r1'));
	await engine.syncNow();
	await sell(store, 'a');
	expect(await store.stockOf('a')).toBe(1);
	await engine.syncNow();
	expect(server.sales.size).toBe(1);
	expect(server.levels.get('a')).toBe(1);
	expect(await store.stockOf('a')).toBe(1);
	expect(await store.outbox.ackedIds()).toEqual([]);
	expect(engine.status).toMatchObject({
		pendingCount: 0,
		oldestPendingAgeMs: null,
		lastError: null
	});
});

test('applies a sale once when the response was lost after the server committed it', async () => {
	const server = new MemorySyncServer();
	server.receive('a', 1);
	let isLosingResponses = true;
	const inner = server.transport('r1');
	const transport: SyncTransport = {
		push: async (request) => {
			const output = await inner.push(request);
			if (isLosingResponses) throw new TypeError('fetch failed');
			return output;
		},
		pull: (request) => inner.pull(request)
	};
	const { store, engine } = await register('r1', transport);
	await sell(store, 'a');
	await expect(engine.syncNow()).rejects.toThrow('fetch failed');
	isLosingResponses = false;
	await engine.syncNow();
	expect(server.sales.size).toBe(1);
	expect(server.levels.get('a')).toBe(0);
	expect(await store.stockOf('a')).toBe(0);
	expect([...server.applied.values()].map((r) => r.status)).toEqual(['applied']);
});

test('ignores replayed and duplicated pushes: every op has one effect', async () => {
	const server = new MemorySyncServer();
	server.receive('a', 10);
	const seen: Parameters<SyncTransport['push']>[0][] = [];
	const inner = server.transport('r1');
	const { store, engine } = await register('r1', {
		push: async (request) => {
			seen.push(request);
			await inner.push(request);
			return inner.push(request);
		},
		pull: (request) => inner.pull(request)
	});
	for (let i = 0; i < 3; i++) await sell(store, 'a');
	await engine.syncNow();
	for (const request of seen) await inner.push(request);
	await engine.syncNow();
	expect(server.sales.size).toBe(3);
	expect(server.levels.get('a')).toBe(7);
	expect(await store.stockOf('a')).toBe(7);
});

test('parks a poisoned op with its reason and still ships the ops behind it', async () => {
	const server = new MemorySyncServer();
	const { store, engine } = await register('r1', server.transport('r1'));
	await sell(store, 'a');
	// An op that got corrupted on disk: its payload no longer parses on the server.
	const [poisoned] = await store.outbox.pending(1);
	await store.db.outbox.update(poisoned!.opId, {
		op: { ...poisoned!.op, payload: { ...poisoned!.op.payload, lines: [] } } as never
	});
	await sell(store, 'b');
	await engine.syncNow();
	expect(server.sales.size).toBe(1);
	const rejected = await store.outbox.rejected();
	expect(rejected.map((e) => [e.opId, e.reason])).toEqual([
		[poisoned!.opId, 'a sale needs at least one line']
	]);
	expect(engine.status).toMatchObject({ pendingCount: 0, rejectedCount: 1 });
	expect(await store.stockOf('a')).toBe(0);
	expect(await store.stockOf('b')).toBe(-1);
});

test('stops with a clear status when the device is revoked and keeps every unsynced op', async () => {
	const server = new MemorySyncServer();
	const { store, engine } = await register('r1', server.transport('r1'));
	server.revoke('r1');
	await sell(store, 'a');
	await sell(store, 'a');
	await engine.start();
	expect(engine.status).toMatchObject({
		state: 'revoked',
		pendingCount: 2,
		lastError: 'device_revoked: this register was revoked'
	});
	// Paired again: a new identity and token, same queue.
	await store.setDevice({ deviceId: 'r1b', deviceCode: 'K9', shopId: 'shop', token: 'new' });
	const again = new SyncEngine({ store, transport: server.transport('r1b'), locks: null });
	await again.syncNow();
	expect(server.sales.size).toBe(2);
	expect(again.status.pendingCount).toBe(0);
});

test('backs off exponentially with jitter while the server is unreachable, then recovers', async () => {
	const clock = new ManualClock();
	const server = new MemorySyncServer();
	let isDown = true;
	const inner = server.transport('r1');
	const transport: SyncTransport = {
		push: (r) => (isDown ? Promise.reject(new TypeError('fetch failed')) : inner.push(r)),
		pull: (r) => (isDown ? Promise.reject(new TypeError('fetch failed')) : inner.pull(r))
	};
	const { store, engine } = await register('r1', transport, {
		clock,
		random: () => 0.5,
		backoffBaseMs: 1000,
		backoffMaxMs: 8000,
		pullIntervalMs: 60_000
	});
	await sell(store, 'a');
	const running = engine.start();
	for (const expected of [750, 1500, 3000, 6000, 6000]) {
		await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
		expect(clock.scheduled.at(-1)).toBe(expected);
		expect(engine.status.state).toBe('offline');
		expect(engine.status.lastError).toBe('fetch failed');
		clock.advance(expected);
	}
	isDown = false;
	await vi.waitFor(() => expect(engine.status.state).toBe('idle'));
	expect(server.sales.size).toBe(1);
	expect(engine.status.lastSyncAt).toBe(clock.now());
	engine.stop();
	await running;
	expect(engine.status.state).toBe('stopped');
});

test('pushes as soon as a sale is recorded and retries at once on an online hint', async () => {
	const clock = new ManualClock();
	const server = new MemorySyncServer();
	let isDown = false;
	const inner = server.transport('r1');
	const transport: SyncTransport = {
		push: (r) => (isDown ? Promise.reject(new TypeError('fetch failed')) : inner.push(r)),
		pull: (r) => (isDown ? Promise.reject(new TypeError('fetch failed')) : inner.pull(r))
	};
	const { store, engine } = await register('r1', transport, { clock, pullIntervalMs: 60_000 });
	const running = engine.start();
	await vi.waitFor(() => expect(engine.status.state).toBe('idle'));
	await sell(store, 'a');
	await vi.waitFor(() => expect(server.sales.size).toBe(1));
	isDown = true;
	await sell(store, 'a');
	await vi.waitFor(() => expect(engine.status.state).toBe('offline'));
	isDown = false;
	engine.online();
	await vi.waitFor(() => expect(server.sales.size).toBe(2));
	engine.stop();
	await running;
});

test('pulls on its interval and when poked', async () => {
	const clock = new ManualClock();
	const server = new MemorySyncServer();
	const { store, engine } = await register('r1', server.transport('r1'), {
		clock,
		pullIntervalMs: 30_000
	});
	const running = engine.start();
	await vi.waitFor(() => expect(engine.status.state).toBe('idle'));
	server.receive('a', 4);
	engine.poke();
	await vi.waitFor(async () => expect(await store.stockOf('a')).toBe(4));
	server.receive('a', 1);
	await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
	clock.advance(30_000);
	await vi.waitFor(async () => expect(await store.stockOf('a')).toBe(5));
	engine.stop();
	await running;
});

test('keeps syncing while navigator.onLine says the network is down', async () => {
	vi.stubGlobal('navigator', { onLine: false });
	try {
		const server = new MemorySyncServer();
		const { store, engine } = await register('r1', server.transport('r1'));
		await sell(store, 'a');
		await engine.syncNow();
		expect(server.sales.size).toBe(1);
	} finally {
		vi.unstubAllGlobals();
	}
});

test('runs the loop in one tab only: the second waits on the lock until the first stops', async () => {
	let holder: Promise<unknown> = Promise.resolve();
	const locks: LockManagerLike = {
		request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
			const run = holder.then(callback);
			holder = run.catch(() => undefined);
			return run;
		}
	};
	const server = new MemorySyncServer();
	const transport = server.transport('r1');
	const db = new DeadwaxDb('tabs', { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new LocalStore(db);
	await store.setDevice({ deviceId: 'r1', deviceCode: 'K1', shopId: 'shop', token: 't' });
	const pulls = vi.fn((request: Parameters<SyncTransport['pull']>[0]) => transport.pull(request));
	const tabA = new SyncEngine({ store, transport: { ...transport, pull: pulls }, locks });
	const tabB = new SyncEngine({ store, transport: { ...transport, pull: pulls }, locks });
	const runningA = tabA.start();
	await vi.waitFor(() => expect(tabA.status.state).toBe('idle'));
	const runningB = tabB.start();
	await vi.waitFor(() => expect(tabB.status.state).toBe('standby'));
	expect(pulls).toHaveBeenCalledTimes(1);
	tabA.stop();
	await runningA;
	await vi.waitFor(() => expect(tabB.status.state).toBe('idle'));
	expect(pulls).toHaveBeenCalledTimes(2);
	tabB.stop();
	await runningB;
});

test('reports the pending count and the age of the oldest pending op', async () => {
	const clock = new ManualClock();
	const server = new MemorySyncServer();
	const db = new DeadwaxDb('age', { indexedDB: new IDBFactory(), IDBKeyRange });
	const store = new LocalStore(db, { now: () => clock.now() });
	await store.setDevice({ deviceId: 'r1', deviceCode: 'K1', shopId: 'shop', token: 't' });
	const engine = new SyncEngine({ store, transport: server.transport('r1'), clock, locks: null });
	const seen: number[] = [];
	engine.subscribe((s) => seen.push(s.pendingCount));
	await sell(store, 'a');
	clock.advance(90_000);
	await sell(store, 'a');
	engine.notifyChange();
	await vi.waitFor(() =>
		expect(engine.status).toMatchObject({ pendingCount: 2, oldestPendingAgeMs: 90_000 })
	);
	await engine.syncNow();
	expect(engine.status).toMatchObject({ pendingCount: 0, oldestPendingAgeMs: null });
	expect(seen).toContain(2);
});

test('bootstraps page by page with progress and resumes after an interruption', async () => {
	const server = new MemorySyncServer();
	for (let i = 0; i < 25; i++) server.receive(`item-${i}`, i + 1);
	let pullsLeft = 2;
	const inner = server.transport('r1');
	const flaky: SyncTransport = {
		push: (r) => inner.push(r),
		pull: (r) => (pullsLeft-- > 0 ? inner.pull(r) : Promise.reject(new TypeError('fetch failed')))
	};
	const { store, engine } = await register('r1', flaky, { pageLimit: 10 });
	const progress: { loaded: number; total: number }[] = [];
	await expect(engine.bootstrap((p) => progress.push(p))).rejects.toThrow('fetch failed');
	expect(await store.cursor()).toBe(20);
	const requested: number[] = [];
	const resumed = new SyncEngine({
		store,
		transport: { ...inner, pull: (r) => (requested.push(r.cursor), inner.pull(r)) },
		locks: null,
		pageLimit: 10
	});
	await resumed.bootstrap((p) => progress.push(p));
	expect(requested).toEqual([20]);
	expect(progress).toEqual([
		{ loaded: 0, total: 0 },
		{ loaded: 10, total: 25 },
		{ loaded: 20, total: 25 },
		{ loaded: 20, total: 25 },
		{ loaded: 25, total: 25 }
	]);
	expect(await store.stockOf('item-24')).toBe(25);
});

test('two registers selling the last copy offline both succeed and converge on −1', async () => {
	const server = new MemorySyncServer();
	server.receive('last', 1);
	const a = await register('ra', server.transport('ra'));
	const b = await register('rb', server.transport('rb'));
	await a.engine.syncNow();
	await b.engine.syncNow();
	await sell(a.store, 'last');
	await sell(b.store, 'last');
	expect([await a.store.stockOf('last'), await b.store.stockOf('last')]).toEqual([0, 0]);
	await a.engine.syncNow();
	await b.engine.syncNow();
	await a.engine.syncNow();
	expect(server.levels.get('last')).toBe(-1);
	expect(server.oversells).toHaveLength(1);
	expect([await a.store.stockOf('last'), await b.store.stockOf('last')]).toEqual([-1, -1]);
});

test('survives a network that drops and duplicates at random', async () => {
	const server = new MemorySyncServer();
	server.receive('a', 50);
	let seed = 7;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const faults = { dropRequest: 0.2, dropResponse: 0.2, duplicate: 0.2 };
	const { store, engine } = await register(
		'r1',
		faultyTransport(server.transport('r1'), faults, random)
	);
	for (let i = 0; i < 30; i++) {
		await sell(store, 'a');
		await engine.syncNow().catch(() => undefined);
	}
	const clean = new SyncEngine({ store, transport: server.transport('r1'), locks: null });
	await clean.syncNow();
	expect(server.sales.size).toBe(30);
	expect(server.levels.get('a')).toBe(20);
	expect(await store.stockOf('a')).toBe(20);
});
