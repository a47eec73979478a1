import type { ChangeEntity, PullOutput } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * The shop's changes after `cursor`, oldest first, at most `limit`. No change is ever skipped:
 * seqs are handed out under the shop's row lock in appendChange, so on PostgreSQL a seq becomes
 * visible only after every lower seq has committed (SQLite has one writer). highWater is read after
 * the page, so `hasMore` errs towards one more pull, never towards stopping early.
 */
export async function pullChanges(
	db: Kysely<Schema>,
	{ shopId, cursor, limit }: { shopId: string; cursor: number; limit: number }
): Promise<PullOutput> {
	const rows = await db
		.selectFrom('changes')
		.select(['seq', 'entity', 'entity_id', 'data'])
		.where('shop_id', '=', shopId)
		.where('seq', '>', cursor)
		.orderBy('seq')
		.limit(limit)
		.execute();
	const shop = await db
		.selectFrom('shops')
		.select('change_seq')
		.where('id', '=', shopId)
		.executeTakeFirst();
	const highWater = Number(shop?.change_seq ?? 0);
	const last = rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : cursor;
	return {
		changes: rows.map((r) => ({
			seq: Number(r.seq),
			entity: r.entity satisfies ChangeEntity,
			entityId: r.entity_id,
			data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>)
		})),
		cursor: last,
		hasMore: last < highWater,
		highWater
	};
}
