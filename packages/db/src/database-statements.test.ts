import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, expect, test } from 'vitest';
import { cachePreparedStatements, openDatabase, type CachingSqliteHandle } from './database.ts';

interface Scratch {
	notes: { id: number; body: string };
}

const opened: Kysely<Scratch>[] = [];

/** A Kysely over an in-memory SQLite handle wrapped in a statement cache of `capacity`. */
async function scratch(
	capacity: number
): Promise<{ db: Kysely<Scratch>; cache: CachingSqliteHandle; handle: SqliteDatabase.Database }> {
	const handle = new SqliteDatabase(':memory:');
	const cache = cachePreparedStatements(handle, capacity);
	const db = new Kysely<Scratch>({ dialect: new SqliteDialect({ database: cache }) });
	opened.push(db);
	await sql`create table notes (id integer primary key, body text not null)`.execute(db);
	return { db, cache, handle };
}

afterEach(async () => {
	for (const db of opened.splice(0)) await db.destroy();
});

test('returns the same statement for the same SQL and a different one for other SQL', () => {
	const handle = new SqliteDatabase(':memory:');
	const cache = cachePreparedStatements(handle, 4);
	try {
		const one = cache.prepare('select 1 as n');
		expect(cache.prepare('select 1 as n')).toBe(one);
		expect(cache.prepare('select 2 as n')).not.toBe(one);
		expect(cache.cachedStatements).toBe(2);
		expect(one.all([])).toEqual([{ n: 1 }]);
	} finally {
		cache.close();
	}
});

test('stays bounded, dropping the least recently used statement', () => {
	const handle = new SqliteDatabase(':memory:');
	const cache = cachePreparedStatements(handle, 3);
	try {
		const first = cache.prepare('select 1');
		const second = cache.prepare('select 2');
		cache.prepare('select 3');
		// Using the first makes the second the least recently used.
		expect(cache.prepare('select 1')).toBe(first);
		cache.prepare('select 4');
		expect(cache.cachedStatements).toBe(3);
		expect(cache.prepare('select 1')).toBe(first);
		expect(cache.prepare('select 2')).not.toBe(second);
		for (let i = 0; i < 100; i++) cache.prepare(`select ${i} as n`);
		expect(cache.cachedStatements).toBe(3);
	} finally {
		cache.close();
	}
	expect(() => cachePreparedStatements(new SqliteDatabase(':memory:'), 0)).toThrow(RangeError);
});

test('does not cache SQL that fails to prepare', () => {
	const handle = new SqliteDatabase(':memory:');
	const cache = cachePreparedStatements(handle, 3);
	try {
		expect(() => cache.prepare('select * from nowhere')).toThrow(/no such table/);
		expect(cache.cachedStatements).toBe(0);
	} finally {
		cache.close();
	}
});

test('interleaved queries through Kysely reuse statements and see each other', async () => {
	const { db, cache } = await scratch(16);
	for (let i = 1; i <= 20; i++) {
		await db
			.insertInto('notes')
			.values({ id: i, body: `note ${i}` })
			.execute();
		const row = await db
			.selectFrom('notes')
			.select(['id', 'body'])
			.where('id', '=', i)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ id: i, body: `note ${i}` });
		const { count } = await db
			.selectFrom('notes')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(count).toBe(i);
	}
	// create table, insert, select by id, count: the same four SQL texts throughout.
	expect(cache.cachedStatements).toBe(4);
});

test('nested reads and writes during a transaction, a rollback and a savepoint', async () => {
	const { db } = await scratch(8);
	await db.insertInto('notes').values({ id: 1, body: 'kept' }).execute();
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('notes').values({ id: 2, body: 'in trx' }).execute();
		const inside = await trx.selectFrom('notes').select('id').orderBy('id').execute();
		expect(inside.map((row) => row.id)).toEqual([1, 2]);
		await trx.updateTable('notes').set({ body: 'changed' }).where('id', '=', 1).execute();
		const again = await trx.selectFrom('notes').select('id').orderBy('id').execute();
		expect(again).toEqual(inside);
	});
	await expect(
		db.transaction().execute(async (trx) => {
			await trx.insertInto('notes').values({ id: 3, body: 'rolled back' }).execute();
			throw new Error('abort');
		})
	).rejects.toThrow('abort');
	const trx = await db.startTransaction().execute();
	await trx.insertInto('notes').values({ id: 4, body: 'outer' }).execute();
	const point = await trx.savepoint('inner').execute();
	await point.insertInto('notes').values({ id: 5, body: 'inner' }).execute();
	await point.rollbackToSavepoint('inner').execute();
	await trx.commit().execute();
	const rows = await db.selectFrom('notes').selectAll().orderBy('id').execute();
	expect(rows).toEqual([
		{ id: 1, body: 'changed' },
		{ id: 2, body: 'in trx' },
		{ id: 4, body: 'outer' }
	]);
	// The same transaction SQL (begin, commit, rollback) runs again on cached statements.
	await db.transaction().execute(async (inner) => {
		await inner.deleteFrom('notes').where('id', '=', 4).execute();
	});
	expect(await db.selectFrom('notes').select('id').orderBy('id').execute()).toHaveLength(2);
});

test('a statement still being iterated is not handed out again: a fresh one is', () => {
	const handle = new SqliteDatabase(':memory:');
	const cache = cachePreparedStatements(handle, 4);
	try {
		handle.exec(
			'create table notes (id integer primary key); insert into notes values (1), (2), (3)'
		);
		const text = 'select id from notes order by id';
		const cached = cache.prepare(text);
		const seen: unknown[] = [];
		for (const row of cached.iterate([])) {
			seen.push(row);
			expect(cached.busy).toBe(true);
			// Reusing the busy statement would throw "This statement is busy executing a query".
			const fresh = cache.prepare(text);
			expect(fresh).not.toBe(cached);
			expect(fresh.all([])).toHaveLength(3);
		}
		expect(seen).toHaveLength(3);
		expect(cache.cachedStatements).toBe(1);
		expect(cache.prepare(text)).toBe(cached);
	} finally {
		cache.close();
	}
});

test('Kysely streams (run to the end or left early) leave the cached statement reusable', async () => {
	const { db } = await scratch(8);
	for (let i = 1; i <= 5; i++) {
		await db
			.insertInto('notes')
			.values({ id: i, body: `note ${i}` })
			.execute();
	}
	const query = () => db.selectFrom('notes').select(['id', 'body']).orderBy('id');
	// Prime the cache so the streams below iterate the cached statement.
	expect(await query().execute()).toHaveLength(5);
	const seen: number[] = [];
	for await (const row of query().stream()) seen.push(row.id);
	expect(seen).toEqual([1, 2, 3, 4, 5]);
	for await (const row of query().stream()) {
		expect(row.id).toBe(1);
		break;
	}
	expect(await query().execute()).toHaveLength(5);
	// Kysely queues other queries on the connection until a stream ends; they then run.
	await db.transaction().execute(async (trx) => {
		const streamed = trx.selectFrom('notes').select('id').orderBy('id');
		const pending = streamed.execute();
		const ids: number[] = [];
		for await (const row of streamed.stream()) ids.push(row.id);
		expect(ids).toEqual([1, 2, 3, 4, 5]);
		expect(await pending).toHaveLength(5);
	});
});

test('closing empties the cache and closes the handle, twice is a no-op', async () => {
	const { db, cache, handle } = await scratch(8);
	await db.selectFrom('notes').selectAll().execute();
	expect(cache.cachedStatements).toBeGreaterThan(0);
	await db.destroy();
	expect(handle.open).toBe(false);
	expect(cache.cachedStatements).toBe(0);
	cache.close();
});

test('an opened SQLite store answers repeated and transactional queries and closes', async () => {
	const database = await openDatabase('file::memory:');
	try {
		for (let i = 0; i < 3; i++) {
			const { rows } = await sql<{ n: number }>`select ${i} as n`.execute(database.db);
			expect(rows).toEqual([{ n: i }]);
		}
		await database.db.transaction().execute(async (trx) => {
			const { rows } = await sql<{ n: number }>`select ${7} as n`.execute(trx);
			expect(rows).toEqual([{ n: 7 }]);
		});
	} finally {
		await database.close();
	}
	await database.close();
});
