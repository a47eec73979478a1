import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';

export interface BackupResult {
	/** Absolute path of the copy. */
	path: string;
	pages: number;
}

/**
 * Copies a live SQLite store to `to` with SQLite's online backup API, through its own connection,
 * so the server may keep writing: the copy is one consistent snapshot. Refuses to overwrite an
 * existing file. Throws when the source is missing.
 */
export async function backupSqlite({
	from,
	to
}: {
	from: string;
	to: string;
}): Promise<BackupResult> {
	const target = resolve(to);
	if (!existsSync(from)) throw new Error(`No SQLite store at ${from}`);
	if (existsSync(target)) throw new Error(`${target} already exists; choose another --out`);
	mkdirSync(dirname(target), { recursive: true });
	const source = new SqliteDatabase(from, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		// After the first step copy everything at once: a step runs inside one read transaction, so
		// writes landing between small steps cannot keep restarting the backup.
		const { totalPages } = await source.backup(target, { progress: () => 0x7fffffff });
		return { path: target, pages: totalPages };
	} finally {
		source.close();
	}
}

export interface SqliteCheck {
	isIntact: boolean;
	/** Rows per table. */
	counts: Record<string, number>;
}

/** Opens a SQLite file read-only, runs integrity_check and counts the rows of every table. */
export function checkSqliteFile(path: string): SqliteCheck {
	const db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
	try {
		const integrity = db.pragma('integrity_check', { simple: true });
		const tables = db
			.prepare<[], { name: string }>(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
			)
			.all();
		const counts: Record<string, number> = {};
		for (const { name } of tables) {
			const row = db.prepare<[], { n: number }>(`select count(*) as n from "${name}"`).get();
			counts[name] = row?.n ?? 0;
		}
		return { isIntact: integrity === 'ok', counts };
	} finally {
		db.close();
	}
}
