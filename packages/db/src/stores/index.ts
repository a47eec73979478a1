import type { ServerStores } from '@deadwax/sync';
import type { Database } from '../database.ts';
import { createLabelStores } from '../labels/index.ts';
import { createOfficeStores } from '../office/index.ts';
import { createShopStore } from './shop-store.ts';
import { createSystemStore } from './system-store.ts';
import { createDeviceStore, createSyncStore } from '../sync/index.ts';

export { createShopStore, shopSummary, type StoreDeps } from './shop-store.ts';
export { createSystemStore } from './system-store.ts';

/**
 * Every port the API uses, implemented over one open database. `now` is the server clock as
 * ISO-8601 (tests pin it).
 */
export function createStores(
	database: Database,
	{ now = () => new Date().toISOString() }: { now?: () => string } = {}
): ServerStores {
	return {
		system: createSystemStore(database.db),
		shops: createShopStore({ db: database.db, now }),
		office: createOfficeStores({ db: database.db, now }),
		labels: createLabelStores({ db: database.db, now }),
		sync: createSyncStore({ db: database.db, now }),
		devices: createDeviceStore({ db: database.db, now })
	};
}
