import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { seedLabelWorld } from './labels/fixtures.ts';
import { knownMigrations, migrateTo, migrateToLatest } from './migrate.ts';
import { forEachStore, insertTestShop } from './testing/index.ts';

const FOUNDATION_TABLES = [
	'audit_log',
	'changes',
	'consignment_agreements',
	'items',
	'labels',
	'release_barcodes',
	'releases',
	'shops',
	'staff',
	'stock_levels',
	'stock_movements',
	'tax_classes'
];

forEachStore(
	'migrations',
	(store) => {
		test('apply every migration in order on an empty store, then find nothing left to do', async () => {
			const { db } = store().database;
			expect((await migrateToLatest(db)).applied).toEqual(knownMigrations());
			expect((await migrateToLatest(db)).applied).toEqual([]);
		});

		test('create every foundation table', async () => {
			const tables = (await store().database.db.introspection.getTables()).map((t) => t.name);
			expect(tables).toEqual(expect.arrayContaining(FOUNDATION_TABLES));
		});

		test('reject a value outside a closed set and write nothing', async () => {
			const { db } = store().database;
			await expect(
				insertTestShop(db, { id: 'bad-mode', tax_mode: 'sideways' as 'inclusive' })
			).rejects.toThrow();
			const rows = await db.selectFrom('shops').select('id').where('id', '=', 'bad-mode').execute();
			expect(rows).toEqual([]);
		});

		test('0006 keeps each label login to the shops whose invites it used; the first is its home', async () => {
			const { db } = store().database;
			await migrateTo(db, '0005_register');
			const w = await seedLabelWorld(db, 'm6');
			const invite = (id: string, shopId: string, at: string, used: boolean) => ({
				id,
				token_hash: `hash-${id}`,
				label_id: w.labelId,
				email: 'owner@m6.example',
				shop_id: shopId,
				created_by: 'manager',
				created_at: at,
				expires_at: '2026-12-31T00:00:00.000Z',
				used_at: used ? at : null,
				revoked_at: null,
				account_id: used ? 'm6-login' : null
			});
			// Written as 0005 knew the tables: no kind, no home shop, no links.
			await sql`insert into label_accounts (id, label_id, email, password_hash, created_at, password_set_at, last_sign_in_at)
				values ('m6-login', ${w.labelId}, 'owner@m6.example', 'hash', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z', null)`.execute(
				db
			);
			for (const row of [
				invite('m6-first', w.shopB, '2026-03-01T10:00:00.000Z', true),
				invite('m6-again', w.shopA, '2026-03-05T10:00:00.000Z', true),
				invite('m6-unused', w.shopA, '2026-03-06T10:00:00.000Z', false)
			]) {
				await sql`insert into label_invites (id, token_hash, label_id, email, shop_id, created_by, created_at, expires_at, used_at, revoked_at, account_id)
					values (${row.id}, ${row.token_hash}, ${row.label_id}, ${row.email}, ${row.shop_id}, ${row.created_by}, ${row.created_at}, ${row.expires_at}, ${row.used_at}, ${row.revoked_at}, ${row.account_id})`.execute(
					db
				);
			}

			expect((await migrateToLatest(db)).applied).toContain('0006_label_links');
			const links = await db
				.selectFrom('label_account_shops')
				.select(['account_id', 'shop_id', 'invite_id'])
				.orderBy('shop_id')
				.execute();
			expect(links).toEqual(
				[
					{ account_id: 'm6-login', shop_id: w.shopA, invite_id: 'm6-again' },
					{ account_id: 'm6-login', shop_id: w.shopB, invite_id: 'm6-first' }
				].sort((a, b) => a.shop_id.localeCompare(b.shop_id))
			);
			const login = await db
				.selectFrom('label_accounts')
				.select('home_shop_id')
				.where('id', '=', 'm6-login')
				.executeTakeFirstOrThrow();
			expect(login.home_shop_id).toBe(w.shopB);
			const kinds = await db
				.selectFrom('label_invites')
				.select(['id', 'kind'])
				.orderBy('id')
				.execute();
			expect(kinds).toEqual([
				{ id: 'm6-again', kind: 'reset' },
				{ id: 'm6-first', kind: 'new' },
				{ id: 'm6-unused', kind: 'new' }
			]);
		});
	},
	{ migrate: false }
);
