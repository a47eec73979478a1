import { sql, type Kysely, type Migration } from 'kysely';

/*
 * Which shops vouch for which label login. Labels are shared by every shop of a server, but a shop
 * only knows that an email belongs to a label when it invited that email itself. So a login sees a
 * shop's figures only once that shop has linked it: by inviting a new email (the login's home shop),
 * or by an invite the label accepts with the password it already has. Only the home shop may reset
 * the password, so no other shop can take a login over and read what the label sells elsewhere.
 *
 * Logins made before this migration keep the shops whose invites they used, and the shop of their
 * first invite becomes their home.
 */
export const labelLinks: Migration = {
	async up(db: Kysely<unknown>): Promise<void> {
		await db.schema
			.createTable('label_account_shops')
			.addColumn('account_id', 'text', (c) => c.notNull().references('label_accounts.id'))
			.addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
			.addColumn('linked_at', 'text', (c) => c.notNull())
			.addColumn('invite_id', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('label_account_shops_pk', ['account_id', 'shop_id'])
			.execute();
		// No foreign key: SQLite cannot drop a column that has one, and `down` must work.
		await db.schema.alterTable('label_accounts').addColumn('home_shop_id', 'text').execute();

		// What the invite was made for (InviteKind); before links an invite could only be new or reset.
		await db.schema
			.alterTable('label_invites')
			.addColumn('kind', 'text', (c) => c.notNull().defaultTo('new'))
			.execute();
		await sql`
			update label_invites set kind = 'reset'
			where account_id is not null and exists (
				select 1 from label_accounts a
				where a.id = label_invites.account_id and a.created_at < label_invites.created_at
			)
		`.execute(db);

		await sql`
			insert into label_account_shops (account_id, shop_id, linked_at, invite_id)
			select i.account_id, i.shop_id, min(i.used_at), min(i.id)
			from label_invites i
			where i.account_id is not null and i.used_at is not null
			group by i.account_id, i.shop_id
		`.execute(db);
		await sql`
			update label_accounts set home_shop_id = (
				select i.shop_id from label_invites i
				where i.account_id = label_accounts.id and i.used_at is not null
				order by i.used_at, i.id
				limit 1
			)
		`.execute(db);
	},

	async down(db: Kysely<unknown>): Promise<void> {
		await db.schema.alterTable('label_invites').dropColumn('kind').execute();
		await db.schema.alterTable('label_accounts').dropColumn('home_shop_id').execute();
		await db.schema.dropTable('label_account_shops').execute();
	}
};
