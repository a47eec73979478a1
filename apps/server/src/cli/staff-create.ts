import { parseArgs } from 'node:util';
import { createStores, migrateToLatest, openDatabase } from '@deadwax/db';
import { pinProblem } from '@deadwax/sync';
import { z } from 'zod';
import { EXIT_USAGE, type Command } from './command.ts';
import { shopForCli } from './shop-flag.ts';

const ROLES = ['owner', 'manager', 'clerk'] as const;

const flagsSchema = z.object({
	shop: z.string().optional(),
	name: z
		.string({ error: '--name is required (as the register and the office show it)' })
		.trim()
		.min(1, { error: '--name must not be empty' })
		.max(80, { error: '--name must be at most 80 characters' }),
	role: z.enum(ROLES, {
		error: (issue) =>
			issue.input === undefined
				? '--role is required (owner, manager or clerk)'
				: 'must be owner, manager or clerk'
	}),
	// Never echoed back: a PIN does not belong in an error message or a terminal's scrollback.
	pin: z
		.string({ error: '--pin is required (4 to 8 digits)' })
		.refine((pin) => pinProblem(pin) === null, { error: '--pin must be 4 to 8 digits' })
});

const USAGE = 'deadwax staff create [--shop ID] --name NAME --role owner|manager|clerk --pin 1234';

/**
 * `deadwax staff create`: the office's "add staff" (the PIN hashed the same way, the staff row in
 * the shop's feed for offline sign-in, an audit entry), done by the system, so a new shop can get
 * its first owner.
 */
export const staffCreateCommand: Command = {
	name: 'staff create',
	summary: 'add a staff member with a PIN to a shop and print their id',
	usage: USAGE,
	async run(args, ctx) {
		let values: Record<string, string | undefined>;
		try {
			values = parseArgs({
				args,
				options: {
					shop: { type: 'string' },
					name: { type: 'string' },
					role: { type: 'string' },
					pin: { type: 'string' }
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
				const flag = String(issue.path[0]);
				return issue.message.startsWith('--')
					? issue.message
					: `--${flag} ${issue.message} (got ${JSON.stringify(values[flag])})`;
			});
			ctx.err(`Cannot add the staff member:\n  ${problems.join('\n  ')}\nUsage: ${USAGE}`);
			return EXIT_USAGE;
		}
		const flags = parsed.data;
		const database = await openDatabase(ctx.config().databaseUrl);
		try {
			await migrateToLatest(database.db);
			const shop = await shopForCli(database, flags.shop);
			if (!shop.ok) {
				ctx.err(shop.message);
				return EXIT_USAGE;
			}
			const staff = await createStores(database).office.staff.create({
				actor: shop.actor,
				name: flags.name,
				role: flags.role,
				pin: flags.pin
			});
			ctx.err(
				`Added ${staff.role} "${staff.name}" to shop ${shop.actor.shopId}; they sign in with their PIN${staff.role === 'clerk' ? ' at the register' : ' at the register and in the office'}.`
			);
			ctx.out(staff.id);
			return 0;
		} finally {
			await database.close();
		}
	}
};
