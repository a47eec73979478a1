import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { backupSqlite, checkSqliteFile } from './backup.ts';
import { openDatabase } from './database.ts';
import { recordMovement } from './ledger.ts';
import { createTestStore, insertTestShop } from './testing/index.ts';

const AT = '2026-03-01T10:00:00.000Z';
const outDir = mkdtempSync(join(tmpdir(), 'deadwax-backup-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('copies a SQLite store consistently while another connection keeps writing', async () => {
	const store = await createTestStore('sqlite');
	try {
		const { db } = store.database;
		await insertTestShop(db, { id: 'busy' });
		await db
			.insertInto('tax_classes')
			.values({ id: 'tc', shop_id: 'busy', name: 'Records', rate_ppm: 190000, updated_at: AT })
			.execute();
		await db
			.insertInto('items')
			.values({
				id: 'i1',
				shop_id: 'busy',
				title: 'i1',
				kind: 'new',
				price_cents: 999,
				tax_class_id: 'tc',
				updated_at: AT
			})
			.execute();
		// A second connection, like the running server, writes in a loop during the backup.
		const writer = await openDatabase(store.url);
		let writes = 0;
		let isWriting = true;
		const writing = (async () => {
			while (isWriting) {
				await writer.db.transaction().execute((trx) =>
					recordMovement(trx, {
						shopId: 'busy',
						itemId: 'i1',
						delta: 1,
						reason: 'receive',
						at: AT
					})
				);
				writes++;
				await new Promise((r) => setImmediate(r));
			}
		})();
		while (writes < 20) await new Promise((r) => setImmediate(r));
		const out = join(outDir, 'copy.db');
		const result = await backupSqlite({ from: store.database.sqlitePath!, to: out });
		const writesDuringBackup = writes;
		while (writes < writesDuringBackup + 20) await new Promise((r) => setImmediate(r));
		isWriting = false;
		await writing;
		await writer.close();

		expect(result.path).toBe(out);
		const check = checkSqliteFile(out);
		expect(check.isIntact).toBe(true);
		// A consistent snapshot: the level, the movements and the feed agree with each other.
		const copy = await openDatabase(`file:${out}`);
		try {
			const level = await copy.db
				.selectFrom('stock_levels')
				.select('on_hand')
				.where('item_id', '=', 'i1')
				.executeTakeFirstOrThrow();
			const movements = await copy.db.selectFrom('stock_movements').select('id').execute();
			const shop = await copy.db.selectFrom('shops').select('change_seq').executeTakeFirstOrThrow();
			expect(level.on_hand).toBe(movements.length);
			expect(shop.change_seq).toBe(movements.length);
			expect(check.counts['changes']).toBe(movements.length);
			expect(movements.length).toBeGreaterThanOrEqual(20);
			// The live store moved on after the copy was taken.
			const live = await db.selectFrom('stock_movements').select('id').execute();
			expect(live.length).toBeGreaterThan(movements.length);
		} finally {
			await copy.close();
		}
	} finally {
		await store.dispose();
	}
});

test('refuses to overwrite an existing file or to copy a missing store', async () => {
	const store = await createTestStore('sqlite');
	try {
		const out = join(outDir, 'twice.db');
		await backupSqlite({ from: store.database.sqlitePath!, to: out });
		expect(existsSync(out)).toBe(true);
		await expect(backupSqlite({ from: store.database.sqlitePath!, to: out })).rejects.toThrow(
			`${out} already exists; choose another --out`
		);
		await expect(
			backupSqlite({ from: join(outDir, 'nope.db'), to: join(outDir, 'x.db') })
		).rejects.toThrow('No SQLite store at');
	} finally {
		await store.dispose();
	}
});
