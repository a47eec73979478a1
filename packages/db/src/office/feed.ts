import type { Kysely } from 'kysely';
import type { ChangeEntity, Schema } from '../schema.ts';

export interface PendingChange {
	entity: ChangeEntity;
	entityId: string;
	data: unknown;
}

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
export const INSERT_CHUNK = 400;

/** `items` in slices of `size`. */
export function chunked<T>(items: readonly T[], size = INSERT_CHUNK): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/**
 * appendChange for many entries at once (a large import): one `UPDATE shops SET change_seq =
 * change_seq + n … RETURNING` takes the same row lock and reserves n consecutive seqs, then the
 * entries go in with multi-row inserts in the given order. Same guarantees as appendChange: seqs
 * gap-free, in commit order. Call it inside the writing transaction.
 */
export async function appendChanges(
	trx: Kysely<Schema>,
	shopId: string,
	changes: readonly PendingChange[]
): Promise<void> {
	if (changes.length === 0) return;
	const row = await trx
		.updateTable('shops')
		.set((eb) => ({ change_seq: eb('change_seq', '+', changes.length) }))
		.where('id', '=', shopId)
		.returning('change_seq')
		.executeTakeFirstOrThrow();
	const first = row.change_seq - changes.length + 1;
	const rows = changes.map((c, i) => ({
		shop_id: shopId,
		seq: first + i,
		entity: c.entity,
		entity_id: c.entityId,
		data: c.data === null ? null : JSON.stringify(c.data)
	}));
	for (const chunk of chunked(rows)) await trx.insertInto('changes').values(chunk).execute();
}

/** The shop's latest seq: what a reader of on-hand figures passes back as its count cursor. */
export async function currentSeq(db: Kysely<Schema>, shopId: string): Promise<number> {
	const row = await db
		.selectFrom('shops')
		.select('change_seq')
		.where('id', '=', shopId)
		.executeTakeFirst();
	return row?.change_seq ?? 0;
}
