export { openDatabase, storeKindOf, maskUrl, type Database, type StoreKind } from './database.ts';
export { migrateToLatest, knownMigrations, type MigrationReport } from './migrate.ts';
export { appendChange, lockShopFeed, type AppendedChange } from './change-feed.ts';
export {
	recordMovement,
	stockLevels,
	type MovementInput,
	type RecordedMovement
} from './ledger.ts';
export type * from './schema.ts';
export type { Kysely, Transaction } from 'kysely';
export {
	createStores,
	createShopStore,
	createSystemStore,
	shopSummary,
	type StoreDeps
} from './stores/index.ts';
export * from './snapshots.ts';
export { backupSqlite, checkSqliteFile, type BackupResult, type SqliteCheck } from './backup.ts';
