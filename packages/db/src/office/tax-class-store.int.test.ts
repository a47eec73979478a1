import { expect, test } from 'vitest';
import { forEachStore } from '../testing/index.ts';
import { seedOfficeShop } from './fixtures.ts';

forEachStore('office tax classes', (store) => {
	const db = () => store().database.db;

	async function feedOf(shopId: string, entityId: string) {
		const rows = await db()
			.selectFrom('changes')
			.select(['seq', 'data'])
			.where('shop_id', '=', shopId)
			.where('entity', '=', 'tax_class')
			.where('entity_id', '=', entityId)
			.orderBy('seq')
			.execute();
		return rows.map((r) => JSON.parse(r.data!) as Record<string, unknown>);
	}

	test('adds a class, lists it and sends its snapshot to the registers', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'tc-add' });
		const created = await f.stores.taxClasses.create({
			actor: f.manager,
			name: ' NYC sales tax ',
			ratePpm: 88750
		});
		expect(created).toMatchObject({
			name: 'NYC sales tax',
			ratePpm: 88750,
			isActive: true,
			version: 1
		});
		const zero = await f.stores.taxClasses.create({ actor: f.owner, name: 'Zero', ratePpm: 0 });
		expect(zero.ratePpm).toBe(0);
		const list = await f.stores.taxClasses.list(f.shopId);
		expect(list.map((c) => [c.name, c.ratePpm])).toEqual([
			['NYC sales tax', 88750],
			['Records', 190000],
			['Zero', 0]
		]);
		expect(await feedOf(f.shopId, created.id)).toEqual([
			{ id: created.id, name: 'NYC sales tax', ratePpm: 88750, isActive: true, version: 1 }
		]);
		const audit = await db()
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('subject', '=', created.id)
			.execute();
		expect(audit).toEqual([{ action: 'tax_class.created', actor_id: f.manager.staffId }]);
	});

	test('changes name and rate at the expected version and appends the new snapshot', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'tc-update' });
		const updated = await f.stores.taxClasses.update({
			actor: f.manager,
			taxClassId: f.taxClassId,
			expectedVersion: 1,
			name: 'Records (reduced)',
			ratePpm: 70000
		});
		expect(updated).toMatchObject({ name: 'Records (reduced)', ratePpm: 70000, version: 2 });
		const feed = await feedOf(f.shopId, f.taxClassId);
		expect(feed.at(-1)).toEqual({
			id: f.taxClassId,
			name: 'Records (reduced)',
			ratePpm: 70000,
			isActive: true,
			version: 2
		});
	});

	test('refuses a stale version, saying what changed and who changed it', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'tc-stale' });
		await f.stores.taxClasses.update({
			actor: f.owner,
			taxClassId: f.taxClassId,
			expectedVersion: 1,
			name: 'Records',
			ratePpm: 88750
		});
		await expect(
			f.stores.taxClasses.update({
				actor: f.manager,
				taxClassId: f.taxClassId,
				expectedVersion: 1,
				name: 'Vinyl',
				ratePpm: 190000
			})
		).rejects.toMatchObject({
			code: 'conflict',
			message:
				'Ola Owner changed this tax class after you opened it (you edited version 1, it is now version 2): rate is now 8.875 %. Nothing was saved; reload to edit the current version.'
		});
		const [records] = await f.stores.taxClasses.list(f.shopId);
		expect(records).toMatchObject({ name: 'Records', ratePpm: 88750, version: 2 });
	});

	test('refuses bad input naming the field, and unknown or foreign classes', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'tc-bad' });
		const other = await seedOfficeShop(db(), { shopId: 'tc-bad-other' });
		await expect(
			f.stores.taxClasses.create({ actor: f.manager, name: '  ', ratePpm: 0 })
		).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(
			f.stores.taxClasses.create({ actor: f.manager, name: '  ', ratePpm: 0 })
		).rejects.toThrow(/^name must be 1 to 80 characters/);
		for (const ratePpm of [-1, 1_000_001, 1.5, Number.NaN]) {
			const attempt = f.stores.taxClasses.create({ actor: f.manager, name: 'Odd', ratePpm });
			await expect(attempt).rejects.toMatchObject({ code: 'invalid_input' });
			await expect(attempt).rejects.toThrow(/^ratePpm must be .*0 to 100 %/);
		}
		await expect(
			f.stores.taxClasses.create({ actor: f.manager, name: 'records', ratePpm: 0 })
		).rejects.toThrow('name: a tax class called Records exists already');
		await expect(
			f.stores.taxClasses.update({
				actor: f.manager,
				taxClassId: f.taxClassId,
				expectedVersion: 1,
				name: 'Records',
				ratePpm: 1_000_001
			})
		).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(
			f.stores.taxClasses.update({
				actor: f.manager,
				taxClassId: other.taxClassId,
				expectedVersion: 1,
				name: 'Mine now',
				ratePpm: 0
			})
		).rejects.toMatchObject({ code: 'not_found' });
		expect((await f.stores.taxClasses.list(f.shopId)).map((c) => c.name)).toEqual(['Records']);
		expect((await feedOf(f.shopId, f.taxClassId)).length).toBe(1);
	});
});
