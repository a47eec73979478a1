import { parseArgs } from 'node:util';
import { currencyCode, formatRatePpm, parsePercentToPpm } from '@deadwax/core';
import {
	appendChange,
	createStores,
	migrateToLatest,
	openDatabase,
	taxClassSnapshot,
	type Database
} from '@deadwax/db';
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
	'tax-rate': z
		.string()
		.regex(/^\d{1,3}(\.\d{1,4})?$/, { error: 'must be a percentage like 19 or 8.875' })
		.transform((rate) => parsePercentToPpm(rate) ?? Infinity)
		.refine((ppm) => ppm <= 1_000_000, { error: 'must be at most 100' })
		.default(0),
	'tax-name': z
		.string()
		.trim()
		.min(1, { error: '--tax-name must not be empty' })
		.max(80, { error: '--tax-name must be at most 80 characters' })
		.optional(),
	id: z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, {
			error: 'must be 2–63 lower-case letters, digits or dashes'
		})
		.optional()
});

const USAGE =
	'deadwax shop create --name NAME --currency EUR --timezone Europe/Berlin ' +
	'[--locale de-DE] [--tax-mode inclusive|exclusive] [--tax-rounding line|receipt] ' +
	'[--tax-rate 19] [--tax-name NAME] [--id slug]';

/**
 * The shop's first tax class, written as the demo seed writes its own (the row, then its snapshot
 * in the shop's feed), so items can be created and tablets can sell at once. Its id is the shop's
 * with `-tax`.
 */
async function addDefaultTaxClass(
	database: Database,
	shopId: string,
	{ name, ratePpm }: { name: string; ratePpm: number }
): Promise<string> {
	return database.db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('tax_classes')
			.values({
				id: `${shopId}-tax`,
				shop_id: shopId,
				name,
				rate_ppm: ratePpm,
				updated_at: new Date().toISOString()
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendChange(trx, shopId, 'tax_class', row.id, taxClassSnapshot(row));
		return row.id;
	});
}

/**
 * `deadwax shop create`: a shop with one tax class (`--tax-rate`, 0 % unless given), ready for its
 * first owner (`deadwax staff create`).
 */
export const shopCreateCommand: Command = {
	name: 'shop create',
	summary: 'add a shop with a default tax class to the store and print its id',
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
					'tax-rate': { type: 'string' },
					'tax-name': { type: 'string' },
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
			const ratePpm = flags['tax-rate'];
			const taxName = flags['tax-name'] ?? `Standard (${formatRatePpm(ratePpm)})`;
			try {
				const taxClassId = await addDefaultTaxClass(database, shop.id, { name: taxName, ratePpm });
				ctx.err(`Tax class "${taxName}" (${taxClassId}) at ${formatRatePpm(ratePpm)}.`);
			} catch (error) {
				ctx.err(
					`The shop is there, but its tax class is not: ${error instanceof Error ? error.message : String(error)}`
				);
				ctx.out(shop.id);
				return 1;
			}
			ctx.err(
				`Next, its first owner: pnpm deadwax staff create --shop ${shop.id} --name NAME --role owner --pin PIN`
			);
			ctx.out(shop.id);
			return 0;
		} finally {
			await database.close();
		}
	}
};
