import type { AppRouter } from '@deadwax/api';
import { type PairedDevice } from '@deadwax/sync';
import {
	SyncEngine,
	trpcTransport,
	type BootstrapProgress,
	type LocalStore,
	type SyncStatus
} from '@deadwax/sync/client';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

/** Age of unsynced work after which the register warns: a day of sales only on this tablet. */
export const STALE_PENDING_MS = 24 * 60 * 60_000;

/** The part of the server's API pairing needs (sync helper's `devices.pair`). */
type PairingClient = {
	devices: { pair: { mutate(input: { code: string; name: string }): Promise<PairedDevice> } };
};

function client(token: string | undefined) {
	return createTRPCClient<AppRouter>({
		links: [
			httpBatchLink({
				url: '/trpc',
				headers: () => (token === undefined ? {} : { Authorization: `Bearer ${token}` })
			})
		]
	});
}

/** Exchanges a pairing code from the office for this tablet's identity and token. */
export function pairDevice(code: string, name: string): Promise<PairedDevice> {
	const api = client(undefined) as unknown as PairingClient;
	return api.devices.pair.mutate({ code: code.trim().toUpperCase(), name });
}

const STOPPED: SyncStatus = {
	state: 'stopped',
	pendingCount: 0,
	oldestPendingAgeMs: null,
	rejectedCount: 0,
	lastSyncAt: null,
	lastError: null
};

/**
 * Runs packages/sync's SyncEngine for this tab over the tRPC client, with the device token as a
 * bearer header, and mirrors its status into runes for the status bar.
 */
export class RegisterSync {
	status = $state<SyncStatus>(STOPPED);
	/** Ticks every 15 s so "synced 3 min ago" and the pending age stay current. */
	nowMs = $state(Date.now());
	#engine: SyncEngine | undefined;
	#stops: (() => void)[] = [];

	/** True when unsynced work is older than a day. */
	get isStale(): boolean {
		return (this.status.oldestPendingAgeMs ?? 0) > STALE_PENDING_MS;
	}

	/** Runs the loop; `onPulled` is called after a cycle that brought the shop's changes in. */
	start(store: LocalStore, token: string, onPulled: () => void): void {
		this.stop();
		const transport = trpcTransport(client(token));
		const engine = new SyncEngine({ store, transport });
		this.#engine = engine;
		// Rebuilding the catalog of 100,000 items takes seconds: only when a pull brought changes.
		let cursor: number | undefined;
		void store.cursor().then((c) => (cursor ??= c));
		let lastSyncAt: number | null = null;
		this.#stops.push(
			engine.subscribe((status) => {
				this.status = status;
				if (status.lastSyncAt === null || status.lastSyncAt === lastSyncAt) return;
				lastSyncAt = status.lastSyncAt;
				void store.cursor().then((c) => {
					if (cursor !== undefined && c !== cursor) onPulled();
					cursor = c;
				});
			})
		);
		// The engine stops listening once its loop ends (revoked, outdated); the count must not.
		this.#stops.push(store.onChange(() => engine.notifyChange()));
		const online = () => engine.online();
		window.addEventListener('online', online);
		const tick = setInterval(() => (this.nowMs = Date.now()), 15_000);
		this.#stops.push(
			() => window.removeEventListener('online', online),
			() => clearInterval(tick)
		);
		void engine.start();
	}

	/** The first load of a new register: every page of the shop's feed, with progress. */
	async bootstrap(
		store: LocalStore,
		token: string,
		onProgress: (p: BootstrapProgress) => void
	): Promise<void> {
		const transport = trpcTransport(client(token));
		await new SyncEngine({ store, transport, locks: null }).bootstrap(onProgress);
	}

	/** A queued op was written: push soon. */
	notifyChange(): void {
		this.#engine?.notifyChange();
	}

	stop(): void {
		this.#engine?.stop();
		this.#engine = undefined;
		for (const stop of this.#stops.splice(0)) stop();
	}
}
