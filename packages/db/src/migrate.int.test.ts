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
			const w = await seedLabelWorld(db, 'm6', undefined, 'rate_bp');
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

		test('0007 turns every stored basis-point rate into parts per million, columns and JSON', async () => {
			const { db } = store().database;
			await migrateTo(db, '0006_label_links');
			await insertTestShop(db, { id: 'm7' });
			const at = '2026-03-01T10:00:00.000Z';
			// Written as 0006 knew the tables: rates in whole basis points.
			await sql`insert into tax_classes (id, shop_id, name, rate_bp, updated_at)
				values ('m7-std', 'm7', 'Standard', 1900, ${at}), ('m7-zero', 'm7', 'Zero', 0, ${at})`.execute(db);
			const record = {
				saleId: 'm7-sale',
				lines: [{ lineId: 'l1', taxClassId: 'm7-std', taxRateBp: 1900, taxCents: 160 }]
			};
			await sql`insert into sales (id, shop_id, device_id, op_id, receipt_no, clerk_id, currency, business_day, completed_at, subtotal_cents, discount_cents, tax_cents, total_cents, rounding_cents, tenders, record, received_at)
				values ('m7-sale', 'm7', 'd1', 'op1', 'K1-000001', 'c1', 'EUR', '2026-03-01', ${at}, 1000, 0, 160, 1000, 0, '[]', ${JSON.stringify(record)}, ${at})`.execute(
				db
			);
			await sql`insert into sale_lines (sale_id, line_id, shop_id, item_id, release_id, description, kind, quantity, unit_price_cents, discount_cents, tax_class_id, tax_rate_bp, tax_cents, total_cents, label_id, share_cents)
				values ('m7-sale', 'l1', 'm7', 'i1', null, 'A record', 'new', 1, 1000, 0, 'm7-std', 1900, 160, 1000, null, null)`.execute(
				db
			);
			const taxClassData = { id: 'm7-std', name: 'Standard', rateBp: 1900, isActive: true };
			await sql`insert into changes (shop_id, seq, entity, entity_id, data) values
				('m7', 1, 'tax_class', 'm7-std', ${JSON.stringify(taxClassData)}),
				('m7', 2, 'sale', 'm7-sale', ${JSON.stringify({ ...record, deviceId: 'd1' })}),
				('m7', 3, 'tax_class', 'm7-gone', null)`.execute(db);

			expect((await migrateToLatest(db)).applied).toContain('0007_tax_ppm');
			const classes = await db
				.selectFrom('tax_classes')
				.select(['id', 'rate_ppm'])
				.where('shop_id', '=', 'm7')
				.orderBy('id')
				.execute();
			expect(classes).toEqual([
				{ id: 'm7-std', rate_ppm: 190_000 },
				{ id: 'm7-zero', rate_ppm: 0 }
			]);
			const lines = await db.selectFrom('sale_lines').select('tax_rate_ppm').execute();
			expect(lines).toEqual([{ tax_rate_ppm: 190_000 }]);
			const sale = await db.selectFrom('sales').select('record').executeTakeFirstOrThrow();
			expect(JSON.parse(sale.record)).toEqual({
				saleId: 'm7-sale',
				lines: [{ lineId: 'l1', taxClassId: 'm7-std', taxRatePpm: 190_000, taxCents: 160 }]
			});
			const changes = await db
				.selectFrom('changes')
				.select(['seq', 'data'])
				.where('shop_id', '=', 'm7')
				.orderBy('seq')
				.execute();
			expect(
				changes.map((c) => (c.data === null ? null : (JSON.parse(c.data) as unknown)))
			).toEqual([
				{ id: 'm7-std', name: 'Standard', ratePpm: 190_000, isActive: true },
				{
					saleId: 'm7-sale',
					lines: [{ lineId: 'l1', taxClassId: 'm7-std', taxRatePpm: 190_000, taxCents: 160 }],
					deviceId: 'd1'
				},
				null
			]);
		});
	},
	{ migrate: false }
);
