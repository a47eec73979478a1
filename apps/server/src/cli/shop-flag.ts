import type { Database } from '@deadwax/db';
import type { OfficeActor } from '@deadwax/sync';

/** The shop a `--shop` flag names, or the only shop there is; otherwise a message saying which exist. */
export async function shopForCli(
	database: Database,
	shopId: string | undefined
): Promise<{ ok: true; actor: OfficeActor } | { ok: false; message: string }> {
	const shops = await database.db
		.selectFrom('shops')
		.select(['id', 'name'])
		.orderBy('created_at')
		.execute();
	const list = shops.map((s) => `  ${s.id}  ${s.name}`).join('\n');
	if (shopId !== undefined) {
		if (!shops.some((s) => s.id === shopId)) {
			return {
				ok: false,
				message: `No shop with id ${shopId}. Shops here:\n${list || '  (none)'}`
			};
		}
	} else if (shops.length !== 1) {
		return {
			ok: false,
			message:
				shops.length === 0
					? 'There is no shop yet; create one with `pnpm deadwax shop create`.'
					: `There are ${shops.length} shops; say which with --shop ID:\n${list}`
		};
	}
	const id = shopId ?? shops[0]?.id ?? '';
	// The CLI acts as the system: its writes are audited as such, not as a staff member.
	return { ok: true, actor: { shopId: id, staffId: 'cli', role: 'owner', kind: 'system' } };
}
