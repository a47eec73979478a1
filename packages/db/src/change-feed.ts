import type { Kysely } from 'kysely';
import type { ChangeEntity, Schema } from './schema.ts';

export interface AppendedChange {
	seq: number;
}

/** One entry for appendChanges: the entity's full new snapshot (null for a delete). */
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
 * Appends one entry to a shop's pull feed and returns its seq. Call it inside the transaction
 * that wrote the entity, with the entity's full new snapshot (null for a delete).
 *
 * The seq comes from `UPDATE shops SET change_seq = change_seq + 1 … RETURNING`: on PostgreSQL that
 * row lock serializes every writer of the shop until commit, so seq order is commit order and a
 * concurrent pull can never skip a change; SQLite has a single writer anyway. Seqs per shop are
 * therefore gap-free and increasing. Throws when the shop does not exist.
 *
 * A transaction that updates existing rows and then appends should call lockShopFeed first, so
 * every writer takes the shop row before any other row and two writers can never deadlock.
 */
export async function appendChange(
	trx: Kysely<Schema>,
	shopId: string,
	entity: ChangeEntity,
	entityId: string,
	data: unknown
): Promise<AppendedChange> {
	const row = await trx
		.updateTable('shops')
		.set((eb) => ({ change_seq: eb('change_seq', '+', 1) }))
		.where('id', '=', shopId)
		.returning('change_seq')
		.executeTakeFirst();
	if (row === undefined) {
		throw new Error(`appendChange: shop ${shopId} does not exist`);
	}
	await trx
		.insertInto('changes')
		.values({
			shop_id: shopId,
			seq: row.change_seq,
			entity,
			entity_id: entityId,
			data: data === null ? null : JSON.stringify(data)
		})
		.execute();
	return { seq: row.change_seq };
}

/**
 * Takes the shop's feed lock now (PostgreSQL: a row lock on shops held to commit; SQLite: starts
 * the write transaction). Call it first in a transaction that updates existing rows before it
 * appends; appendChange later in the same transaction is then free of lock-order deadlocks.
 */
export async function lockShopFeed(trx: Kysely<Schema>, shopId: string): Promise<void> {
	const result = await trx
		.updateTable('shops')
		.set((eb) => ({ change_seq: eb.ref('change_seq') }))
		.where('id', '=', shopId)
		.executeTakeFirst();
	if (result.numUpdatedRows === 0n) {
		throw new Error(`lockShopFeed: shop ${shopId} does not exist`);
	}
}

/**
 * appendChange for many entries at once: one `UPDATE shops SET change_seq = change_seq + n …
 * RETURNING` takes the same row lock and reserves n consecutive seqs, then the entries go in with
 * multi-row inserts in the given order. Same guarantees as appendChange: seqs gap-free, in commit
 * order. Call it inside the writing transaction. Returns the last entry's seq (null for none).
 */
export async function appendChanges(
	trx: Kysely<Schema>,
	shopId: string,
	changes: readonly PendingChange[]
): Promise<AppendedChange | null> {
	if (changes.length === 0) return null;
	const row = await trx
		.updateTable('shops')
		.set((eb) => ({ change_seq: eb('change_seq', '+', changes.length) }))
		.where('id', '=', shopId)
		.returning('change_seq')
		.executeTakeFirst();
	if (row === undefined) {
		throw new Error(`appendChanges: shop ${shopId} does not exist`);
	}
	const first = row.change_seq - changes.length + 1;
	const rows = changes.map((c, i) => ({
		shop_id: shopId,
		seq: first + i,
		entity: c.entity,
		entity_id: c.entityId,
		data: c.data === null ? null : JSON.stringify(c.data)
	}));
	for (const chunk of chunked(rows)) await trx.insertInto('changes').values(chunk).execute();
	return { seq: row.change_seq };
}
