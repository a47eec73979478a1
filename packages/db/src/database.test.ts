import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { maskUrl, openDatabase, storeKindOf } from './database.ts';
import { knownMigrations, migrateToLatest } from './migrate.ts';

test('picks the store from the URL scheme', () => {
	expect(storeKindOf('file:./data/deadwax.db')).toBe('sqlite');
	expect(storeKindOf('postgres://u@h/db')).toBe('postgres');
	expect(storeKindOf('postgresql://u@h/db')).toBe('postgres');
	expect(storeKindOf('mysql://u@h/db')).toBeNull();
});

test('refuses a URL that names no store and masks its password', async () => {
	await expect(openDatabase('mysql://shop:s3cret@host/db')).rejects.toThrow(
		'DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL) (got "mysql://shop:***@host/db")'
	);
});

test('masks the password of a URL and leaves one without a password alone', () => {
	expect(maskUrl('postgres://shop:p%40ss@db.example:5432/deadwax')).toBe(
		'postgres://shop:***@db.example:5432/deadwax'
	);
	expect(maskUrl('postgres://shop@db.example/deadwax')).toBe('postgres://shop@db.example/deadwax');
	expect(maskUrl('file:./data/deadwax.db')).toBe('file:./data/deadwax.db');
});

test('opens an in-memory SQLite store with foreign keys on and migrates it', async () => {
	const database = await openDatabase('file::memory:');
	try {
		expect(database.kind).toBe('sqlite');
		expect(database.sqlitePath).toBeNull();
		const report = await migrateToLatest(database.db);
		expect(report.applied).toEqual(knownMigrations());
		const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
		expect(rows[0]?.foreign_keys).toBe(1);
		expect((await migrateToLatest(database.db)).applied).toEqual([]);
	} finally {
		await database.close();
	}
});
