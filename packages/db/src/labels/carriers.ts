import type { Kysely } from 'kysely';
import type { Schema, Shop } from '../schema.ts';
import './schema.ts';
import '../sync/schema.ts';

/*
 * A shop carries a label when it has a consignment agreement with it, holds items consigned by it,
 * or has owed it money (every sold consigned copy with a share leaves a payable entry; sale lines
 * themselves are not scanned, as a big label has tens of thousands). Every label query starts
 * from these shops.
 */

/** The shops that carry `labelId`, by name. */
export async function carrierShops(db: Kysely<Schema>, labelId: string): Promise<Shop[]> {
	const ids = db
		.selectFrom('consignment_agreements')
		.select('shop_id')
		.where('label_id', '=', labelId)
		.union(db.selectFrom('items').select('shop_id').where('label_id', '=', labelId))
		.union(db.selectFrom('payable_entries').select('shop_id').where('label_id', '=', labelId));
	return db
		.selectFrom('shops')
		.selectAll()
		.where('id', 'in', ids)
		.orderBy('name')
		.orderBy('id')
		.execute();
}

/** True when `shopId` carries `labelId`. */
export async function carriesLabel(
	db: Kysely<Schema>,
	shopId: string,
	labelId: string
): Promise<boolean> {
	const [agreement, item, entry] = await Promise.all([
		db
			.selectFrom('consignment_agreements')
			.select('id')
			.where('shop_id', '=', shopId)
			.where('label_id', '=', labelId)
			.executeTakeFirst(),
		db
			.selectFrom('items')
			.select('id')
			.where('shop_id', '=', shopId)
			.where('label_id', '=', labelId)
			.limit(1)
			.executeTakeFirst(),
		db
			.selectFrom('payable_entries')
			.select('id')
			.where('shop_id', '=', shopId)
			.where('label_id', '=', labelId)
			.limit(1)
			.executeTakeFirst()
	]);
	return agreement !== undefined || item !== undefined || entry !== undefined;
}
