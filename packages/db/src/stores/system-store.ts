import type { SystemStore } from '@deadwax/sync';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export function createSystemStore(db: Kysely<Schema>): SystemStore {
	return {
		async ping(): Promise<void> {
			await sql`select 1`.execute(db);
		}
	};
}
