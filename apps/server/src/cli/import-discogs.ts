import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeDiscogsProblem } from '@deadwax/core/discogs';
import { createStores, migrateToLatest, openDatabase } from '@deadwax/db';
import { EXIT_USAGE, type Command } from './command.ts';
import { shopForCli } from './shop-flag.ts';

const USAGE = 'deadwax import discogs FILE [--shop ID]';

/** `deadwax import discogs FILE`: the office's Discogs import, all or nothing, from a file. */
export const importDiscogsCommand: Command = {
	name: 'import discogs',
	summary: 'import a Discogs inventory export (CSV) as used stock, all or nothing',
	usage: USAGE,
	async run(args, ctx) {
		let parsed: { values: { shop?: string | undefined }; positionals: string[] };
		try {
			parsed = parseArgs({
				args,
				options: { shop: { type: 'string' } },
				strict: true,
				allowPositionals: true
			});
		} catch (error) {
			ctx.err(`${(error as Error).message}\nUsage: ${USAGE}`);
			return EXIT_USAGE;
		}
		const [file, ...extra] = parsed.positionals;
		if (file === undefined || extra.length > 0) {
			ctx.err(`Give exactly one file to import.\nUsage: ${USAGE}`);
			return EXIT_USAGE;
		}
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch (error) {
			ctx.err(`Cannot read ${file}: ${(error as Error).message}`);
			return EXIT_USAGE;
		}
		const database = await openDatabase(ctx.config().databaseUrl);
		try {
			await migrateToLatest(database.db);
			const shop = await shopForCli(database, parsed.values.shop);
			if (!shop.ok) {
				ctx.err(shop.message);
				return EXIT_USAGE;
			}
			let shownTenth = 0;
			const outcome = await createStores(database).office.discogs.importText({
				actor: shop.actor,
				text,
				onProgress: (done, total) => {
					const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
					if (tenth > shownTenth && total >= 1000) {
						shownTenth = tenth;
						ctx.err(`  ${done} of ${total} listings…`);
					}
				}
			});
			if (!outcome.ok) {
				ctx.err(`${file} was not imported; nothing changed. ${outcome.problemCount} problem(s):`);
				for (const problem of outcome.problems) ctx.err(`  ${describeDiscogsProblem(problem)}`);
				if (outcome.problemCount > outcome.problems.length) {
					ctx.err(`  … and ${outcome.problemCount - outcome.problems.length} more`);
				}
				return 1;
			}
			ctx.out(
				`Imported ${outcome.listings} listings into shop ${shop.actor.shopId}: ${outcome.created} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged (${outcome.releasesCreated} new releases).`
			);
			return 0;
		} finally {
			await database.close();
		}
	}
};
