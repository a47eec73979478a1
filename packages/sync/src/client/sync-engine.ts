import {
	chunkForPush,
	MAX_PULL_LIMIT,
	MAX_PUSH_OPS,
	PROTOCOL_VERSION,
	type PullOutput
} from '../protocol.ts';
import type { LocalStore } from './local-store.ts';
import { classifySyncError, SyncRejectedError, type SyncTransport } from './transport.ts';

/**
 * idle: caught up, waiting. syncing: a push/pull cycle is running. offline: the last attempt failed;
 * retrying with backoff. standby: another tab holds the sync lock. revoked: the server refused this
 * device; pair it again (queued ops are kept). outdated: the server speaks a newer protocol; update
 * the app. stopped: `stop()` was called or the loop never started.
 */
export type SyncState =
	'idle' | 'syncing' | 'offline' | 'standby' | 'revoked' | 'outdated' | 'stopped';

export type SyncStatus = {
	state: SyncState;
	pendingCount: number;
	/** Age of the oldest unacknowledged op by this register's clock; null when none is pending. */
	oldestPendingAgeMs: number | null;
	/** Ops the server parked as invalid; kept locally for a person to look at. */
	rejectedCount: number;
	/** When the last full push+pull cycle succeeded (ms since the epoch). */
	lastSyncAt: number | null;
	lastError: string | null;
};

export type BootstrapProgress = { loaded: number; total: number };

/** Timers, injectable so tests drive time without patching globals. */
export type SyncClock = {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
};

/** Enough of the Web Locks API to elect one tab; `navigator.locks` satisfies it. */
export type LockManagerLike = {
	request<T>(name: string, callback: () => Promise<T>): Promise<T>;
};

export type SyncEngineOptions = {
	store: LocalStore;
	transport: SyncTransport;
	clock?: SyncClock;
	/** Uniform in [0, 1); jitters the backoff so registers that failed together retry apart. */
	random?: () => number;
	pullIntervalMs?: number;
	backoffBaseMs?: number;
	backoffMaxMs?: number;
	pageLimit?: number;
	/** null runs the loop without a lock (Node, tests); defaults to `navigator.locks` when present. */
	locks?: LockManagerLike | null;
};

const systemClock: SyncClock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

/** The lock name every tab asks for; whoever holds it runs the loop. */
export const SYNC_LOCK = 'deadwax-sync';

/**
 * Ships this register's outbox and pulls the shop's changes. Pushes on a local change and on
 * reconnect, pulls on an interval and when poked, backs off exponentially with jitter after any
 * failure, and never trusts `navigator.onLine`: a failed request means offline, and it keeps probing.
 * Call `start()` once per tab; only the tab holding the Web Lock runs the loop.
 */
export class SyncEngine {
	readonly #store: LocalStore;
	readonly #transport: SyncTransport;
	readonly #clock: SyncClock;
	readonly #random: () => number;
	readonly #pullIntervalMs: number;
	readonly #backoffBaseMs: number;
	readonly #backoffMaxMs: number;
	readonly #pageLimit: number;
	readonly #locks: LockManagerLike | null;
	readonly #listeners = new Set<(status: SyncStatus) => void>();
	#status: SyncStatus = {
		state: 'stopped',
		pendingCount: 0,
		oldestPendingAgeMs: null,
		rejectedCount: 0,
		lastSyncAt: null,
		lastError: null
	};
	#isRunning = false;
	#wantsPush = true;
	#wantsPull = true;
	#failures = 0;
	#retryAt = 0;
	#nextPullAt = 0;
	#wake: (() => void) | undefined;
	/** Serializes cycles, bootstrap and syncNow so two never interleave. */
	#exclusive: Promise<unknown> = Promise.resolve();
	#unsubscribeStore: (() => void) | undefined;

	constructor(options: SyncEngineOptions) {
		this.#store = options.store;
		this.#transport = options.transport;
		this.#clock = options.clock ?? systemClock;
		this.#random = options.random ?? Math.random;
		this.#pullIntervalMs = options.pullIntervalMs ?? 30_000;
		this.#backoffBaseMs = options.backoffBaseMs ?? 1_000;
		this.#backoffMaxMs = options.backoffMaxMs ?? 60_000;
		this.#pageLimit = Math.min(options.pageLimit ?? 500, MAX_PULL_LIMIT);
		this.#locks =
			options.locks !== undefined
				? options.locks
				: ((globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks ?? null);
	}

	get status(): SyncStatus {
		return this.#status;
	}

	/** Svelte-store shaped: calls `listener` now and on every change. Returns an unsubscribe. */
	subscribe(listener: (status: SyncStatus) => void): () => void {
		this.#listeners.add(listener);
		listener(this.#status);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Runs the loop until `stop()` or a refusal (revoked device, outdated protocol). Resolves when the
	 * loop ends. With Web Locks, waits in `standby` while another tab runs it.
	 */
	async start(): Promise<void> {
		if (this.#isRunning) return;
		this.#isRunning = true;
		this.#wantsPush = true;
		this.#wantsPull = true;
		this.#failures = 0;
		this.#retryAt = 0;
		this.#unsubscribeStore = this.#store.onChange(() => this.notifyChange());
		await this.#refresh({ lastError: null });
		try {
			if (this.#locks) {
				this.#setStatus({ state: 'standby' });
				await this.#locks.request(SYNC_LOCK, () => this.#loop());
			} else {
				await this.#loop();
			}
		} finally {
			this.#isRunning = false;
			this.#unsubscribeStore?.();
		}
	}

	/** Ends the loop after the cycle in flight; queued ops stay queued. */
	stop(): void {
		this.#isRunning = false;
		this.#wake?.();
	}

	/** A local write queued an op: push soon (after any backoff in force). */
	notifyChange(): void {
		this.#wantsPush = true;
		void this.#refresh();
		this.#wake?.();
	}

	/** The server said something changed: pull soon. */
	poke(): void {
		this.#wantsPull = true;
		this.#wake?.();
	}

	/** A hint that the network is back (e.g. the `online` event): retry now, without backoff. */
	online(): void {
		this.#failures = 0;
		this.#retryAt = 0;
		this.#wantsPush = true;
		this.#wantsPull = true;
		this.#wake?.();
	}

	/** One full push+pull cycle now. Throws on failure; the loop's backoff is not involved. */
	syncNow(): Promise<void> {
		return this.#serially(() => this.#cycle());
	}

	/**
	 * A new register's first load: pulls page by page until caught up. Each page is applied in one
	 * transaction with the cursor, so an interrupted bootstrap resumes where it stopped.
	 */
	bootstrap(onProgress?: (progress: BootstrapProgress) => void): Promise<void> {
		return this.#serially(async () => {
			onProgress?.({ loaded: await this.#store.cursor(), total: await this.#store.highWater() });
			await this.#pullAll((page) => onProgress?.({ loaded: page.cursor, total: page.highWater }));
		});
	}

	async #loop(): Promise<void> {
		// start() asked for a push and a pull, so the first cycle begins at once.
		this.#setStatus({ state: 'syncing' });
		while (this.#isRunning) {
			const waitMs = this.#msUntilDue();
			if (waitMs > 0) {
				await this.#sleep(waitMs);
				continue;
			}
			this.#wantsPush = false;
			this.#wantsPull = false;
			try {
				await this.#serially(() => this.#cycle());
				this.#failures = 0;
				this.#retryAt = 0;
				this.#nextPullAt = this.#clock.now() + this.#pullIntervalMs;
			} catch (error) {
				if (error instanceof SyncRejectedError) {
					this.#isRunning = false;
					const state = error.code === 'protocol_mismatch' ? 'outdated' : 'revoked';
					await this.#refresh({ state, lastError: error.message });
					return;
				}
				this.#failures += 1;
				this.#retryAt = this.#clock.now() + this.#backoffMs();
				this.#wantsPush = true;
				this.#wantsPull = true;
				await this.#refresh({ state: 'offline', lastError: describe(error) });
			}
		}
		this.#setStatus({ state: 'stopped' });
	}

	#msUntilDue(): number {
		const now = this.#clock.now();
		if (this.#retryAt > now) return this.#retryAt - now;
		if (this.#wantsPush || this.#wantsPull) return 0;
		return Math.max(0, this.#nextPullAt - now);
	}

	/** Exponential, capped, with "equal jitter": between half and all of the capped delay. */
	#backoffMs(): number {
		const cap = Math.min(this.#backoffMaxMs, this.#backoffBaseMs * 2 ** (this.#failures - 1));
		return Math.round(cap / 2 + this.#random() * (cap / 2));
	}

	#sleep(ms: number): Promise<void> {
		return new Promise<void>((resolve) => {
			const handle = this.#clock.setTimeout(done, ms);
			const wake = () => {
				this.#clock.clearTimeout(handle);
				done();
			};
			this.#wake = wake;
			function done() {
				resolve();
			}
		}).finally(() => {
			this.#wake = undefined;
		});
	}

	#serially<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#exclusive.then(task, task);
		// A failed task must not poison the chain for the next one.
		this.#exclusive = run.catch(() => undefined);
		return run;
	}

	async #cycle(): Promise<void> {
		this.#setStatus({ state: 'syncing' });
		try {
			await this.#pushAll();
			await this.#pullAll();
		} catch (error) {
			throw classifySyncError(error);
		}
		const now = this.#clock.now();
		await this.#store.setLastSyncAt(now);
		await this.#refresh({
			state: this.#isRunning ? 'idle' : 'stopped',
			lastSyncAt: now,
			lastError: null
		});
	}

	async #pushAll(): Promise<void> {
		const outbox = this.#store.outbox;
		for (;;) {
			const [batch] = chunkForPush(await outbox.pending(MAX_PUSH_OPS));
			if (!batch) return;
			const { results } = await this.#transport.push({
				protocolVersion: PROTOCOL_VERSION,
				ops: batch.map((entry) => entry.op)
			});
			const sent = new Set(batch.map((entry) => entry.opId));
			const acked: string[] = [];
			for (const result of results) {
				if (!sent.has(result.opId)) continue;
				if (result.status === 'rejected') {
					await outbox.markRejected(result.opId, result.reason ?? 'rejected by the server');
				} else {
					acked.push(result.opId);
				}
			}
			await outbox.markAcked(acked);
			if (!results.some((r) => sent.has(r.opId))) {
				throw new Error(
					`the server answered a push of ${batch.length} ops with no result for any of them`
				);
			}
			await this.#refresh();
		}
	}

	async #pullAll(onPage?: (page: PullOutput) => void): Promise<void> {
		// Acked before this pull began, so the levels it brings include their effects.
		const purge = await this.#store.outbox.ackedIds();
		let cursor = await this.#store.cursor();
		for (;;) {
			const page = await this.#transport.pull({
				cursor,
				limit: this.#pageLimit,
				protocolVersion: PROTOCOL_VERSION
			});
			await this.#store.applyPage(page, page.hasMore ? [] : purge);
			cursor = Math.max(cursor, page.cursor);
			onPage?.(page);
			if (!page.hasMore) return;
		}
	}

	async #refresh(patch: Partial<SyncStatus> = {}): Promise<void> {
		const { pendingCount, oldestPending } = await this.#store.outbox.stats();
		const rejectedCount = (await this.#store.outbox.rejected()).length;
		const oldestPendingAgeMs = oldestPending
			? Math.max(0, this.#clock.now() - Date.parse(oldestPending.op.deviceTime))
			: null;
		const lastSyncAt =
			patch.lastSyncAt ?? this.#status.lastSyncAt ?? (await this.#store.lastSyncAt());
		this.#setStatus({ pendingCount, oldestPendingAgeMs, rejectedCount, lastSyncAt, ...patch });
	}

	#setStatus(patch: Partial<SyncStatus>): void {
		this.#status = { ...this.#status, ...patch };
		for (const listener of this.#listeners) listener(this.#status);
	}
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
