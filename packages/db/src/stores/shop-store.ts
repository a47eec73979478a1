import { DomainError } from '@deadwax/core';
import type { NewShopInput, ShopStore, ShopSummary } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendChange } from '../change-feed.ts';
import type { Schema, Shop } from '../schema.ts';
import { shopSnapshot } from '../snapshots.ts';

export interface StoreDeps {
	db: Kysely<Schema>;
	/** Server time as ISO-8601; passed in so tests pin it. */
	now: () => string;
	newId?: () => string;
}

/** The shop as the feed and the API see it. */
export function shopSummary(row: Shop): ShopSummary {
	return {
		id: row.id,
		name: row.name,
		currency: row.currency,
		timezone: row.timezone,
		locale: row.locale,
		taxMode: row.tax_mode,
		taxRounding: row.tax_rounding,
		createdAt: row.created_at
	};
}

/** ShopStore over Kysely: the same code on SQLite and PostgreSQL. */
export function createShopStore({ db, now, newId = uuidv7 }: StoreDeps): ShopStore {
	return {
		async create(input: NewShopInput): Promise<ShopSummary> {
			const id = input.id ?? newId();
			return db.transaction().execute(async (trx) => {
				const taken = await trx
					.selectFrom('shops')
					.select('id')
					.where('id', '=', id)
					.executeTakeFirst();
				if (taken !== undefined) {
					throw new DomainError('conflict', `A shop with id ${id} already exists`);
				}
				const row = await trx
					.insertInto('shops')
					.values({
						id,
						name: input.name,
						currency: input.currency,
						timezone: input.timezone,
						tax_mode: input.taxMode,
						tax_rounding: input.taxRounding ?? 'line',
						...(input.locale !== undefined ? { locale: input.locale } : {}),
						created_at: now()
					})
					.returningAll()
					.executeTakeFirstOrThrow();
				await appendChange(trx, id, 'shop', id, shopSnapshot(row));
				return shopSummary(row);
			});
		},

		async byId(id: string): Promise<ShopSummary | null> {
			const row = await db.selectFrom('shops').selectAll().where('id', '=', id).executeTakeFirst();
			return row === undefined ? null : shopSummary(row);
		},

		async list(): Promise<ShopSummary[]> {
			const rows = await db
				.selectFrom('shops')
				.selectAll()
				.orderBy('created_at')
				.orderBy('id')
				.execute();
			return rows.map(shopSummary);
		}
	};
}
