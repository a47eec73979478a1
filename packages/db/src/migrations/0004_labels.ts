import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

function oneOf(column: string, values: readonly string[]): RawBuilder<unknown> {
	return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/*
 * The label portal: accounts of labels (global, like labels: one account sees every shop that
 * carries its label), the shop's single-use invites (also the password reset), sign-in sessions,
 * failed sign-in attempts for rate limiting, payouts the shop records, and labels' requests for
 * unsold copies back. Tokens are stored only as sha256 hashes.
 */
export const labels: Migration = {
	async up(db: Kysely<unknown>): Promise<void> {
		await db.schema
			.createTable('label_accounts')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('label_id', 'text', (c) => c.notNull().references('labels.id'))
			// Lower-cased and trimmed, so sign-in is case-insensitive on both dialects.
			.addColumn('email', 'text', (c) => c.notNull().unique())
			/** `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`. */
			.addColumn('password_hash', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('password_set_at', 'text', (c) => c.notNull())
			.addColumn('last_sign_in_at', 'text')
			.execute();
		await db.schema
			.createIndex('label_accounts_label')
			.on('label_accounts')
			.columns(['label_id'])
			.execute();

		await db.schema
			.createTable('label_invites')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('label_id', 'text', (c) => c.notNull().references('labels.id'))
			.addColumn('email', 'text', (c) => c.notNull())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('created_by', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('used_at', 'text')
			.addColumn('revoked_at', 'text')
			.addColumn('account_id', 'text')
			.execute();
		await db.schema
			.createIndex('label_invites_shop')
			.on('label_invites')
			.columns(['shop_id', 'created_at'])
			.execute();

		await db.schema
			.createTable('label_sessions')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('account_id', 'text', (c) => c.notNull().references('label_accounts.id'))
			.addColumn('label_id', 'text', (c) => c.notNull().references('labels.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('last_used_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('label_sessions_account')
			.on('label_sessions')
			.columns(['account_id'])
			.execute();

		await db.schema
			.createTable('label_sign_in_failures')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('email', 'text', (c) => c.notNull())
			.addColumn('client_address', 'text', (c) => c.notNull())
			.addColumn('at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('label_sign_in_failures_email')
			.on('label_sign_in_failures')
			.columns(['email', 'at'])
			.execute();
		await db.schema
			.createIndex('label_sign_in_failures_address')
			.on('label_sign_in_failures')
			.columns(['client_address', 'at'])
			.execute();

		await db.schema
			.createTable('label_payouts')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('label_id', 'text', (c) => c.notNull().references('labels.id'))
			.addColumn('amount_cents', 'bigint', (c) => c.notNull())
			.addColumn('currency', 'text', (c) => c.notNull())
			.addColumn('business_day', 'text', (c) => c.notNull())
			.addColumn('method', 'text', (c) => c.notNull())
			.addCheckConstraint(
				'label_payouts_method',
				oneOf('method', ['bank_transfer', 'cash', 'store_credit', 'other'])
			)
			.addColumn('reference', 'text')
			.addColumn('by', 'text', (c) => c.notNull())
			.addColumn('at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('label_payouts_label')
			.on('label_payouts')
			.columns(['label_id', 'shop_id'])
			.execute();

		await db.schema
			.createTable('label_return_requests')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('label_id', 'text', (c) => c.notNull().references('labels.id'))
			/** Which copies: the shop's release, or one item when it has no release. */
			.addColumn('target_kind', 'text', (c) => c.notNull())
			.addCheckConstraint('label_return_requests_target', oneOf('target_kind', ['release', 'item']))
			.addColumn('target_id', 'text', (c) => c.notNull())
			.addColumn('quantity', 'integer', (c) => c.notNull())
			.addColumn('note', 'text')
			.addColumn('status', 'text', (c) => c.notNull())
			.addCheckConstraint(
				'label_return_requests_status',
				oneOf('status', ['requested', 'accepted', 'packed', 'declined', 'cancelled'])
			)
			.addColumn('shop_note', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('decided_at', 'text')
			.addColumn('decided_by', 'text')
			.addColumn('packed_at', 'text')
			.addColumn('document_id', 'text')
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('label_return_requests_label')
			.on('label_return_requests')
			.columns(['label_id', 'created_at'])
			.execute();
		await db.schema
			.createIndex('label_return_requests_shop')
			.on('label_return_requests')
			.columns(['shop_id', 'status'])
			.execute();

		// The portal reads a label's lines across every shop.
		await db.schema
			.createIndex('sale_lines_label')
			.on('sale_lines')
			.columns(['label_id'])
			.execute();
		await db.schema
			.createIndex('return_lines_label')
			.on('return_lines')
			.columns(['label_id'])
			.execute();
	},

	async down(db: Kysely<unknown>): Promise<void> {
		await db.schema.dropIndex('return_lines_label').execute();
		await db.schema.dropIndex('sale_lines_label').execute();
		for (const table of [
			'label_return_requests',
			'label_payouts',
			'label_sign_in_failures',
			'label_sessions',
			'label_invites',
			'label_accounts'
		]) {
			await db.schema.dropTable(table).execute();
		}
	}
};
