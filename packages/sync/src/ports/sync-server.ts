/*
 * The server's sync ports: the push/pull store and the device registry. packages/api reaches them
 * through `ctx.stores.sync` and `ctx.stores.devices`; packages/db implements them over Kysely and
 * `memorySyncStores()` in `@deadwax/sync/testing` implements them in memory for procedure tests.
 */
import type { PullInput, PullOutput, PushOutput } from '../protocol.ts';

/** A device as the office lists it. */
export interface DeviceSummary {
	id: string;
	shopId: string;
	name: string;
	/** Short code printed in receipt numbers (K1, K2, …). */
	code: string;
	createdAt: string;
	lastSeenAt: string | null;
	revokedAt: string | null;
}

export interface PairingCode {
	/** Shown once to the manager, e.g. `7KQM-X3FA`; the server keeps only its hash. */
	code: string;
	shopId: string;
	expiresAt: string;
}

/** What a tablet gets for a pairing code. The token is shown once; the server stores its hash. */
export interface PairedDevice {
	deviceId: string;
	deviceCode: string;
	token: string;
	shopId: string;
}

export type DeviceAuth =
	| { ok: true; shopId: string; deviceId: string }
	| { ok: false; code: 'device_revoked' | 'device_unknown'; message: string };

export interface DeviceStore {
	/** A one-time code valid for `ttlMs` (default 10 minutes). `createdBy` is the manager's staff id. */
	createPairingCode(input: {
		shopId: string;
		createdBy: string;
		ttlMs?: number;
	}): Promise<PairingCode>;
	/**
	 * Exchanges an unused, unexpired code for a new device and its token; the code is spent even if
	 * two tablets race for it (one wins). Throws DomainError `not_found` for any bad code.
	 */
	pair(input: { code: string; name: string }): Promise<PairedDevice>;
	/** Revokes a device of the shop; its token stops working at once. Throws `not_found`. */
	revoke(input: { shopId: string; deviceId: string; by: string }): Promise<void>;
	list(shopId: string): Promise<DeviceSummary[]>;
	/** Resolves a bearer token to its device, or says why it cannot sync. */
	authenticate(token: string): Promise<DeviceAuth>;
	/** True when staffId is an active manager or owner of the shop and `pin` is theirs. */
	verifyManagerPin(input: { shopId: string; staffId: string; pin: string }): Promise<boolean>;
}

/**
 * Push and pull for one authenticated device. Every op is applied at most once, in its own
 * transaction with its opId record; a malformed op is recorded as `rejected` and never throws.
 * Only a store failure (database down) rejects the promise, and then nothing of that op is kept.
 */
export interface SyncStore {
	push(input: { shopId: string; deviceId: string; ops: readonly unknown[] }): Promise<PushOutput>;
	/** The shop's changes after `cursor`, oldest first; never skips one committed later below it. */
	pull(input: { shopId: string } & PullInput): Promise<PullOutput>;
}
