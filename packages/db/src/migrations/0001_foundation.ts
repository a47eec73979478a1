import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

/** A CHECK that keeps an enum-like text column inside its closed set on both dialects. */
function oneOf(column: string, values: readonly string[]): RawBuilder<unknown> {
	return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/*
 * Written with the portable schema builder only, so the same migration runs on SQLite and
 * PostgreSQL. Types: text ids and ISO timestamps, `bigint` money and sequence numbers (SQLite
 * stores them as INTEGER), `integer` counts and 0/1 flags, JSON as text.
 */
export const foundation: Migration = {
	async up(db: Kysely<unknown>): Promise<void> {
		await db.schema
			.createTable('shops')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('currency', 'text', (c) => c.notNull())
			.addColumn('timezone', 'text', (c) => c.notNull())
			.addColumn('locale', 'text', (c) => c.notNull().defaultTo('en-US'))
			.addColumn('tax_mode', 'text', (c) => c.notNull())
			.addColumn('tax_rounding', 'text', (c) => c.notNull())
			.addCheckConstraint('shops_tax_mode', oneOf('tax_mode', ['inclusive', 'exclusive']))
			.addCheckConstraint('shops_tax_rounding', oneOf('tax_rounding', ['line', 'receipt']))
			.addColumn('cash_rounding_cents', 'integer', (c) => c.notNull().defaultTo(1))
			.addColumn('trade_in_credit_bonus_bp', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('device_code_seq', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('change_seq', 'bigint', (c) => c.notNull().defaultTo(0))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();

		await db.schema
			.createTable('tax_classes')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('rate_bp', 'integer', (c) => c.notNull())
			.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('tax_classes_shop')
			.on('tax_classes')
			.columns(['shop_id'])
			.execute();

		await db.schema
			.createTable('staff')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('role', 'text', (c) => c.notNull())
			.addColumn('pin_hash', 'text', (c) => c.notNull())
			.addCheckConstraint('staff_role', oneOf('role', ['clerk', 'manager', 'owner']))
			.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
			.addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('staff_shop').on('staff').columns(['shop_id']).execute();

		await db.schema
			.createTable('releases')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('artist', 'text', (c) => c.notNull())
			.addColumn('title', 'text', (c) => c.notNull())
			.addColumn('label', 'text')
			.addColumn('catno', 'text')
			.addColumn('catno_key', 'text')
			.addColumn('format', 'text', (c) => c.notNull())
			.addColumn('year', 'integer')
			.addColumn('discogs_release_id', 'bigint')
			.addColumn('genres', 'text', (c) => c.notNull().defaultTo('[]'))
			.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('releases_shop_catno')
			.on('releases')
			.columns(['shop_id', 'catno_key'])
			.execute();
		await db.schema
			.createIndex('releases_shop_discogs')
			.on('releases')
			.columns(['shop_id', 'discogs_release_id'])
			.execute();

		await db.schema
			.createTable('release_barcodes')
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('release_id', 'text', (c) => c.notNull().references('releases.id'))
			.addColumn('barcode', 'text', (c) => c.notNull())
			// One barcode may name several releases (represses share a barcode), so no unique index.
			.addPrimaryKeyConstraint('release_barcodes_pk', ['release_id', 'barcode'])
			.execute();
		await db.schema
			.createIndex('release_barcodes_shop_barcode')
			.on('release_barcodes')
			.columns(['shop_id', 'barcode'])
			.execute();

		await db.schema
			.createTable('labels')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('contact', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();

		await db.schema
			.createTable('items')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('release_id', 'text', (c) => c.references('releases.id'))
			.addColumn('title', 'text')
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('sku', 'text')
			.addCheckConstraint('items_kind', oneOf('kind', ['new', 'used']))
			.addColumn('price_cents', 'bigint', (c) => c.notNull())
			.addColumn('cost_cents', 'bigint')
			.addColumn('tax_class_id', 'text', (c) => c.notNull().references('tax_classes.id'))
			.addColumn('media_grade', 'text')
			.addColumn('sleeve_grade', 'text')
			.addColumn('bin', 'text')
			.addColumn('genre', 'text')
			.addColumn('label_id', 'text', (c) => c.references('labels.id'))
			.addColumn('notes', 'text')
			.addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
			.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('items_shop').on('items').columns(['shop_id']).execute();
		// NULL skus never collide on either dialect, so new stock without a sku is fine.
		await db.schema
			.createIndex('items_shop_sku')
			.on('items')
			.columns(['shop_id', 'sku'])
			.unique()
			.execute();
		await db.schema.createIndex('items_release').on('items').columns(['release_id']).execute();
		await db.schema.createIndex('items_label').on('items').columns(['label_id']).execute();

		await db.schema
			.createTable('consignment_agreements')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('label_id', 'text', (c) => c.notNull().references('labels.id'))
			.addColumn('share_kind', 'text', (c) => c.notNull())
			.addColumn('share_bp', 'integer')
			.addColumn('share_cents', 'bigint')
			.addCheckConstraint(
				'consignment_agreements_share_kind',
				oneOf('share_kind', ['percent', 'fixed'])
			)
			.addColumn('overrides', 'text', (c) => c.notNull().defaultTo('{}'))
			.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
			.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('consignment_agreements_shop_label')
			.on('consignment_agreements')
			.columns(['shop_id', 'label_id'])
			.execute();
		await db.schema
			.createIndex('consignment_agreements_label')
			.on('consignment_agreements')
			.columns(['label_id'])
			.execute();

		await db.schema
			.createTable('stock_movements')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
			.addColumn('delta', 'integer', (c) => c.notNull())
			.addColumn('reason', 'text', (c) => c.notNull())
			.addColumn('ref_kind', 'text')
			.addColumn('ref_id', 'text')
			.addColumn('at', 'text', (c) => c.notNull())
			.addColumn('by', 'text')
			.addCheckConstraint(
				'stock_movements_reason',
				oneOf('reason', [
					'receive',
					'sale',
					'return',
					'adjust',
					'consign_in',
					'return_to_label',
					'trade_in',
					'count'
				])
			)
			.execute();
		await db.schema
			.createIndex('stock_movements_shop_item')
			.on('stock_movements')
			.columns(['shop_id', 'item_id'])
			.execute();
		await db.schema
			.createIndex('stock_movements_ref')
			.on('stock_movements')
			.columns(['ref_kind', 'ref_id'])
			.execute();

		await db.schema
			.createTable('stock_levels')
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
			.addColumn('on_hand', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('stock_levels_pk', ['shop_id', 'item_id'])
			.execute();

		await db.schema
			.createTable('changes')
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('seq', 'bigint', (c) => c.notNull())
			.addColumn('entity', 'text', (c) => c.notNull())
			.addColumn('entity_id', 'text', (c) => c.notNull())
			.addColumn('data', 'text')
			.addPrimaryKeyConstraint('changes_pk', ['shop_id', 'seq'])
			.execute();

		await db.schema
			.createTable('audit_log')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.references('shops.id'))
			.addColumn('actor_kind', 'text', (c) => c.notNull())
			.addColumn('actor_id', 'text')
			.addColumn('action', 'text', (c) => c.notNull())
			.addColumn('subject', 'text')
			.addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
			.addColumn('at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('audit_log_shop_at')
			.on('audit_log')
			.columns(['shop_id', 'at'])
			.execute();
	},

	async down(db: Kysely<unknown>): Promise<void> {
		for (const table of [
			'audit_log',
			'changes',
			'stock_levels',
			'stock_movements',
			'consignment_agreements',
			'items',
			'labels',
			'release_barcodes',
			'releases',
			'staff',
			'tax_classes',
			'shops'
		]) {
			await db.schema.dropTable(table).execute();
		}
	}
};
