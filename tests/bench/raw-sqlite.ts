import BetterSqlite3 from 'better-sqlite3';
import type { TestStore } from '@deadwax/db/testing';

/**
 * A raw baseline's connection to `store`'s SQLite file: closes the store's own connection (dispose
 * it with `.catch` afterwards: it is closed already) and reopens the file with plain better-sqlite3
 * and the store's write pragmas (WAL, foreign keys, synchronous NORMAL), so a raw figure is
 * measured under the same durability and checks as the store's. Close it before disposing.
 */
export async function openRawSqlite(store: TestStore): Promise<BetterSqlite3.Database> {
	const path = store.database.sqlitePath;
	if (path === null) throw new Error('a raw better-sqlite3 baseline needs a SQLite file store');
	await store.database.close();
	const db = new BetterSqlite3(path);
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	db.pragma('synchronous = NORMAL');
	return db;
}
