import type { Kysely } from 'kysely';
import type { ChangeEntity, Schema } from './schema.ts';

export interface AppendedChange {
	seq: number;
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
