import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import type { ScryptCost } from './password.ts';
import './schema.ts';
import '../sync/schema.ts';

/** What every label store needs. */
export interface LabelDeps {
	db: Kysely<Schema>;
	/** Server time as ISO-8601; passed in so tests pin it. */
	now: () => string;
	newId: () => string;
	/** scrypt cost for new passwords; only tests lower it. */
	scryptCost?: ScryptCost;
}
