import type { Kysely } from 'kysely';
import { expect, test } from 'vitest';
import type { Schema } from '../schema.ts';
import { forEachStore } from '../testing/index.ts';
import { seedLabelWorld } from './fixtures.ts';
import { createLabelStores } from './index.ts';

function stores(db: Kysely<Schema>, at = '2026-03-10T12:00:00.000Z') {
	return createLabelStores({ db, now: () => at, scryptCost: { N: 1024, r: 8, p: 1 } });
}

async function feed(db: Kysely<Schema>, shopId: string, entity: 'label' | 'agreement') {
	return db
		.selectFrom('changes')
		.select(['entity_id', 'data'])
		.where('shop_id', '=', shopId)
		.where('entity', '=', entity)
		.orderBy('seq')
		.execute();
}

forEachStore('consignment terms', (store) => {
	test('a shop starts carrying a new label on its terms; the registers hear of both', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'newlbl');
		const { terms, shop } = stores(db);
		const actor = { shopId: w.shopB, staffId: w.managerB };
		const added = await terms.addLabel({
			actor,
			name: '  Tape Hiss Tapes ',
			contact: 'tapes@hiss.example',
			defaultRule: { kind: 'percent', percentBp: 3000 }
		});
		expect(added).toMatchObject({
			labelName: 'Tape Hiss Tapes',
			contact: 'tapes@hiss.example',
			defaultRule: { kind: 'percent', percentBp: 3000 },
			overrides: [],
			isActive: true,
			version: 1
		});
		expect((await shop.labels(w.shopB)).map((l) => [l.name, l.hasAgreement])).toContainEqual([
			'Tape Hiss Tapes',
			true
		]);
		expect((await feed(db, w.shopB, 'label')).map((c) => c.entity_id)).toContain(added.labelId);
		const [agreement] = await feed(db, w.shopB, 'agreement');
		expect(JSON.parse(agreement!.data!)).toMatchObject({
			labelId: added.labelId,
			defaultRule: { kind: 'percent', percentBp: 3000 },
			isActive: true
		});
		// Shop A is told nothing about shop B's new label.
		expect((await feed(db, w.shopA, 'label')).map((c) => c.entity_id)).not.toContain(added.labelId);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('subject', '=', added.labelId)
			.execute();
		expect(audit).toEqual([{ action: 'consignment.label_added', actor_id: w.managerB }]);
	});

	test('a label already on the server is shared by name, so one label login can cover both shops', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'share');
		const { terms } = stores(db);
		const added = await terms.addLabel({
			actor: { shopId: w.shopB, staffId: w.managerB },
			name: 'SHARE other label',
			contact: null,
			defaultRule: { kind: 'fixed', amountCents: 650 }
		});
		expect(added.labelId).toBe(w.otherLabelId);
		expect(added.defaultRule).toEqual({ kind: 'fixed', amountCents: 650 });
		await expect(
			terms.addLabel({
				actor: { shopId: w.shopB, staffId: w.managerB },
				name: 'share Other Label',
				contact: null,
				defaultRule: { kind: 'fixed', amountCents: 100 }
			})
		).rejects.toThrow('name: this shop already has an agreement with share Other Label');
		const named = await db
			.selectFrom('labels')
			.select('id')
			.where((eb) => eb(eb.fn('lower', ['name']), '=', 'share other label'))
			.execute();
		expect(named).toEqual([{ id: w.otherLabelId }]);
	});

	test('terms change with overrides per release; a stale save says who changed what and saves nothing', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'edit');
		const { terms } = stores(db);
		const actor = { shopId: w.shopA, staffId: w.managerA };
		const [before] = (await terms.agreements(w.shopA)).filter((a) => a.labelId === w.labelId);
		expect(before).toMatchObject({ defaultRule: { kind: 'percent', percentBp: 5000 }, version: 1 });

		const saved = await terms.saveAgreement({
			actor,
			labelId: w.labelId,
			expectedVersion: 1,
			defaultRule: { kind: 'percent', percentBp: 4000 },
			overrides: [{ releaseId: w.releaseA, rule: { kind: 'fixed', amountCents: 900 } }],
			isActive: true
		});
		expect(saved).toMatchObject({
			defaultRule: { kind: 'percent', percentBp: 4000 },
			overrides: [
				{
					releaseId: w.releaseA,
					releaseTitle: "Mr. James Barth & A.D. – Knockin' Boots",
					rule: { kind: 'fixed', amountCents: 900 }
				}
			],
			version: 2
		});
		const latest = (await feed(db, w.shopA, 'agreement')).at(-1);
		expect(JSON.parse(latest!.data!)).toMatchObject({
			overrides: { [w.releaseA]: { kind: 'fixed', amountCents: 900 } },
			version: 2
		});

		await expect(
			terms.saveAgreement({
				actor,
				labelId: w.labelId,
				expectedVersion: 1,
				defaultRule: { kind: 'percent', percentBp: 1000 },
				overrides: [],
				isActive: false
			})
		).rejects.toThrow(
			'version: these terms were changed by Manager of edit Berlin since you opened them (now 40 %); nothing was saved'
		);
		const [after] = (await terms.agreements(w.shopA)).filter((a) => a.labelId === w.labelId);
		expect(after).toMatchObject({ version: 2, isActive: true, defaultRule: { percentBp: 4000 } });
	});

	test('bad terms name the field and change nothing', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'bad');
		const { terms } = stores(db);
		const actor = { shopId: w.shopA, staffId: w.managerA };
		const save = (
			overrides: { releaseId: string; rule: { kind: 'percent'; percentBp: number } }[],
			percentBp = 3000
		) =>
			terms.saveAgreement({
				actor,
				labelId: w.labelId,
				expectedVersion: 1,
				defaultRule: { kind: 'percent', percentBp },
				overrides,
				isActive: true
			});
		await expect(save([], 10_001)).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(
			save([{ releaseId: 'no-such-release', rule: { kind: 'percent', percentBp: 100 } }])
		).rejects.toThrow('overrides[0].releaseId: no release no-such-release in the catalog');
		await expect(
			save([
				{ releaseId: w.releaseA, rule: { kind: 'percent', percentBp: 100 } },
				{ releaseId: w.releaseA, rule: { kind: 'percent', percentBp: 200 } }
			])
		).rejects.toThrow('overrides[1].releaseId: that release already has its own terms above');
		await expect(
			terms.addLabel({
				actor,
				name: '   ',
				contact: null,
				defaultRule: { kind: 'percent', percentBp: 0 }
			})
		).rejects.toThrow('name must be 1 to 120 characters (got 0)');
		const [unchanged] = (await terms.agreements(w.shopA)).filter((a) => a.labelId === w.labelId);
		expect(unchanged).toMatchObject({ version: 1, defaultRule: { percentBp: 5000 } });
		await expect(
			terms.saveAgreement({
				actor: { shopId: w.shopB, staffId: w.managerB },
				labelId: w.otherLabelId,
				expectedVersion: 1,
				defaultRule: { kind: 'percent', percentBp: 100 },
				overrides: [],
				isActive: true
			})
		).rejects.toMatchObject({ code: 'not_found' });
	});
});
