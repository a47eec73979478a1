import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSqliteFile, createStores, openDatabase } from '@deadwax/db';
import { forEachStore } from '@deadwax/db/testing';
import { verifyPin } from '@deadwax/sync';
import { afterAll, expect, test } from 'vitest';
import { runCli } from './run.ts';

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dataDir = mkdtempSync(join(tmpdir(), 'deadwax-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

forEachStore(
	'deadwax migrate and shop create',
	(store) => {
		const env = () => ({ DATABASE_URL: store().url, DATA_DIR: dataDir });

		test('migrate applies every migration once, then reports the store up to date', async () => {
			const first = capture();
			expect(await runCli(['migrate'], first.io, { env: env() })).toBe(0);
			expect(first.out[0]).toMatch(/^Applied 0001_foundation/);
			const second = capture();
			expect(await runCli(['migrate'], second.io, { env: env() })).toBe(0);
			expect(second.out[0]).toMatch(/is up to date\.$/);
		});

		test('shop create adds the shop, prints its id, and appends it to its feed', async () => {
			const run = capture();
			const code = await runCli(
				[
					'shop',
					'create',
					'--name',
					'Plattenbar Leipzig',
					'--currency',
					'EUR',
					'--timezone',
					'Europe/Berlin',
					'--locale',
					'de-DE',
					'--tax-mode',
					'inclusive'
				],
				run.io,
				{ env: env() }
			);
			expect(code).toBe(0);
			const id = run.out[0]!;
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
			expect(run.err).toEqual([
				'Created shop "Plattenbar Leipzig" (EUR, Europe/Berlin, prices inclusive of tax).',
				`Tax class "Standard (0 %)" (${id}-tax) at 0 %.`,
				`Next, its first owner: pnpm deadwax staff create --shop ${id} --name NAME --role owner --pin PIN`
			]);
			const { db } = store().database;
			const shop = await db
				.selectFrom('shops')
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			expect(shop).toMatchObject({
				name: 'Plattenbar Leipzig',
				currency: 'EUR',
				locale: 'de-DE',
				tax_mode: 'inclusive',
				change_seq: 2
			});
			const feed = await db
				.selectFrom('changes')
				.select(['seq', 'entity', 'entity_id', 'data'])
				.where('shop_id', '=', id)
				.orderBy('seq')
				.execute();
			expect(feed.map((c) => [c.seq, c.entity, c.entity_id])).toEqual([
				[1, 'shop', id],
				[2, 'tax_class', `${id}-tax`]
			]);
			expect(JSON.parse(feed[1]!.data!)).toEqual({
				id: `${id}-tax`,
				name: 'Standard (0 %)',
				ratePpm: 0,
				isActive: true,
				version: 1
			});
		});

		test('shop create takes the tax class’s rate and name, and staff create gives the shop an owner who can sign in', async () => {
			const made = capture();
			expect(
				await runCli(
					[
						'shop',
						'create',
						'--id',
						'vienna',
						'--name',
						'Vienna Vinyl',
						'--currency',
						'EUR',
						'--timezone',
						'Europe/Vienna',
						'--tax-rate',
						'8.875',
						'--tax-name',
						'Records'
					],
					made.io,
					{ env: env() }
				)
			).toBe(0);
			expect(made.err[1]).toBe('Tax class "Records" (vienna-tax) at 8.875 %.');
			const { db } = store().database;
			expect(
				await db.selectFrom('tax_classes').selectAll().where('shop_id', '=', 'vienna').execute()
			).toMatchObject([{ id: 'vienna-tax', name: 'Records', rate_ppm: 88_750, active: 1 }]);

			const added = capture();
			expect(
				await runCli(
					[
						'staff',
						'create',
						'--shop',
						'vienna',
						'--name',
						' Ola Owner ',
						'--role',
						'owner',
						'--pin',
						'2468'
					],
					added.io,
					{ env: env() }
				)
			).toBe(0);
			const staffId = added.out[0]!;
			expect(added.err).toEqual([
				'Added owner "Ola Owner" to shop vienna; they sign in with their PIN at the register and in the office.'
			]);
			const row = await db
				.selectFrom('staff')
				.selectAll()
				.where('id', '=', staffId)
				.executeTakeFirstOrThrow();
			expect(row).toMatchObject({ shop_id: 'vienna', name: 'Ola Owner', role: 'owner', active: 1 });
			// Hashed as the office hashes a PIN: PBKDF2 at the production rounds, never the PIN itself.
			expect(row.pin_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
			expect(row.pin_hash).not.toContain('2468');
			expect(await verifyPin('2468', row.pin_hash)).toBe(true);
			const staffChange = await db
				.selectFrom('changes')
				.select('data')
				.where('shop_id', '=', 'vienna')
				.where('entity', '=', 'staff')
				.executeTakeFirstOrThrow();
			expect(JSON.parse(staffChange.data!)).toMatchObject({ id: staffId, pinHash: row.pin_hash });

			const stores = createStores(store().database);
			const session = await stores.office.auth.signIn({ shopId: 'vienna', staffId, pin: '2468' });
			expect(session.session).toMatchObject({ shopId: 'vienna', staffId, role: 'owner' });
			const audit = await stores.office.audit.list({ shopId: 'vienna', limit: 10 });
			expect(audit.find((a) => a.action === 'staff.created')).toMatchObject({
				action: 'staff.created',
				actorKind: 'system',
				actorId: 'cli',
				subject: staffId
			});
			const item = await stores.office.catalog.createItem({
				actor: { shopId: 'vienna', staffId, role: 'owner' },
				fields: {
					releaseId: null,
					title: 'First record',
					kind: 'new',
					priceCents: 1999,
					costCents: null,
					taxClassId: 'vienna-tax',
					mediaGrade: null,
					sleeveGrade: null,
					bin: null,
					genre: null,
					labelId: null,
					notes: null,
					status: 'active'
				},
				quantity: 1
			});
			expect(item.onHand).toBe(1);
		});

		test('staff create names the shops when --shop is unknown, and adds nobody', async () => {
			const run = capture();
			expect(
				await runCli(
					[
						'staff',
						'create',
						'--shop',
						'nowhere',
						'--name',
						'Cleo',
						'--role',
						'clerk',
						'--pin',
						'1234'
					],
					run.io,
					{ env: env() }
				)
			).toBe(2);
			expect(run.err[0]).toMatch(
				/^No shop with id nowhere\. Shops here:\n {2}\S+ {2}Plattenbar Leipzig/
			);
			expect(
				await store()
					.database.db.selectFrom('staff')
					.select('id')
					.where('name', '=', 'Cleo')
					.execute()
			).toEqual([]);
		});

		test('shop create refuses a taken id and changes nothing', async () => {
			const args = [
				'shop',
				'create',
				'--id',
				'soho',
				'--name',
				'Soho',
				'--currency',
				'GBP',
				'--timezone',
				'Europe/London'
			];
			expect(await runCli(args, capture().io, { env: env() })).toBe(0);
			const again = capture();
			expect(await runCli(args, again.io, { env: env() })).toBe(1);
			expect(again.err[0]).toBe('deadwax shop create failed: A shop with id soho already exists');
			const rows = await store()
				.database.db.selectFrom('shops')
				.select('id')
				.where('id', '=', 'soho')
				.execute();
			expect(rows).toHaveLength(1);
		});
	},
	{ migrate: false }
);

test('backup writes a consistent, readable copy of the SQLite store and prints its path', async () => {
	const url = `file:${join(dataDir, 'live.db')}`;
	expect(
		await runCli(
			[
				'shop',
				'create',
				'--id',
				'live',
				'--name',
				'Live',
				'--currency',
				'EUR',
				'--timezone',
				'Europe/Berlin'
			],
			capture().io,
			{ env: { DATABASE_URL: url, DATA_DIR: dataDir } }
		)
	).toBe(0);
	const run = capture();
	expect(await runCli(['backup'], run.io, { env: { DATABASE_URL: url, DATA_DIR: dataDir } })).toBe(
		0
	);
	const path = run.out[0]!;
	expect(path).toMatch(new RegExp(`^${dataDir}/backups/deadwax-\\d{8}-\\d{6}\\.db$`));
	expect(run.err[0]).toMatch(/1 shops, 0 items, 0 stock movements\. Integrity check: ok\.$/);
	expect(checkSqliteFile(path).isIntact).toBe(true);
	const copy = await openDatabase(`file:${path}`);
	try {
		expect(await copy.db.selectFrom('shops').select(['id', 'name']).execute()).toEqual([
			{ id: 'live', name: 'Live' }
		]);
	} finally {
		await copy.close();
	}
	const explicit = capture();
	const out = join(dataDir, 'named.db');
	expect(
		await runCli(['backup', '--out', out], explicit.io, {
			env: { DATABASE_URL: url, DATA_DIR: dataDir }
		})
	).toBe(0);
	expect(explicit.out).toEqual([out]);
});
