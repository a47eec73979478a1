import { backupCommand } from './backup.ts';
import { exportDiscogsCommand } from './export-discogs.ts';
import { importDiscogsCommand } from './import-discogs.ts';
import type { Command } from './command.ts';
import { migrateCommand } from './migrate.ts';
import { serveCommand } from './serve.ts';
import { shopCreateCommand } from './shop-create.ts';
import { staffCreateCommand } from './staff-create.ts';

/** Every `deadwax` command. Later issues add theirs here (`import discogs`, `export discogs`). */
export const COMMANDS: readonly Command[] = [
	serveCommand,
	migrateCommand,
	shopCreateCommand,
	staffCreateCommand,
	backupCommand,
	importDiscogsCommand,
	exportDiscogsCommand
];

export { EXIT_USAGE, type CliContext, type Command } from './command.ts';
