import { hashPin } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { appendChange } from '../change-feed.ts';
import { recordMovement } from '../ledger.ts';
import type { Schema } from '../schema.ts';

export interface SyncFixture {
	shopId: string;
	taxClassId: string;
	managerId: string;
	managerPin: string;
	/** Item id → copies received. */
	items: Record<string, number>;
	labelId: string;
}

/**
 * A shop ready to sync: a 0 % tax class, a manager (PIN hashed with few rounds: tests only), a
 * consigning label, and items received into stock through the ledger, all in the change feed.
 */
export async function seedSyncShop(
	db: Kysely<Schema>,
	{
		shopId,
		items,
		managerPin = '2468',
		at = '2026-03-01T09:00:00.000Z'
	}: { shopId: string; items: Record<string, number>; managerPin?: string; at?: string }
): Promise<SyncFixture> {
	const taxClassId = `${shopId}-zero`;
	const managerId = `${shopId}-manager`;
	const labelId = `${shopId}-label`;
	const pinHash = await hashPin(managerPin, { iterations: 1_000 });
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('shops')
			.values({
				id: shopId,
				name: `Shop ${shopId}`,
				currency: 'EUR',
				timezone: 'Europe/Berlin',
				tax_mode: 'inclusive',
				tax_rounding: 'line',
				created_at: at
			})
			.execute();
		await trx
			.insertInto('tax_classes')
			.values({ id: taxClassId, shop_id: shopId, name: 'Zero', rate_ppm: 0, updated_at: at })
			.execute();
		await appendChange(trx, shopId, 'tax_class', taxClassId, {
			id: taxClassId,
			name: 'Zero',
			ratePpm: 0,
			isActive: true
		});
		await trx
			.insertInto('staff')
			.values({
				id: managerId,
				shop_id: shopId,
				name: 'Manager',
				role: 'manager',
				pin_hash: pinHash,
				updated_at: at
			})
			.execute();
		await trx
			.insertInto('labels')
			.values({ id: labelId, name: 'Small Press', contact: null, created_at: at })
			.execute();
		for (const [itemId, onHand] of Object.entries(items)) {
			await trx
				.insertInto('items')
				.values({
					id: itemId,
					shop_id: shopId,
					title: `Record ${itemId}`,
					kind: 'new',
					price_cents: 1999,
					tax_class_id: taxClassId,
					updated_at: at
				})
				.execute();
			await appendChange(trx, shopId, 'item', itemId, {
				id: itemId,
				title: `Record ${itemId}`,
				priceCents: 1999
			});
			if (onHand !== 0) {
				await recordMovement(trx, {
					shopId,
					itemId,
					delta: onHand,
					reason: 'receive',
					at,
					by: 'seed'
				});
			}
		}
	});
	return { shopId, taxClassId, managerId, managerPin, items, labelId };
}
