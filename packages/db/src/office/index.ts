import type { OfficeStores } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Schema } from '../schema.ts';
import { createAuditStore } from './audit-store.ts';
import { createOfficeAuthStore } from './auth-store.ts';
import { createCatalogStore } from './catalog-store.ts';
import { createDiscogsStore } from './discogs-store.ts';
import { createReportStore } from './report-store.ts';
import { createReviewStore } from './review-store.ts';
import { createStaffStore } from './staff-store.ts';
import { createStockStore } from './stock-store.ts';
import { createTaxClassStore } from './tax-class-store.ts';

export { applyStockReceived } from './apply-stock-received.ts';
export { applyStockCounted } from './apply-stock-counted.ts';
export { applyConsignmentReceived } from './apply-consignment-received.ts';
export { applyConsignmentReturned } from './apply-consignment-returned.ts';
export { MAX_REPORTED_PROBLEMS, MAX_UPLOAD_CHUNKS, type DiscogsExtras } from './discogs-store.ts';
export { OFFICE_SESSION_TTL_MS } from './auth-store.ts';

/** Every office port over one database. `now` is the server clock as ISO-8601 (tests pin it). */
export function createOfficeStores({
	db,
	now,
	newId = uuidv7,
	pinIterations
}: {
	db: Kysely<Schema>;
	now: () => string;
	newId?: () => string;
	/** PBKDF2 rounds for new PINs; only tests lower it. */
	pinIterations?: number;
}): OfficeStores {
	const deps = { db, now, newId, ...(pinIterations === undefined ? {} : { pinIterations }) };
	const catalog = createCatalogStore(deps);
	return {
		auth: createOfficeAuthStore(deps),
		catalog,
		stock: createStockStore(deps),
		discogs: createDiscogsStore(deps),
		review: createReviewStore(deps, catalog),
		staff: createStaffStore(deps),
		audit: createAuditStore(deps),
		reports: createReportStore(deps),
		taxClasses: createTaxClassStore(deps)
	};
}
