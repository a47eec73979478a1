import { expect, test } from 'vitest';
import { knownMigrations, migrateToLatest } from './migrate.ts';
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
	},
	{ migrate: false }
);
