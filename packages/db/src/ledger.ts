import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendChange, lockShopFeed } from './change-feed.ts';
import type { MovementReason, Schema } from './schema.ts';

export interface MovementInput {
	/** Defaults to a fresh UUIDv7. Pass one to make a replayed write collide instead of doubling. */
	id?: string;
	shopId: string;
	itemId: string;
	/** Copies in (+) or out (−); never 0. */
	delta: number;
	reason: MovementReason;
	refKind?: string | null;
	refId?: string | null;
	/** ISO-8601 server time of the write. */
	at: string;
	by?: string | null;
}

export interface RecordedMovement {
	id: string;
	/** The item's on-hand after this movement; may go below zero (an oversell is data, not an error). */
	onHand: number;
}

/**
 * Writes one immutable stock movement, moves `stock_levels.on_hand` by the same delta and appends
 * the item's new level to the change feed as entity 'stock' (`{ itemId, onHand }`). Call it inside
 * a transaction so the three land together; then on-hand always equals the sum of movements.
 * Throws when delta is not a whole number other than 0.
 */
export async function recordMovement(
	trx: Kysely<Schema>,
	m: MovementInput
): Promise<RecordedMovement> {
	if (!Number.isSafeInteger(m.delta) || m.delta === 0) {
		throw new Error(`stock movement delta must be a whole number other than 0 (got ${m.delta})`);
	}
	const id = m.id ?? uuidv7();
	// Shop row first, then the level row: the same lock order as every other writer.
	await lockShopFeed(trx, m.shopId);
	await trx
		.insertInto('stock_movements')
		.values({
			id,
			shop_id: m.shopId,
			item_id: m.itemId,
			delta: m.delta,
			reason: m.reason,
			ref_kind: m.refKind ?? null,
			ref_id: m.refId ?? null,
			at: m.at,
			by: m.by ?? null
		})
		.execute();
	const level = await trx
		.insertInto('stock_levels')
		.values({ shop_id: m.shopId, item_id: m.itemId, on_hand: m.delta })
		.onConflict((oc) =>
			oc
				.columns(['shop_id', 'item_id'])
				.doUpdateSet((eb) => ({ on_hand: eb('stock_levels.on_hand', '+', m.delta) }))
		)
		.returning('on_hand')
		.executeTakeFirstOrThrow();
	await appendChange(trx, m.shopId, 'stock', m.itemId, { itemId: m.itemId, onHand: level.on_hand });
	return { id, onHand: level.on_hand };
}

/** On-hand of each item of a shop (items that never moved are absent). */
export async function stockLevels(
	db: Kysely<Schema>,
	shopId: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('stock_levels')
		.select(['item_id', 'on_hand'])
		.where('shop_id', '=', shopId)
		.execute();
	return new Map(rows.map((r) => [r.item_id, r.on_hand]));
}
