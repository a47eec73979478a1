import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendChange, chunked, lockShopFeed, type PendingChange } from './change-feed.ts';
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
	checkDelta(m);
	// Shop row first, then the level row: the same lock order as every other writer.
	await lockShopFeed(trx, m.shopId);
	const { movements, changes } = await writeMovements(trx, m.shopId, [m]);
	const [moved] = movements;
	const [change] = changes;
	if (moved === undefined || change === undefined) throw new Error('a movement was not written');
	await appendChange(trx, m.shopId, change.entity, change.entityId, change.data);
	return moved;
}

/** What writeMovements wrote: each movement's id and on-hand right after it, in input order. */
export interface WrittenMovements {
	movements: RecordedMovement[];
	/** Each movement's 'stock' entry for the feed, in input order; the caller appends them. */
	changes: PendingChange[];
}

/**
 * recordMovement for a writer of many movements of one shop that appends to the feed itself: one
 * multi-row insert of the movements and one upsert of the levels (summed per item), then each
 * movement's on-hand right after it and its 'stock' entry for the feed. The caller must hold the
 * shop's feed lock already (lockShopFeed first: the level rows lock after the shop row) and must
 * append `changes` with appendChanges in the same transaction, so the feed carries every level.
 * Throws, writing nothing, when any delta is not a whole number other than 0.
 */
export async function writeMovements(
	trx: Kysely<Schema>,
	shopId: string,
	input: readonly Omit<MovementInput, 'shopId'>[]
): Promise<WrittenMovements> {
	input.forEach(checkDelta);
	if (input.length === 0) return { movements: [], changes: [] };
	const ids = input.map((m) => m.id ?? uuidv7());
	const rows = input.map((m, i) => ({
		id: ids[i]!,
		shop_id: shopId,
		item_id: m.itemId,
		delta: m.delta,
		reason: m.reason,
		ref_kind: m.refKind ?? null,
		ref_id: m.refId ?? null,
		at: m.at,
		by: m.by ?? null
	}));
	for (const chunk of chunked(rows))
		await trx.insertInto('stock_movements').values(chunk).execute();
	// One level row per item, moved by the item's total (PostgreSQL refuses to upsert a row twice).
	const totals = new Map<string, number>();
	for (const m of input) totals.set(m.itemId, (totals.get(m.itemId) ?? 0) + m.delta);
	const levels = new Map<string, number>();
	for (const chunk of chunked([...totals])) {
		const upserted = await trx
			.insertInto('stock_levels')
			.values(
				chunk.map(([itemId, total]) => ({ shop_id: shopId, item_id: itemId, on_hand: total }))
			)
			.onConflict((oc) =>
				oc.columns(['shop_id', 'item_id']).doUpdateSet((eb) => ({
					on_hand: eb('stock_levels.on_hand', '+', eb.ref('excluded.on_hand'))
				}))
			)
			.returning(['item_id', 'on_hand'])
			.execute();
		for (const r of upserted) levels.set(r.item_id, r.on_hand);
	}
	// Walk back from each item's final level to the level right after each of its movements.
	const onHand: number[] = new Array<number>(input.length);
	for (let i = input.length - 1; i >= 0; i--) {
		const m = input[i]!;
		const after = levels.get(m.itemId);
		if (after === undefined) throw new Error(`stock level of ${m.itemId} was not written`);
		onHand[i] = after;
		levels.set(m.itemId, after - m.delta);
	}
	return {
		movements: input.map((_, i) => ({ id: ids[i]!, onHand: onHand[i]! })),
		changes: input.map((m, i) => ({
			entity: 'stock' as const,
			entityId: m.itemId,
			data: { itemId: m.itemId, onHand: onHand[i]! }
		}))
	};
}

function checkDelta(m: { delta: number }): void {
	if (!Number.isSafeInteger(m.delta) || m.delta === 0) {
		throw new Error(`stock movement delta must be a whole number other than 0 (got ${m.delta})`);
	}
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
