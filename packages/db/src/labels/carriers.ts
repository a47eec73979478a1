import type { LabelViewer } from '@deadwax/sync';
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

/**
 * The shops that carry the viewer's label and have linked the viewer's login, by name: what the
 * portal shows. A shop that carries the label but never vouched for this login is left out.
 */
export async function visibleShops(db: Kysely<Schema>, viewer: LabelViewer): Promise<Shop[]> {
	const linked = await db
		.selectFrom('label_account_shops as las')
		.innerJoin('label_accounts as a', 'a.id', 'las.account_id')
		.select('las.shop_id')
		.where('las.account_id', '=', viewer.accountId)
		.where('a.label_id', '=', viewer.labelId)
		.execute();
	if (linked.length === 0) return [];
	return carrierShops(
		db,
		viewer.labelId,
		linked.map((l) => l.shop_id)
	);
}

/** The shops that carry `labelId` (of `among`, when given), by name. */
export async function carrierShops(
	db: Kysely<Schema>,
	labelId: string,
	among?: readonly string[]
): Promise<Shop[]> {
	const ids = db
		.selectFrom('consignment_agreements')
		.select('shop_id')
		.where('label_id', '=', labelId)
		.union(db.selectFrom('items').select('shop_id').where('label_id', '=', labelId))
		.union(db.selectFrom('payable_entries').select('shop_id').where('label_id', '=', labelId));
	let shops = db.selectFrom('shops').selectAll().where('id', 'in', ids);
	if (among !== undefined) shops = shops.where('id', 'in', among);
	return shops.orderBy('name').orderBy('id').execute();
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
