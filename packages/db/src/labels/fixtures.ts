import type { Kysely } from 'kysely';
import { appendChange } from '../change-feed.ts';
import { recordMovement } from '../ledger.ts';
import type { Schema } from '../schema.ts';
import './schema.ts';

/** Two shops that carry one label (and one that carries another), with consigned stock. */
export interface LabelWorld {
	/** Berlin, EUR. Carries `labelId` and `otherLabelId`. */
	shopA: string;
	/** London, GBP. Carries `labelId` only. */
	shopB: string;
	managerA: string;
	managerB: string;
	labelId: string;
	otherLabelId: string;
	/** The label's release at each shop: same catalog number and format, so one portal row. */
	releaseA: string;
	releaseB: string;
	/** The other label's release at shop A. */
	otherRelease: string;
	/** Consigned items: the label's at A (5 copies) and B (3), the other label's at A (4). */
	itemA: string;
	itemB: string;
	otherItem: string;
	taxClassA: string;
	taxClassB: string;
}

/**
 * Seeds a LabelWorld under `prefix` (every id starts with it, so tests sharing a store do not
 * collide). Copies arrive as consign_in movements through the ledger.
 */
export async function seedLabelWorld(
	db: Kysely<Schema>,
	prefix: string,
	at = '2026-02-01T09:00:00.000Z',
	/** `rate_bp` to seed a store migrated only up to 0006 (before tax rates were ppm). */
	rateColumn: 'rate_ppm' | 'rate_bp' = 'rate_ppm'
): Promise<LabelWorld> {
	const w: LabelWorld = {
		shopA: `${prefix}-berlin`,
		shopB: `${prefix}-london`,
		managerA: `${prefix}-mgr-a`,
		managerB: `${prefix}-mgr-b`,
		labelId: `${prefix}-svek`,
		otherLabelId: `${prefix}-other`,
		releaseA: `${prefix}-rel-a`,
		releaseB: `${prefix}-rel-b`,
		otherRelease: `${prefix}-rel-other`,
		itemA: `${prefix}-item-a`,
		itemB: `${prefix}-item-b`,
		otherItem: `${prefix}-item-other`,
		taxClassA: `${prefix}-tax-a`,
		taxClassB: `${prefix}-tax-b`
	};
	await db.transaction().execute(async (trx) => {
		for (const [id, name, currency, timezone, manager, taxClass] of [
			[w.shopA, `${prefix} Berlin`, 'EUR', 'Europe/Berlin', w.managerA, w.taxClassA],
			[w.shopB, `${prefix} London`, 'GBP', 'Europe/London', w.managerB, w.taxClassB]
		] as const) {
			await trx
				.insertInto('shops')
				.values({
					id,
					name,
					currency,
					timezone,
					tax_mode: 'inclusive',
					tax_rounding: 'line',
					created_at: at
				})
				.execute();
			await trx
				.insertInto('tax_classes')
				.values({
					id: taxClass,
					shop_id: id,
					name: 'Zero',
					...({ [rateColumn]: 0 } as { rate_ppm: number }),
					updated_at: at
				})
				.execute();
			await trx
				.insertInto('staff')
				.values({
					id: manager,
					shop_id: id,
					name: `Manager of ${name}`,
					role: 'manager',
					pin_hash: 'unused',
					updated_at: at
				})
				.execute();
		}
		await trx
			.insertInto('labels')
			.values([
				{ id: w.labelId, name: `${prefix} Svek`, contact: null, created_at: at },
				{ id: w.otherLabelId, name: `${prefix} Other Label`, contact: null, created_at: at }
			])
			.execute();
		for (const [id, shopId, labelId] of [
			[`${prefix}-agr-a`, w.shopA, w.labelId],
			[`${prefix}-agr-b`, w.shopB, w.labelId],
			[`${prefix}-agr-other`, w.shopA, w.otherLabelId]
		] as const) {
			await trx
				.insertInto('consignment_agreements')
				.values({
					id,
					shop_id: shopId,
					label_id: labelId,
					share_kind: 'percent',
					share_bp: 5000,
					share_cents: null,
					overrides: '{}',
					updated_at: at
				})
				.execute();
		}
		for (const [id, shopId, artist, title, catno] of [
			[w.releaseA, w.shopA, 'Mr. James Barth & A.D.', "Knockin' Boots", 'SK 026'],
			[w.releaseB, w.shopB, 'Mr. James Barth & A.D.', "Knockin' Boots", 'SK026'],
			[w.otherRelease, w.shopA, 'Someone Else', 'Their Record', 'OTH 1']
		] as const) {
			await trx
				.insertInto('releases')
				.values({
					id,
					shop_id: shopId,
					artist,
					title,
					label: null,
					catno,
					catno_key: catno.replace(/[^A-Z0-9]/gi, '').toUpperCase(),
					format: 'LP',
					year: 2004,
					discogs_release_id: null,
					genres: '[]',
					updated_at: at
				})
				.execute();
		}
		for (const [id, shopId, releaseId, labelId, taxClass, copies] of [
			[w.itemA, w.shopA, w.releaseA, w.labelId, w.taxClassA, 5],
			[w.itemB, w.shopB, w.releaseB, w.labelId, w.taxClassB, 3],
			[w.otherItem, w.shopA, w.otherRelease, w.otherLabelId, w.taxClassA, 4]
		] as const) {
			await trx
				.insertInto('items')
				.values({
					id,
					shop_id: shopId,
					release_id: releaseId,
					title: null,
					kind: 'new',
					price_cents: 2000,
					tax_class_id: taxClass,
					label_id: labelId,
					updated_at: at
				})
				.execute();
			await appendChange(trx, shopId, 'item', id, { id, releaseId, labelId });
			await recordMovement(trx, {
				shopId,
				itemId: id,
				delta: copies,
				reason: 'consign_in',
				at,
				by: 'seed'
			});
		}
	});
	return w;
}

/**
 * A login of `labelId` that `shops` have linked, written straight to the tables (its password
 * hash is not a real one: portal tests do not sign in). Returns the viewer the session would give.
 */
export async function seedLabelLogin(
	db: Kysely<Schema>,
	input: { id: string; labelId: string; shops: readonly string[]; at?: string }
): Promise<{ labelId: string; accountId: string }> {
	const at = input.at ?? '2026-02-01T09:00:00.000Z';
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('label_accounts')
			.values({
				id: input.id,
				label_id: input.labelId,
				email: `${input.id}@login.example`,
				password_hash: 'not a usable hash',
				created_at: at,
				password_set_at: at,
				last_sign_in_at: null,
				home_shop_id: input.shops[0] ?? null
			})
			.execute();
		for (const shopId of input.shops) {
			await trx
				.insertInto('label_account_shops')
				.values({
					account_id: input.id,
					shop_id: shopId,
					linked_at: at,
					invite_id: `${input.id}-seed`
				})
				.execute();
		}
	});
	return { labelId: input.labelId, accountId: input.id };
}
