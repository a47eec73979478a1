import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

// The feed's batch append lives with appendChange; re-exported for the office's importers.
export { appendChanges, chunked, INSERT_CHUNK, type PendingChange } from '../change-feed.ts';

/** The shop's latest seq: what a reader of on-hand figures passes back as its count cursor. */
export async function currentSeq(db: Kysely<Schema>, shopId: string): Promise<number> {
	const row = await db
		.selectFrom('shops')
		.select('change_seq')
		.where('id', '=', shopId)
		.executeTakeFirst();
	return row?.change_seq ?? 0;
}
