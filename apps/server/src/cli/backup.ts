import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backupSqlite, checkSqliteFile, maskUrl, storeKindOf } from '@deadwax/db';
import { EXIT_USAGE, type Command } from './command.ts';

const USAGE = 'deadwax backup [--out FILE]   (default: $DATA_DIR/backups/deadwax-<time>.db)';

/** 2026-03-01T10:15:30.123Z → 20260301-101530: sortable and safe in a file name. */
function stamp(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export const backupCommand: Command = {
	name: 'backup',
	summary: 'copy the SQLite store consistently, even while the server runs',
	usage: USAGE,
	async run(args, ctx) {
		let out: string | undefined;
		try {
			out = parseArgs({ args, options: { out: { type: 'string' } }, strict: true }).values.out;
		} catch (error) {
			ctx.err(`${(error as Error).message}\nUsage: ${USAGE}`);
			return EXIT_USAGE;
		}
		const config = ctx.config();
		if (storeKindOf(config.databaseUrl) === 'postgres') {
			ctx.err(
				`The store is PostgreSQL (${maskUrl(config.databaseUrl)}); \`deadwax backup\` copies SQLite only.\n` +
					'Back PostgreSQL up with its own tools, e.g.: pg_dump --format=custom --file=deadwax.dump "$DATABASE_URL"'
			);
			return EXIT_USAGE;
		}
		const from = config.databaseUrl.slice('file:'.length);
		if (from === ':memory:') {
			ctx.err('The store is an in-memory SQLite database; there is nothing on disk to back up.');
			return EXIT_USAGE;
		}
		const target = out ?? join(config.dataDir, 'backups', `deadwax-${stamp(new Date())}.db`);
		const result = await backupSqlite({ from, to: target });
		const check = checkSqliteFile(result.path);
		if (!check.isIntact) {
			ctx.err(
				`The copy at ${result.path} failed SQLite's integrity check; keep the original and try again.`
			);
			return 1;
		}
		ctx.err(
			`Backed up ${from} (${result.pages} pages): ${check.counts['shops'] ?? 0} shops, ` +
				`${check.counts['items'] ?? 0} items, ${check.counts['stock_movements'] ?? 0} stock movements. Integrity check: ok.`
		);
		ctx.out(result.path);
		return 0;
	}
};
