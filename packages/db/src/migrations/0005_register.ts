import type { Kysely, Migration } from 'kysely';

/*
 * The register's till: shifts opened with a float and closed with a counted drawer and a frozen Z
 * report, and the paid-ins, paid-outs and no-sale opens logged in between. Written by sync's apply
 * from `shift.opened`, `cash.moved` and `shift.closed`; ids are made on the tablet.
 */
export const register: Migration = {
	async up(db: Kysely<unknown>): Promise<void> {
		await db.schema
			.createTable('till_shifts')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('opened_by', 'text', (c) => c.notNull())
			.addColumn('currency', 'text', (c) => c.notNull())
			.addColumn('business_day', 'text', (c) => c.notNull())
			.addColumn('opened_at', 'text', (c) => c.notNull())
			.addColumn('float_cents', 'bigint', (c) => c.notNull())
			.addColumn('closed_by', 'text')
			.addColumn('closed_at', 'text')
			.addColumn('expected_cash_cents', 'bigint')
			.addColumn('counted_cash_cents', 'bigint')
			.addColumn('difference_cents', 'bigint')
			/** The Z report as the tablet froze it (JSON). */
			.addColumn('z_report', 'text')
			.execute();
		await db.schema
			.createIndex('till_shifts_shop_day')
			.on('till_shifts')
			.columns(['shop_id', 'business_day'])
			.execute();

		await db.schema
			.createTable('cash_moves')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('shift_id', 'text', (c) => c.notNull())
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('clerk_id', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('amount_cents', 'bigint', (c) => c.notNull())
			.addColumn('reason', 'text', (c) => c.notNull())
			.addColumn('business_day', 'text', (c) => c.notNull())
			.addColumn('at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('cash_moves_shift')
			.on('cash_moves')
			.columns(['shop_id', 'shift_id'])
			.execute();
	},

	async down(db: Kysely<unknown>): Promise<void> {
		await db.schema.dropTable('cash_moves').execute();
		await db.schema.dropTable('till_shifts').execute();
	}
};
