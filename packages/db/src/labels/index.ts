import type { LabelStores } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Schema } from '../schema.ts';
import { createLabelAccountStore } from './account-store.ts';
import type { ScryptCost } from './password.ts';
import { createLabelPortalStore } from './portal-store.ts';
import { createShopLabelStore } from './shop-store.ts';
import { createShopTermsStore } from './terms-store.ts';

export {
	INVITE_TTL_MS,
	LABEL_SESSION_TTL_MS,
	MAX_FAILURES_PER_ADDRESS,
	MAX_FAILURES_PER_EMAIL,
	SIGN_IN_WINDOW_MS
} from './account-store.ts';
export { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword, type ScryptCost } from './password.ts';

/** Every label port over one database. `now` is the server clock as ISO-8601 (tests pin it). */
export function createLabelStores({
	db,
	now,
	newId = uuidv7,
	scryptCost
}: {
	db: Kysely<Schema>;
	now: () => string;
	newId?: () => string;
	/** scrypt cost for new passwords; only tests lower it. */
	scryptCost?: ScryptCost;
}): LabelStores {
	const deps = { db, now, newId, ...(scryptCost === undefined ? {} : { scryptCost }) };
	return {
		accounts: createLabelAccountStore(deps),
		portal: createLabelPortalStore(deps),
		shop: createShopLabelStore(deps),
		terms: createShopTermsStore(deps)
	};
}
