import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database, type StoreKind } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import type { NewShop, Schema, Shop } from '../schema.ts';
import type { Kysely } from 'kysely';

/** A throwaway store for one suite: its URL, the open database, and how to remove it. */
export interface TestStore {
	readonly kind: StoreKind;
	/** A DATABASE_URL that opens this same store (for a second connection, a CLI, a server). */
	readonly url: string;
	readonly database: Database;
	/** Closes the database and deletes it (the temp file, or DROP DATABASE). */
	dispose(): Promise<void>;
}

export interface TestStoreOptions {
	/** Run every migration first (default true). */
	migrate?: boolean;
}

/** The kinds the integration suites run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function storeKindsUnderTest(): StoreKind[] {
	return testDatabaseUrl() === undefined ? ['sqlite'] : ['sqlite', 'postgres'];
}

function testDatabaseUrl(): string | undefined {
	const url = process.env.TEST_DATABASE_URL;
	return url === undefined || url === '' ? undefined : url;
}

/**
 * Creates a fresh store of `kind`: a SQLite file in a new temp directory, or on PostgreSQL a new
 * database `deadwax_t_<random>` on the TEST_DATABASE_URL server. Throws when PostgreSQL is asked
 * for and TEST_DATABASE_URL is unset, saying how to set it.
 */
export async function createTestStore(
	kind: StoreKind,
	{ migrate = true }: TestStoreOptions = {}
): Promise<TestStore> {
	const store = kind === 'sqlite' ? await createSqliteStore() : await createPostgresStore();
	if (migrate) {
		try {
			await migrateToLatest(store.database.db);
		} catch (error) {
			await store.dispose();
			throw error;
		}
	}
	return store;
}

async function createSqliteStore(): Promise<TestStore> {
	const dir = mkdtempSync(join(tmpdir(), 'deadwax-test-'));
	const url = `file:${join(dir, 'deadwax.db')}`;
	const database = await openDatabase(url);
	return {
		kind: 'sqlite',
		url,
		database,
		async dispose() {
			await database.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function createPostgresStore(): Promise<TestStore> {
	const adminUrl = testDatabaseUrl();
	if (adminUrl === undefined) {
		throw new Error(
			'PostgreSQL tests need TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5433/postgres'
		);
	}
	const name = `deadwax_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
	const target = new URL(adminUrl);
	target.pathname = `/${name}`;
	const url = target.toString();
	let database: Database;
	try {
		database = await openDatabase(url);
	} catch (error) {
		await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		throw error;
	}
	return {
		kind: 'postgres',
		url,
		database,
		async dispose() {
			await database.close();
			await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	};
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/**
 * Runs `fn` as a Vitest suite once per store kind under test, each against its own fresh,
 * migrated store created before the suite and deleted after it. Tests in one suite share the
 * store, so give each test its own shop. `store()` is valid inside tests and hooks only.
 */
export function forEachStore(
	suiteName: string,
	fn: (store: () => TestStore) => void,
	options: TestStoreOptions = {}
): void {
	for (const kind of storeKindsUnderTest()) {
		describe(`${suiteName} [${kind}]`, () => {
			let current: TestStore | undefined;
			beforeAll(async () => {
				current = await createTestStore(kind, options);
			});
			afterAll(async () => {
				await current?.dispose();
			});
			fn(() => {
				if (current === undefined) throw new Error('store() called outside a test or hook');
				return current;
			});
		});
	}
}

/** Inserts a shop (EUR, Europe/Berlin, tax inclusive per line unless overridden) and returns it. */
export async function insertTestShop(
	db: Kysely<Schema>,
	overrides: Partial<NewShop> = {}
): Promise<Shop> {
	const id = overrides.id ?? `shop-${Math.random().toString(36).slice(2, 10)}`;
	return db
		.insertInto('shops')
		.values({
			name: `Test shop ${id}`,
			currency: 'EUR',
			timezone: 'Europe/Berlin',
			tax_mode: 'inclusive',
			tax_rounding: 'line',
			created_at: '2026-01-01T00:00:00.000Z',
			...overrides,
			id
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}
export { seedSyncShop, type SyncFixture } from '../sync/fixtures.ts';
export { seedOfficeShop, type OfficeFixture } from '../office/fixtures.ts';
export {
	discogsExportFromShopCsv,
	fixMisfiledGrades,
	scaleDiscogsExport
} from '../office/discogs-fixtures.ts';
export { seedLabelLogin, seedLabelWorld, type LabelWorld } from '../labels/fixtures.ts';
