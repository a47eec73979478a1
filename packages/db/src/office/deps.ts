import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import './schema.ts';

/** What every office store needs. */
export interface OfficeDeps {
	db: Kysely<Schema>;
	/** Server time as ISO-8601; passed in so tests pin it. */
	now: () => string;
	newId: () => string;
	/** PBKDF2 rounds for new PINs; only tests lower it. */
	pinIterations?: number;
}
