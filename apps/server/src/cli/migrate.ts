import { maskUrl, migrateToLatest, openDatabase } from '@deadwax/db';
import type { Command } from './command.ts';

export const migrateCommand: Command = {
	name: 'migrate',
	summary: 'apply every pending migration to the configured store',
	usage: 'deadwax migrate',
	async run(_args, ctx) {
		const config = ctx.config();
		const database = await openDatabase(config.databaseUrl);
		try {
			const { applied } = await migrateToLatest(database.db);
			ctx.out(
				applied.length === 0
					? `${maskUrl(config.databaseUrl)} is up to date.`
					: `Applied ${applied.join(', ')} to ${maskUrl(config.databaseUrl)}.`
			);
			return 0;
		} finally {
			await database.close();
		}
	}
};
