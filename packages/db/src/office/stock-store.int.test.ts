import type { Operation } from '@deadwax/core';
import type { ItemFields } from '@deadwax/sync';
import { saleOp, saleRecord } from '@deadwax/sync/testing';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { expect, test } from 'vitest';
import type { Schema } from '../schema.ts';
import { createSyncStore } from '../sync/index.ts';
import { forEachStore } from '../testing/index.ts';
import { seedOfficeShop, type OfficeFixture } from './fixtures.ts';

const NOW = '2026-03-02T10:00:00.000Z';

function newStock(f: OfficeFixture, overrides: Partial<ItemFields> = {}): ItemFields {
	return {
		releaseId: null,
		title: 'Sealed LP',
		kind: 'new',
		priceCents: 2499,
		costCents: null,
		taxClassId: f.taxClassId,
		mediaGrade: null,
		sleeveGrade: null,
		bin: 'A1',
		genre: null,
		labelId: null,
		notes: null,
		status: 'active',
		...overrides
	};
}

async function movements(db: Kysely<Schema>, shopId: string) {
	return db
		.selectFrom('stock_movements')
		.select(['item_id', 'delta', 'reason', 'ref_kind', 'by'])
		.where('shop_id', '=', shopId)
		.orderBy('id')
		.execute();
}

async function onHand(db: Kysely<Schema>, shopId: string, itemId: string): Promise<number> {
	const row = await db
		.selectFrom('stock_levels')
		.select('on_hand')
		.where('shop_id', '=', shopId)
		.where('item_id', '=', itemId)
		.executeTakeFirst();
	return row?.on_hand ?? 0;
}

function op<K extends Operation['kind']>(
	kind: K,
	payload: Extract<Operation, { kind: K }>['payload'],
	deviceSeq = 1
): Operation {
	return {
		opId: uuidv7(),
		deviceId: 'office-tablet',
		deviceSeq,
		deviceTime: NOW,
		kind,
		payload
	} as Operation;
}

forEachStore('office stock documents', (store) => {
	const db = () => store().database.db;

	test('receives a delivery as one movement per line, in the ledger, the feed and the audit log', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'st-receive' });
		const lp = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f),
			quantity: 2
		});
		const cd = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f, { title: 'CD' })
		});
		const before = await db()
			.selectFrom('shops')
			.select('change_seq')
			.where('id', '=', f.shopId)
			.executeTakeFirstOrThrow();
		const documentId = uuidv7();
		const receipt = {
			documentId,
			supplier: 'Cargo Records',
			reference: 'DN-4711',
			lines: [
				{ itemId: lp.id, quantity: 10, costCents: 1350 },
				{ itemId: cd.id, quantity: 4, costCents: null }
			]
		};
		const document = await f.stores.stock.receive({ actor: f.manager, receipt });
		expect(document).toMatchObject({
			kind: 'receive',
			counterpartyName: 'Cargo Records',
			reference: 'DN-4711',
			byName: 'Mika Manager'
		});
		expect(document.lines.map((l) => [l.description, l.delta, l.onHandAfter])).toEqual([
			['Sealed LP', 10, 12],
			['CD', 4, 4]
		]);
		expect((await movements(db(), f.shopId)).slice(-2)).toEqual([
			{ item_id: lp.id, delta: 10, reason: 'receive', ref_kind: 'document', by: f.manager.staffId },
			{ item_id: cd.id, delta: 4, reason: 'receive', ref_kind: 'document', by: f.manager.staffId }
		]);
		const feed = await db()
			.selectFrom('changes')
			.select(['entity', 'entity_id', 'data'])
			.where('shop_id', '=', f.shopId)
			.where('seq', '>', before.change_seq)
			.orderBy('seq')
			.execute();
		expect(feed.map((c) => [c.entity, c.entity_id])).toEqual([
			['item', lp.id],
			['stock', lp.id],
			['stock', cd.id]
		]);
		expect(JSON.parse(feed[0]!.data!)).toMatchObject({ costCents: 1350, version: 2 });
		const [audit] = await f.stores.audit.list({ shopId: f.shopId, limit: 1 });
		expect(audit).toMatchObject({
			action: 'stock.received',
			subject: documentId,
			actorName: 'Mika Manager',
			detail: { lines: 2, units: 14 }
		});

		expect(await f.stores.stock.document({ shopId: f.shopId, documentId })).toEqual(document);
		await expect(
			f.stores.stock.document({ shopId: 'st-receive-bad', documentId })
		).rejects.toMatchObject({ code: 'not_found' });
		// A retry of the same document (the browser lost the answer) records nothing again.
		const again = await f.stores.stock.receive({ actor: f.manager, receipt });
		expect(again.id).toBe(documentId);
		expect(await onHand(db(), f.shopId, lp.id)).toBe(12);
	});

	test('refuses a delivery naming an unknown item or consignment stock, and writes nothing', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'st-receive-bad' });
		const own = await f.stores.catalog.createItem({ actor: f.manager, fields: newStock(f) });
		const consigned = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f, { title: 'Label LP', labelId: f.labelId })
		});
		await expect(
			f.stores.stock.receive({
				actor: f.manager,
				receipt: {
					documentId: uuidv7(),
					supplier: 'Cargo',
					reference: null,
					lines: [
						{ itemId: own.id, quantity: 1, costCents: null },
						{ itemId: 'ghost', quantity: 1, costCents: null },
						{ itemId: consigned.id, quantity: 2, costCents: null }
					]
				}
			})
		).rejects.toMatchObject({
			code: 'invalid_input',
			message:
				'line 2: no item with id ghost in this shop; line 3: Label LP is consignment stock; take it in as a consignment delivery'
		});
		expect(await movements(db(), f.shopId)).toEqual([]);
		expect(await f.stores.stock.documents({ shopId: f.shopId, limit: 10 })).toEqual([]);
	});

	test('takes in a label delivery under its agreement and returns unsold copies, never more than on hand', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'st-consign' });
		const lp = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f, { title: 'Label LP', labelId: f.labelId })
		});
		const own = await f.stores.catalog.createItem({ actor: f.manager, fields: newStock(f) });
		const intake = await f.stores.stock.consignIn({
			actor: f.manager,
			intake: {
				documentId: uuidv7(),
				labelId: f.labelId,
				reference: 'consignment note 7',
				lines: [{ itemId: lp.id, quantity: 25 }]
			}
		});
		expect(intake).toMatchObject({
			kind: 'consign_in',
			counterparty: f.labelId,
			counterpartyName: `Label of ${f.shopId}`
		});
		await expect(
			f.stores.stock.consignIn({
				actor: f.manager,
				intake: {
					documentId: uuidv7(),
					labelId: f.labelId,
					reference: null,
					lines: [{ itemId: own.id, quantity: 1 }]
				}
			})
		).rejects.toThrow(`line 1: Sealed LP is the shop's own stock, not label ${f.labelId}'s`);
		await expect(
			f.stores.stock.returnToLabel({
				actor: f.manager,
				shipment: {
					documentId: uuidv7(),
					labelId: f.labelId,
					reason: 'unsold after 6 months',
					lines: [{ itemId: lp.id, quantity: 26 }]
				}
			})
		).rejects.toThrow('Label LP: cannot return 26 copies, only 25 on hand');
		const back = await f.stores.stock.returnToLabel({
			actor: f.manager,
			shipment: {
				documentId: uuidv7(),
				labelId: f.labelId,
				reason: 'unsold after 6 months',
				lines: [{ itemId: lp.id, quantity: 20 }]
			}
		});
		expect(back.lines).toEqual([
			{ itemId: lp.id, description: 'Label LP', delta: -20, onHandAfter: 5 }
		]);
		expect((await movements(db(), f.shopId)).map((m) => [m.reason, m.delta])).toEqual([
			['consign_in', 25],
			['return_to_label', -20]
		]);
	});

	test('refuses a consignment delivery from a label without an active agreement', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'st-consign-off' });
		const lp = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f, { labelId: f.labelId })
		});
		await db()
			.updateTable('consignment_agreements')
			.set({ active: 0 })
			.where('id', '=', f.agreementId)
			.execute();
		await expect(
			f.stores.stock.consignIn({
				actor: f.manager,
				intake: {
					documentId: uuidv7(),
					labelId: f.labelId,
					reference: null,
					lines: [{ itemId: lp.id, quantity: 5 }]
				}
			})
		).rejects.toThrow(`label ${f.labelId} has no active consignment agreement with this shop`);
		expect(await onHand(db(), f.shopId, lp.id)).toBe(0);
	});

	test('posts count differences against the on-hand at the cursor, keeping sales made since', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'st-count' });
		const a = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f, { title: 'A' }),
			quantity: 5
		});
		const b = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f, { title: 'B' }),
			quantity: 2
		});
		const c = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f, { title: 'C', bin: 'B7' }),
			quantity: 1
		});
		const bin = await f.stores.stock.binContents({ shopId: f.shopId, bin: 'A1' });
		expect(bin.items.map((i) => [i.description, i.onHand])).toEqual([
			['A', 5],
			['B', 2]
		]);
		// A register sells one copy of A after the counter read the bin, before the count is posted.
		await createSyncStore({ db: db(), now: () => NOW }).push({
			shopId: f.shopId,
			deviceId: 'till-1',
			ops: [saleOp(saleRecord([{ itemId: a.id, quantity: 1 }], { completedAt: NOW }))]
		});
		const count = await f.stores.stock.count({
			actor: f.manager,
			count: {
				documentId: uuidv7(),
				bin: 'A1',
				reason: 'Monthly count',
				cursor: bin.cursor,
				lines: [
					{ itemId: a.id, countedQty: 2 },
					{ itemId: a.id, countedQty: 1 },
					{ itemId: b.id, countedQty: 2 },
					{ itemId: c.id, countedQty: 1 }
				]
			}
		});
		expect(
			count.lines.map((l) => [l.description, l.expectedQty, l.countedQty, l.delta, l.onHandAfter])
		).toEqual([
			['A', 5, 3, -2, 2],
			['B', 2, 2, 0, 2],
			['C', 1, 1, 0, 1]
		]);
		expect((await movements(db(), f.shopId)).filter((m) => m.reason === 'count')).toEqual([
			{ item_id: a.id, delta: -2, reason: 'count', ref_kind: 'document', by: f.manager.staffId }
		]);
		expect(count).toMatchObject({ kind: 'count', reference: 'A1', reason: 'Monthly count' });
	});

	test('applies stock documents pushed from an offline tablet, flags unknown items and never refuses', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'st-device' });
		const lp = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f),
			quantity: 1
		});
		const labelLp = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f, { title: 'Label LP', labelId: f.labelId })
		});
		const sync = createSyncStore({ db: db(), now: () => NOW });
		const cursor = (
			await db()
				.selectFrom('shops')
				.select('change_seq')
				.where('id', '=', f.shopId)
				.executeTakeFirstOrThrow()
		).change_seq;
		const received = op('stock.received', {
			documentId: uuidv7(),
			by: f.manager.staffId,
			supplier: 'Cargo',
			reference: null,
			lines: [
				{ itemId: lp.id, quantity: 3, costCents: null },
				{ itemId: 'made-up-offline', quantity: 2, costCents: null }
			]
		});
		const counted = op(
			'stock.counted',
			{
				documentId: uuidv7(),
				by: f.manager.staffId,
				bin: 'A1',
				reason: 'Recount',
				cursor,
				lines: [{ itemId: lp.id, countedQty: 6 }]
			},
			2
		);
		const intake = op(
			'consignment.received',
			{
				documentId: uuidv7(),
				by: f.manager.staffId,
				labelId: f.labelId,
				reference: null,
				lines: [{ itemId: labelLp.id, quantity: 10 }]
			},
			3
		);
		const sentBack = op(
			'consignment.returned',
			{
				documentId: uuidv7(),
				by: f.manager.staffId,
				labelId: f.labelId,
				reason: 'unsold',
				lines: [{ itemId: labelLp.id, quantity: 12 }]
			},
			4
		);
		const pushed = await sync.push({
			shopId: f.shopId,
			deviceId: 'office-tablet',
			ops: [received, counted, intake, sentBack]
		});
		expect(pushed.results.map((r) => [r.status, r.reason])).toEqual([
			['flagged', 'unknown_item'],
			['applied', undefined],
			['applied', undefined],
			['flagged', 'oversell']
		]);
		// Count: the tablet saw 1 at its cursor and counted 6, so +5 on top of the 3 received since.
		expect(await onHand(db(), f.shopId, lp.id)).toBe(9);
		expect(await onHand(db(), f.shopId, labelLp.id)).toBe(-2);
		const open = await f.stores.review.list({ shopId: f.shopId, isResolved: false, limit: 10 });
		expect(open.map((flag) => [flag.kind, flag.detail.itemId])).toEqual([
			['unknown_item', 'made-up-offline'],
			['oversell', labelLp.id]
		]);
		const again = await sync.push({ shopId: f.shopId, deviceId: 'office-tablet', ops: [received] });
		expect(again.results[0]?.status).toBe('duplicate');
		expect(await onHand(db(), f.shopId, lp.id)).toBe(9);
	});
	test('counts exactly after a delivery the tablet received offline and had not sent when it counted', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'st-pending' });
		const lp = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newStock(f),
			quantity: 1
		});
		const sync = createSyncStore({ db: db(), now: () => NOW });
		const cursor = (
			await db()
				.selectFrom('shops')
				.select('change_seq')
				.where('id', '=', f.shopId)
				.executeTakeFirstOrThrow()
		).change_seq;
		// Offline: 2 copies received, then the bin counted at the old cursor: only 1 copy is there.
		const received = op('stock.received', {
			documentId: uuidv7(),
			by: f.manager.staffId,
			supplier: 'Cargo',
			reference: null,
			lines: [{ itemId: lp.id, quantity: 2, costCents: null }]
		});
		const counted = op(
			'stock.counted',
			{
				documentId: uuidv7(),
				by: f.manager.staffId,
				bin: 'A1',
				reason: 'Count',
				cursor,
				lines: [{ itemId: lp.id, countedQty: 1, pendingDelta: 2 }]
			},
			2
		);
		await sync.push({ shopId: f.shopId, deviceId: 'office-tablet', ops: [received, counted] });
		expect(await onHand(db(), f.shopId, lp.id)).toBe(1);
	});
});
