import { hashPin, type OfficeActor, type OfficeStores } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { appendChange } from '../change-feed.ts';
import type { Schema } from '../schema.ts';
import {
	agreementSnapshot,
	labelSnapshot,
	shopSnapshot,
	staffSnapshot,
	taxClassSnapshot
} from '../snapshots.ts';
import { createOfficeStores } from './index.ts';

export interface OfficeFixture {
	shopId: string;
	taxClassId: string;
	owner: OfficeActor;
	manager: OfficeActor;
	clerkId: string;
	/** PIN of every fixture staff member. */
	pin: string;
	labelId: string;
	agreementId: string;
	stores: OfficeStores;
}

/**
 * A shop for office tests: EUR in Berlin, one 19 % tax class, an owner, a manager and a clerk
 * (PIN 2468, hashed with few rounds: tests only), and a label consigning under a 70 % agreement.
 * `now` pins the stores' clock; ids are fresh UUIDv7s.
 */
export async function seedOfficeShop(
	db: Kysely<Schema>,
	{
		shopId,
		now = () => '2026-03-02T10:00:00.000Z',
		currency = 'EUR'
	}: { shopId: string; now?: () => string; currency?: string }
): Promise<OfficeFixture> {
	const at = '2026-03-01T09:00:00.000Z';
	const pin = '2468';
	const pinHash = await hashPin(pin, { iterations: 1_000 });
	const ids = {
		taxClassId: `${shopId}-records`,
		ownerId: `${shopId}-owner`,
		managerId: `${shopId}-manager`,
		clerkId: `${shopId}-clerk`,
		labelId: `${shopId}-label`,
		agreementId: `${shopId}-agreement`
	};
	await db.transaction().execute(async (trx) => {
		const shop = await trx
			.insertInto('shops')
			.values({
				id: shopId,
				name: `Shop ${shopId}`,
				currency,
				timezone: 'Europe/Berlin',
				tax_mode: 'inclusive',
				tax_rounding: 'line',
				created_at: at
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendChange(trx, shopId, 'shop', shopId, shopSnapshot(shop));
		const taxClass = await trx
			.insertInto('tax_classes')
			.values({
				id: ids.taxClassId,
				shop_id: shopId,
				name: 'Records',
				rate_ppm: 190000,
				updated_at: at
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendChange(trx, shopId, 'tax_class', taxClass.id, taxClassSnapshot(taxClass));
		for (const [id, name, role] of [
			[ids.ownerId, 'Ola Owner', 'owner'],
			[ids.managerId, 'Mika Manager', 'manager'],
			[ids.clerkId, 'Cleo Clerk', 'clerk']
		] as const) {
			const staff = await trx
				.insertInto('staff')
				.values({ id, shop_id: shopId, name, role, pin_hash: pinHash, updated_at: at })
				.returningAll()
				.executeTakeFirstOrThrow();
			await appendChange(trx, shopId, 'staff', id, staffSnapshot(staff));
		}
		const label = await trx
			.insertInto('labels')
			.values({ id: ids.labelId, name: `Label of ${shopId}`, contact: null, created_at: at })
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendChange(trx, shopId, 'label', label.id, labelSnapshot(label));
		const agreement = await trx
			.insertInto('consignment_agreements')
			.values({
				id: ids.agreementId,
				shop_id: shopId,
				label_id: ids.labelId,
				share_kind: 'percent',
				share_bp: 7000,
				share_cents: null,
				overrides: '{}',
				updated_at: at
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendChange(trx, shopId, 'agreement', agreement.id, agreementSnapshot(agreement));
	});
	return {
		shopId,
		taxClassId: ids.taxClassId,
		owner: { shopId, staffId: ids.ownerId, role: 'owner' },
		manager: { shopId, staffId: ids.managerId, role: 'manager' },
		clerkId: ids.clerkId,
		pin,
		labelId: ids.labelId,
		agreementId: ids.agreementId,
		stores: createOfficeStores({ db, now, pinIterations: 1_000 })
	};
}
