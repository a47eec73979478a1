import { Migrator, type Kysely, type MigrationProvider, type Migration } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Schema } from './schema.ts';

const provider: MigrationProvider = {
	getMigrations(): Promise<Record<string, Migration>> {
		return Promise.resolve({ ...migrations });
	}
};

export interface MigrationReport {
	/** Names applied by this call, in order; empty when the store was already up to date. */
	applied: string[];
}

/**
 * Brings the store up to the latest migration. Safe to call on every start and from several
 * processes at once (Kysely takes a lock). Throws the failing migration's error, naming it.
 */
export async function migrateToLatest(db: Kysely<Schema>): Promise<MigrationReport> {
	const migrator = new Migrator({ db, provider });
	const { error, results = [] } = await migrator.migrateToLatest();
	const failed = results.find((r) => r.status === 'Error');
	if (error !== undefined) {
		const name = failed ? ` ${failed.migrationName}` : '';
		const reason = error instanceof Error ? error.message : JSON.stringify(error);
		throw new Error(`Migration${name} failed: ${reason}`, { cause: error });
	}
	return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/**
 * Brings the store up (or down) to migration `name` exactly: for tests of what a migration does
 * to the rows of the one before it. Throws like migrateToLatest.
 */
export async function migrateTo(db: Kysely<Schema>, name: string): Promise<void> {
	const { error } = await new Migrator({ db, provider }).migrateTo(name);
	if (error !== undefined) {
		const reason = error instanceof Error ? error.message : JSON.stringify(error);
		throw new Error(`Migrating to ${name} failed: ${reason}`, { cause: error });
	}
}

/** Names of every migration this build knows, in order. */
export function knownMigrations(): string[] {
	return Object.keys(migrations).sort();
}
