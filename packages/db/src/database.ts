import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
	Kysely,
	PostgresDialect,
	SqliteDialect,
	sql,
	type SqliteDatabase as KyselySqliteDatabase
} from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type StoreKind = 'sqlite' | 'postgres';

/** An open store. Close it once: it ends the pool or the SQLite handle. */
export interface Database {
	readonly db: Kysely<Schema>;
	readonly kind: StoreKind;
	/** The SQLite file, absolute; null on PostgreSQL and for `file::memory:`. */
	readonly sqlitePath: string | null;
	close(): Promise<void>;
}

/** Waits this long for another process (a backup, the CLI) to release a SQLite write lock. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** Prepared statements kept per SQLite handle, least recently used dropped first. */
const SQLITE_STATEMENT_CACHE_SIZE = 256;

const PG_INT8_OID = 20;
const PG_NUMERIC_OID = 1700;

/** Which store a DATABASE_URL names, or null when it names none. */
export function storeKindOf(url: string): StoreKind | null {
	if (url.startsWith('file:')) return 'sqlite';
	if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
	return null;
}

/**
 * Opens the store a URL names: `file:PATH` (SQLite via better-sqlite3; PATH relative to the
 * working directory, `file::memory:` for a throwaway database) or `postgres://…` (a pg Pool).
 * Does not migrate; call migrateToLatest. Throws when the URL names neither.
 */
export async function openDatabase(url: string): Promise<Database> {
	const kind = storeKindOf(url);
	if (kind === 'sqlite') return openSqlite(url.slice('file:'.length));
	if (kind === 'postgres') return await openPostgres(url);
	throw new Error(
		`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL) (got ${JSON.stringify(maskUrl(url))})`
	);
}

function openSqlite(path: string): Database {
	const isMemory = path === ':memory:' || path === '';
	const sqlitePath = isMemory ? null : resolve(path);
	if (sqlitePath !== null) mkdirSync(dirname(sqlitePath), { recursive: true });
	const handle = new SqliteDatabase(sqlitePath ?? ':memory:');
	// WAL lets readers (a backup, a second CLI process) run beside the server's writes.
	handle.pragma('journal_mode = WAL');
	handle.pragma('foreign_keys = ON');
	handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
	handle.pragma('synchronous = NORMAL');
	const database = cachePreparedStatements(handle, SQLITE_STATEMENT_CACHE_SIZE);
	const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
	return {
		db,
		kind: 'sqlite',
		sqlitePath,
		async close() {
			await db.destroy();
			// db.destroy() only closes a handle Kysely has used; closing twice is a no-op.
			database.close();
		}
	};
}

/** The handle Kysely's SqliteDialect is given, with the statement cache's state for tests. */
export interface CachingSqliteHandle extends KyselySqliteDatabase {
	prepare(sql: string): SqliteDatabase.Statement;
	/** How many statements the cache holds. */
	readonly cachedStatements: number;
}

/**
 * Wraps a better-sqlite3 handle so `prepare` returns a statement already compiled for the same
 * SQL text (Kysely's SqliteDriver prepares on every query), keeping at most `capacity`, least
 * recently used dropped first. A statement is a handle's, not a transaction's, so it stays
 * valid across BEGIN/COMMIT/ROLLBACK, and SQLite recompiles it by itself after a schema change.
 * A cached statement still being iterated (Kysely's streamQuery: `.stream()`, possibly with
 * other queries run on the same connection meanwhile) is `busy`, and reusing it would throw
 * "This statement is busy executing a query": that caller gets a fresh, uncached statement.
 * `close` empties the cache and closes the handle; closing twice is a no-op.
 */
export function cachePreparedStatements(
	handle: SqliteDatabase.Database,
	capacity: number
): CachingSqliteHandle {
	if (!Number.isInteger(capacity) || capacity < 1) {
		throw new RangeError(`statement cache capacity must be a positive integer (got ${capacity})`);
	}
	const statements = new Map<string, SqliteDatabase.Statement>();
	return {
		prepare(text: string): SqliteDatabase.Statement {
			const cached = statements.get(text);
			if (cached !== undefined) {
				if (cached.busy) return handle.prepare(text);
				// Map keeps insertion order: re-inserting marks it most recently used.
				statements.delete(text);
				statements.set(text, cached);
				return cached;
			}
			const statement = handle.prepare(text);
			statements.set(text, statement);
			if (statements.size > capacity) {
				const oldest = statements.keys().next();
				if (oldest.done !== true) statements.delete(oldest.value);
			}
			return statement;
		},
		get cachedStatements() {
			return statements.size;
		},
		close() {
			statements.clear();
			if (handle.open) handle.close();
		}
	};
}

/** int8 (bigint money, counts) and numeric come back as JS numbers, refusing any precision loss. */
function toSafeNumber(text: string): number {
	const value = Number(text);
	if (!Number.isSafeInteger(value) && !(Number.isFinite(value) && text.includes('.'))) {
		throw new RangeError(`PostgreSQL returned ${text}, which a JS number cannot hold exactly`);
	}
	return value;
}

const pgTypes = {
	getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
		if (oid === PG_INT8_OID || oid === PG_NUMERIC_OID) return toSafeNumber;
		// pg's typings declare the overloads separately; text is all the driver asks for here.
		return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
	}
};

async function openPostgres(url: string): Promise<Database> {
	const pool = new pg.Pool({ connectionString: url, types: pgTypes, max: 10 });
	// An idle client dropped by the server (restart, failover) is replaced on the next checkout;
	// without a listener the pool's 'error' event would crash the process.
	pool.on('error', () => undefined);
	const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
	try {
		// Fail here, naming the server, rather than on the first request.
		await sql`select 1`.execute(db);
	} catch (error) {
		await db.destroy();
		throw new Error(`Cannot reach PostgreSQL at ${maskUrl(url)}: ${String(error)}`, {
			cause: error
		});
	}
	return {
		db,
		kind: 'postgres',
		sqlitePath: null,
		async close() {
			// Kysely ends the pool it was given.
			await db.destroy();
		}
	};
}

/** The URL with any password replaced by ***, for logs and error messages. */
export function maskUrl(url: string): string {
	return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
