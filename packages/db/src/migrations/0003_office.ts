import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

function oneOf(column: string, values: readonly string[]): RawBuilder<unknown> {
	return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/*
 * The office: manager sign-in sessions, stock documents (deliveries received, consignment intakes,
 * returns to labels, stock counts) whose lines are stock movements, Discogs listing keys on items,
 * chunked uploads for large imports, and how each review flag was resolved.
 */
export const office: Migration = {
	async up(db: Kysely<unknown>): Promise<void> {
		await db.schema
			.createTable('office_sessions')
			// sha256 hex of the cookie token; the token itself is never stored.
			.addColumn('token_hash', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('last_used_at', 'text', (c) => c.notNull())
			.addColumn('revoked_at', 'text')
			.execute();
		await db.schema
			.createIndex('office_sessions_staff')
			.on('office_sessions')
			.columns(['staff_id'])
			.execute();

		await db.schema
			.createTable('stock_documents')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('kind', 'text', (c) => c.notNull())
			.addCheckConstraint(
				'stock_documents_kind',
				oneOf('kind', ['receive', 'consign_in', 'return_to_label', 'count'])
			)
			/** Distributor name for a delivery; label id for consignment intakes and returns. */
			.addColumn('counterparty', 'text')
			/** Delivery note or invoice number, the label's reference, or the counted bin. */
			.addColumn('reference', 'text')
			.addColumn('reason', 'text')
			.addColumn('by', 'text', (c) => c.notNull())
			/** Set when the document arrived through a device's outbox. */
			.addColumn('device_id', 'text')
			.addColumn('op_id', 'text')
			.addColumn('at', 'text', (c) => c.notNull())
			/** JSON array of the lines as entered (quantities, counted figures, costs). */
			.addColumn('lines', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('stock_documents_shop_at')
			.on('stock_documents')
			.columns(['shop_id', 'at'])
			.execute();

		await db.schema.alterTable('items').addColumn('discogs_listing_id', 'text').execute();
		// JSON: the Discogs columns Deadwax has no column for (status, listed, offers, weight…).
		await db.schema.alterTable('items').addColumn('discogs', 'text').execute();
		// NULLs never collide, so items that never came from Discogs are unaffected.
		await db.schema
			.createIndex('items_shop_discogs_listing')
			.on('items')
			.columns(['shop_id', 'discogs_listing_id'])
			.unique()
			.execute();
		await db.schema.createIndex('items_shop_bin').on('items').columns(['shop_id', 'bin']).execute();

		// A stock count asks "what was on hand at the seq this device last pulled".
		await db.schema
			.createIndex('changes_shop_entity_seq')
			.on('changes')
			.columns(['shop_id', 'entity', 'entity_id', 'seq'])
			.execute();

		await db.schema
			.createTable('import_uploads')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('created_by', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('chunk_count', 'integer', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('import_upload_chunks')
			.addColumn('upload_id', 'text', (c) => c.notNull().references('import_uploads.id'))
			.addColumn('idx', 'integer', (c) => c.notNull())
			.addColumn('text', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('import_upload_chunks_pk', ['upload_id', 'idx'])
			.execute();

		await db.schema.alterTable('review_flags').addColumn('resolution', 'text').execute();
		// After too many wrong PINs, sign-in waits until this time.
		await db.schema.alterTable('staff').addColumn('pin_locked_until', 'text').execute();
	},

	async down(db: Kysely<unknown>): Promise<void> {
		await db.schema.alterTable('staff').dropColumn('pin_locked_until').execute();
		await db.schema.alterTable('review_flags').dropColumn('resolution').execute();
		await db.schema.dropTable('import_upload_chunks').execute();
		await db.schema.dropTable('import_uploads').execute();
		await db.schema.dropIndex('changes_shop_entity_seq').execute();
		await db.schema.dropIndex('items_shop_bin').execute();
		await db.schema.dropIndex('items_shop_discogs_listing').execute();
		await db.schema.alterTable('items').dropColumn('discogs').execute();
		await db.schema.alterTable('items').dropColumn('discogs_listing_id').execute();
		await db.schema.dropTable('stock_documents').execute();
		await db.schema.dropTable('office_sessions').execute();
	}
};
