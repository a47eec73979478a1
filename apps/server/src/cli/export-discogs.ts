import { parseArgs } from 'node:util';
import { createStores, migrateToLatest, openDatabase } from '@deadwax/db';
import { EXIT_USAGE, type Command } from './command.ts';
import { shopForCli } from './shop-flag.ts';

const USAGE = 'deadwax export discogs [--shop ID] > FILE';

/** `deadwax export discogs`: the shop's used stock as a Discogs inventory export, on stdout. */
export const exportDiscogsCommand: Command = {
	name: 'export discogs',
	summary: "write the shop's used stock as a Discogs inventory export (CSV) to stdout",
	usage: USAGE,
	async run(args, ctx) {
		let shopId: string | undefined;
		try {
			shopId = parseArgs({
				args,
				options: { shop: { type: 'string' } },
				strict: true,
				allowPositionals: false
			}).values.shop;
		} catch (error) {
			ctx.err(`${(error as Error).message}\nUsage: ${USAGE}`);
			return EXIT_USAGE;
		}
		const database = await openDatabase(ctx.config().databaseUrl);
		try {
			await migrateToLatest(database.db);
			const shop = await shopForCli(database, shopId);
			if (!shop.ok) {
				ctx.err(shop.message);
				return EXIT_USAGE;
			}
			const text = await createStores(database).office.discogs.exportText(shop.actor.shopId);
			// out() ends with "\n"; the text's last line already ends "\r\n", so hand over all but that "\n".
			ctx.out(text.slice(0, -1));
			return 0;
		} finally {
			await database.close();
		}
	}
};
