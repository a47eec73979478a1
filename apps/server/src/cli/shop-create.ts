import { parseArgs } from 'node:util';
import { currencyCode } from '@deadwax/core';
import { createStores, migrateToLatest, openDatabase } from '@deadwax/db';
import { z } from 'zod';
import { EXIT_USAGE, type Command } from './command.ts';

function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false; // Intl throws RangeError for an unknown zone: that is the answer
	}
}

function isLocale(tag: string): boolean {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false; // RangeError: not a BCP 47 tag
	}
}

const flagsSchema = z.object({
	name: z
		.string({ error: '--name is required (the shop name)' })
		.trim()
		.min(1, { error: '--name must not be empty' })
		.max(200, { error: '--name must be at most 200 characters' }),
	currency: z.string({ error: '--currency is required (ISO 4217, e.g. EUR)' }).pipe(currencyCode),
	timezone: z
		.string({ error: '--timezone is required (IANA zone, e.g. Europe/Berlin)' })
		.refine(isTimeZone, { error: 'must be an IANA zone like Europe/Berlin' }),
	locale: z.string().refine(isLocale, { error: 'must be a BCP 47 tag like de-DE' }).optional(),
	'tax-mode': z
		.enum(['inclusive', 'exclusive'], { error: 'must be inclusive or exclusive' })
		.default('inclusive'),
	'tax-rounding': z.enum(['line', 'receipt'], { error: 'must be line or receipt' }).default('line'),
	id: z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, {
			error: 'must be 2–63 lower-case letters, digits or dashes'
		})
		.optional()
});

const USAGE =
	'deadwax shop create --name NAME --currency EUR --timezone Europe/Berlin ' +
	'[--locale de-DE] [--tax-mode inclusive|exclusive] [--tax-rounding line|receipt] [--id slug]';

export const shopCreateCommand: Command = {
	name: 'shop create',
	summary: 'add a shop to the store and print its id',
	usage: USAGE,
	async run(args, ctx) {
		let values: Record<string, string | undefined>;
		try {
			values = parseArgs({
				args,
				options: {
					name: { type: 'string' },
					currency: { type: 'string' },
					timezone: { type: 'string' },
					locale: { type: 'string' },
					'tax-mode': { type: 'string' },
					'tax-rounding': { type: 'string' },
					id: { type: 'string' }
				},
				strict: true,
				allowPositionals: false
			}).values;
		} catch (error) {
			ctx.err(`${(error as Error).message}\nUsage: ${USAGE}`);
			return EXIT_USAGE;
		}
		const parsed = flagsSchema.safeParse(values);
		if (!parsed.success) {
			const problems = parsed.error.issues.map((issue) => {
				const flag = `--${String(issue.path[0])}`;
				return issue.message.startsWith('--')
					? issue.message
					: `${flag} ${issue.message} (got ${JSON.stringify(values[String(issue.path[0])])})`;
			});
			ctx.err(`Cannot create the shop:\n  ${problems.join('\n  ')}\nUsage: ${USAGE}`);
			return EXIT_USAGE;
		}
		const flags = parsed.data;
		const database = await openDatabase(ctx.config().databaseUrl);
		try {
			await migrateToLatest(database.db);
			const shop = await createStores(database).shops.create({
				...(flags.id !== undefined ? { id: flags.id } : {}),
				name: flags.name,
				currency: flags.currency,
				timezone: flags.timezone,
				...(flags.locale !== undefined ? { locale: flags.locale } : {}),
				taxMode: flags['tax-mode'],
				taxRounding: flags['tax-rounding']
			});
			ctx.err(
				`Created shop "${shop.name}" (${shop.currency}, ${shop.timezone}, prices ${shop.taxMode} of tax).`
			);
			ctx.out(shop.id);
			return 0;
		} finally {
			await database.close();
		}
	}
};
