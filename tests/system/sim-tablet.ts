import type { ReturnRecord, SaleRecord } from '@deadwax/core';
import type { AppRouter } from '@deadwax/api';
import type { PairedDevice } from '@deadwax/sync';
import {
	DeadwaxDb,
	LocalStore,
	SyncEngine,
	trpcTransport,
	type SyncTransport
} from '@deadwax/sync/client';
import { createTRPCClient, httpLink } from '@trpc/client';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

/** A tRPC client of `baseUrl`, sending the device token and giving up on a request after `timeoutMs`. */
export function apiClient(baseUrl: string, token?: () => string | undefined, timeoutMs = 4_000) {
	return createTRPCClient<AppRouter>({
		links: [
			httpLink({
				url: `${baseUrl}/trpc`,
				headers: () => {
					const value = token?.();
					return value ? { authorization: `Bearer ${value}` } : {};
				},
				fetch: (url, options) =>
					fetch(url, { ...(options as RequestInit), signal: AbortSignal.timeout(timeoutMs) })
			})
		]
	});
}

/**
 * One simulated register: packages/sync on its own fake-indexeddb, talking HTTP to `baseUrl`.
 * `isOnline = false` makes every request fail at once, as a tablet without Wi-Fi would.
 */
export class SimTablet {
	readonly name: string;
	readonly store: LocalStore;
	readonly engine: SyncEngine;
	readonly sold: SaleRecord[] = [];
	readonly returned: ReturnRecord[] = [];
	isOnline = true;
	#running: Promise<void> | undefined;

	private constructor(name: string, store: LocalStore, transport: SyncTransport) {
		this.name = name;
		this.store = store;
		const gated: SyncTransport = {
			push: (request) => (this.isOnline ? transport.push(request) : offline()),
			pull: (request) => (this.isOnline ? transport.pull(request) : offline())
		};
		this.engine = new SyncEngine({
			store,
			transport: gated,
			locks: null,
			pullIntervalMs: 300,
			backoffBaseMs: 50,
			backoffMaxMs: 1_000,
			pageLimit: 500
		});
	}

	/**
	 * A tablet already paired: its identity is stored locally as pairing would leave it. Pass the
	 * `store` of an earlier tablet to model the same register paired again.
	 */
	static async create(
		name: string,
		baseUrl: string,
		device: PairedDevice,
		store = new LocalStore(
			new DeadwaxDb(`chaos-${name}`, { indexedDB: new IDBFactory(), IDBKeyRange })
		)
	): Promise<SimTablet> {
		await store.setDevice({
			deviceId: device.deviceId,
			deviceCode: device.deviceCode,
			shopId: device.shopId,
			token: device.token
		});
		const client = apiClient(baseUrl, () => device.token);
		return new SimTablet(name, store, trpcTransport(client));
	}

	start(): void {
		this.#running = this.engine.start();
	}

	async stop(): Promise<void> {
		this.engine.stop();
		await this.#running;
	}

	goOnline(): void {
		this.isOnline = true;
		this.engine.online();
	}
}

function offline(): Promise<never> {
	return Promise.reject(new TypeError('fetch failed (tablet offline)'));
}
