import type { SyncStore } from '@deadwax/sync';
import { applyPush, type SyncDeps } from './apply-push.ts';
import { pullChanges } from './pull.ts';

export { applyPush, MAX_CLOCK_AHEAD_MS, type SyncDeps } from './apply-push.ts';
export { pullChanges } from './pull.ts';
export { createDeviceStore, PAIRING_CODE_TTL_MS } from './devices.ts';
export type * from './schema.ts';

/** SyncStore over Kysely: the same code on SQLite and PostgreSQL. */
export function createSyncStore(deps: SyncDeps): SyncStore {
	return {
		push: (input) => applyPush(deps, input),
		pull: ({ shopId, cursor, limit }) => pullChanges(deps.db, { shopId, cursor, limit })
	};
}
