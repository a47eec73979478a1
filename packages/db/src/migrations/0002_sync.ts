import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

function oneOf(column: string, values: readonly string[]): RawBuilder<unknown> {
	return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/*
 * Sync: devices and their pairing codes, the applied-op register (opId is the at-most-once key),
 * sales and returns as pushed by the tablets, review flags, and the consignment payable ledger.
 * Item ids on sale and return lines are not foreign keys on purpose: a sale of an item the server
 * does not know is still a sale (accepted, flagged for review).
 */
export const sync: Migration = {
	async up(db: Kysely<unknown>): Promise<void> {
		await db.schema
			.createTable('devices')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('code', 'text', (c) => c.notNull())
			.addColumn('token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('revoked_at', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('last_seen_at', 'text')
			.execute();
		await db.schema.createIndex('devices_shop').on('devices').columns(['shop_id']).execute();

		await db.schema
			.createTable('pairing_codes')
			.addColumn('code_hash', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('created_by', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('used_at', 'text')
			.addColumn('device_id', 'text')
			.execute();

		await db.schema
			.createTable('applied_ops')
			.addColumn('op_id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('device_seq', 'integer')
			.addColumn('kind', 'text')
			/** The seq of the last change this op appended: the server's order of application. */
			.addColumn('server_seq', 'bigint')
			.addColumn('status', 'text', (c) => c.notNull())
			.addCheckConstraint('applied_ops_status', oneOf('status', ['applied', 'flagged', 'rejected']))
			.addColumn('reason', 'text')
			.addColumn('payload', 'text', (c) => c.notNull())
			.addColumn('device_time', 'text')
			.addColumn('received_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('applied_ops_device')
			.on('applied_ops')
			.columns(['device_id', 'device_seq'])
			.execute();

		await db.schema
			.createTable('sales')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('op_id', 'text', (c) => c.notNull())
			.addColumn('receipt_no', 'text', (c) => c.notNull())
			.addColumn('clerk_id', 'text', (c) => c.notNull())
			.addColumn('currency', 'text', (c) => c.notNull())
			.addColumn('business_day', 'text', (c) => c.notNull())
			.addColumn('completed_at', 'text', (c) => c.notNull())
			.addColumn('subtotal_cents', 'bigint', (c) => c.notNull())
			.addColumn('discount_cents', 'bigint', (c) => c.notNull())
			.addColumn('tax_cents', 'bigint', (c) => c.notNull())
			.addColumn('total_cents', 'bigint', (c) => c.notNull())
			.addColumn('rounding_cents', 'bigint', (c) => c.notNull())
			.addColumn('tenders', 'text', (c) => c.notNull())
			.addColumn('record', 'text', (c) => c.notNull())
			.addColumn('is_flagged', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('received_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('sales_shop_day')
			.on('sales')
			.columns(['shop_id', 'business_day'])
			.execute();

		await db.schema
			.createTable('sale_lines')
			.addColumn('sale_id', 'text', (c) => c.notNull().references('sales.id'))
			.addColumn('line_id', 'text', (c) => c.notNull())
			.addColumn('shop_id', 'text', (c) => c.notNull())
			.addColumn('item_id', 'text', (c) => c.notNull())
			.addColumn('release_id', 'text')
			.addColumn('description', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('quantity', 'integer', (c) => c.notNull())
			.addColumn('unit_price_cents', 'bigint', (c) => c.notNull())
			.addColumn('discount_cents', 'bigint', (c) => c.notNull())
			.addColumn('tax_class_id', 'text', (c) => c.notNull())
			.addColumn('tax_rate_bp', 'integer', (c) => c.notNull())
			.addColumn('tax_cents', 'bigint', (c) => c.notNull())
			.addColumn('total_cents', 'bigint', (c) => c.notNull())
			.addColumn('label_id', 'text')
			.addColumn('share_cents', 'bigint')
			.addPrimaryKeyConstraint('sale_lines_pk', ['sale_id', 'line_id'])
			.execute();
		await db.schema
			.createIndex('sale_lines_shop_item')
			.on('sale_lines')
			.columns(['shop_id', 'item_id'])
			.execute();

		await db.schema
			.createTable('returns')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('op_id', 'text', (c) => c.notNull())
			.addColumn('receipt_no', 'text', (c) => c.notNull())
			.addColumn('original_sale_id', 'text')
			.addColumn('clerk_id', 'text', (c) => c.notNull())
			.addColumn('approved_by_manager_id', 'text')
			.addColumn('currency', 'text', (c) => c.notNull())
			.addColumn('business_day', 'text', (c) => c.notNull())
			.addColumn('completed_at', 'text', (c) => c.notNull())
			.addColumn('reason', 'text', (c) => c.notNull())
			.addColumn('refund_cents', 'bigint', (c) => c.notNull())
			.addColumn('refunds', 'text', (c) => c.notNull())
			.addColumn('record', 'text', (c) => c.notNull())
			.addColumn('is_flagged', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('received_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('returns_shop_day')
			.on('returns')
			.columns(['shop_id', 'business_day'])
			.execute();
		await db.schema
			.createIndex('returns_original_sale')
			.on('returns')
			.columns(['original_sale_id'])
			.execute();

		await db.schema
			.createTable('return_lines')
			.addColumn('return_id', 'text', (c) => c.notNull().references('returns.id'))
			.addColumn('line_id', 'text', (c) => c.notNull())
			.addColumn('shop_id', 'text', (c) => c.notNull())
			.addColumn('original_line_id', 'text')
			.addColumn('item_id', 'text', (c) => c.notNull())
			.addColumn('quantity', 'integer', (c) => c.notNull())
			.addColumn('refund_cents', 'bigint', (c) => c.notNull())
			.addColumn('tax_cents', 'bigint', (c) => c.notNull())
			.addColumn('restock', 'integer', (c) => c.notNull())
			.addColumn('label_id', 'text')
			.addColumn('share_cents', 'bigint')
			.addPrimaryKeyConstraint('return_lines_pk', ['return_id', 'line_id'])
			.execute();

		await db.schema
			.createTable('review_flags')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('kind', 'text', (c) => c.notNull())
			.addCheckConstraint(
				'review_flags_kind',
				oneOf('kind', ['oversell', 'unknown_item', 'clock_skew', 'invalid_op'])
			)
			/** What the flag is about: a sale, return or op id. */
			.addColumn('subject', 'text', (c) => c.notNull())
			.addColumn('detail', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('resolved_at', 'text')
			.addColumn('resolved_by', 'text')
			.execute();
		await db.schema
			.createIndex('review_flags_shop_open')
			.on('review_flags')
			.columns(['shop_id', 'resolved_at'])
			.execute();

		await db.schema
			.createTable('payable_entries')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('label_id', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addCheckConstraint('payable_entries_kind', oneOf('kind', ['sale', 'return', 'payout']))
			/** Owed to the label (+) or settled/reversed (−), in minor units. */
			.addColumn('amount_cents', 'bigint', (c) => c.notNull())
			.addColumn('ref_id', 'text', (c) => c.notNull())
			.addColumn('at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('payable_entries_label')
			.on('payable_entries')
			.columns(['label_id', 'shop_id'])
			.execute();
	},

	async down(db: Kysely<unknown>): Promise<void> {
		for (const table of [
			'payable_entries',
			'review_flags',
			'return_lines',
			'returns',
			'sale_lines',
			'sales',
			'applied_ops',
			'pairing_codes',
			'devices'
		]) {
			await db.schema.dropTable(table).execute();
		}
	}
};
