import type { Operation } from '@deadwax/core';
import type { ItemFields } from '@deadwax/sync';
import { returnOp, returnRecord, saleOp, saleRecord } from '@deadwax/sync/testing';
import { uuidv7 } from 'uuidv7';
import { expect, test } from 'vitest';
import { createSyncStore } from '../sync/index.ts';
import { forEachStore } from '../testing/index.ts';
import { seedOfficeShop, type OfficeFixture } from './fixtures.ts';

const NOW = '2026-03-02T10:00:00.000Z';

function copy(f: OfficeFixture, title: string): ItemFields {
	return {
		releaseId: null,
		title,
		kind: 'new',
		priceCents: 1999,
		costCents: null,
		taxClassId: f.taxClassId,
		mediaGrade: null,
		sleeveGrade: null,
		bin: 'A1',
		genre: null,
		labelId: null,
		notes: null,
		status: 'active'
	};
}

forEachStore('office review queue', (store) => {
	const db = () => store().database.db;
	const push = (shopId: string, ops: unknown[]) =>
		createSyncStore({ db: db(), now: () => NOW }).push({ shopId, deviceId: 'till-1', ops });

	test('shows an oversell from two registers and resolves it by a recount, recording who did it', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'rv-oversell' });
		const lp = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: copy(f, 'Last copy'),
			quantity: 1
		});
		const first = saleRecord([{ itemId: lp.id }], { completedAt: NOW, receiptNo: 'K1-000001' });
		const second = saleRecord([{ itemId: lp.id }], { completedAt: NOW, receiptNo: 'K2-000001' });
		await push(f.shopId, [saleOp(first), saleOp(second)]);
		const [flag] = await f.stores.review.list({ shopId: f.shopId, isResolved: false, limit: 10 });
		expect(flag).toMatchObject({
			kind: 'oversell',
			subject: second.saleId,
			itemId: lp.id,
			itemDescription: 'Last copy',
			onHand: -1,
			receiptNo: 'K2-000001'
		});
		expect(await f.stores.review.openCount(f.shopId)).toBe(1);

		await expect(
			f.stores.review.resolve({
				actor: f.manager,
				flagId: flag!.id,
				resolution: { action: 'acknowledge' }
			})
		).rejects.toThrow(
			'acknowledge does not resolve a oversell flag; use recount, accept_negative, mark_found'
		);
		const resolved = await f.stores.review.resolve({
			actor: f.manager,
			flagId: flag!.id,
			resolution: { action: 'recount', countedQty: 0, note: 'shelf empty' }
		});
		expect(resolved).toMatchObject({
			resolvedBy: f.manager.staffId,
			resolvedByName: 'Mika Manager',
			resolution: { action: 'recount', countedQty: 0, note: 'shelf empty' },
			onHand: 0
		});
		expect(await f.stores.review.openCount(f.shopId)).toBe(0);
		await expect(
			f.stores.review.resolve({
				actor: f.owner,
				flagId: flag!.id,
				resolution: { action: 'accept_negative' }
			})
		).rejects.toMatchObject({ code: 'conflict' });
		const [audit] = await f.stores.audit.list({ shopId: f.shopId, limit: 1 });
		expect(audit).toMatchObject({
			action: 'review.resolved',
			actorName: 'Mika Manager',
			detail: { kind: 'oversell', action: 'recount' }
		});
	});

	test('resolves a sale of an unknown item by creating it under the tablet’s id, so its stock and reports add up', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'rv-unknown' });
		const sale = saleRecord([{ itemId: 'tablet-made-item', quantity: 2 }], { completedAt: NOW });
		await push(f.shopId, [saleOp(sale)]);
		const [flag] = await f.stores.review.list({ shopId: f.shopId, isResolved: false, limit: 10 });
		expect(flag).toMatchObject({
			kind: 'unknown_item',
			itemId: 'tablet-made-item',
			itemDescription: null
		});
		await f.stores.review.resolve({
			actor: f.manager,
			flagId: flag!.id,
			resolution: { action: 'create_item', fields: copy(f, 'Found in the back') }
		});
		const item = await f.stores.catalog.itemById({ shopId: f.shopId, itemId: 'tablet-made-item' });
		expect([item.description, item.onHand]).toEqual(['Found in the back', -2]);
		const best = await f.stores.reports.bestSellers({
			shopId: f.shopId,
			from: NOW.slice(0, 10),
			to: NOW.slice(0, 10),
			limit: 5
		});
		expect(best).toMatchObject([
			{ itemId: 'tablet-made-item', description: 'Found in the back', units: 2 }
		]);
	});

	test('links an unknown item to an existing one: the sale line moves to it and its stock goes down', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'rv-link' });
		const real = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: copy(f, 'Real one'),
			quantity: 5
		});
		const sale = saleRecord([{ itemId: 'typo-id', quantity: 1 }], { completedAt: NOW });
		await push(f.shopId, [saleOp(sale)]);
		const [flag] = await f.stores.review.list({ shopId: f.shopId, isResolved: false, limit: 10 });
		await f.stores.review.resolve({
			actor: f.owner,
			flagId: flag!.id,
			resolution: { action: 'link_item', itemId: real.id }
		});
		expect((await f.stores.catalog.itemById({ shopId: f.shopId, itemId: real.id })).onHand).toBe(4);
		const line = await db()
			.selectFrom('sale_lines')
			.select('item_id')
			.where('sale_id', '=', sale.saleId)
			.executeTakeFirstOrThrow();
		expect(line.item_id).toBe(real.id);
	});

	test('acknowledges a device clock far ahead, and marks an oversold copy found by bringing stock to zero', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'rv-clock' });
		const lp = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: copy(f, 'One copy'),
			quantity: 1
		});
		const sale = saleRecord([{ itemId: lp.id, quantity: 2 }], { completedAt: NOW });
		await push(f.shopId, [saleOp(sale, { deviceTime: '2026-03-02T11:00:00.000Z' })]);
		const flags = await f.stores.review.list({ shopId: f.shopId, isResolved: false, limit: 10 });
		expect(flags.map((x) => x.kind).sort()).toEqual(['clock_skew', 'oversell']);
		for (const flag of flags) {
			await f.stores.review.resolve({
				actor: f.manager,
				flagId: flag.id,
				resolution:
					flag.kind === 'clock_skew'
						? { action: 'acknowledge', note: 'tablet clock fixed' }
						: { action: 'mark_found' }
			});
		}
		expect((await f.stores.catalog.itemById({ shopId: f.shopId, itemId: lp.id })).onHand).toBe(0);
		const resolved = await f.stores.review.list({ shopId: f.shopId, isResolved: true, limit: 10 });
		expect(resolved.map((x) => x.resolution?.action).sort()).toEqual(['acknowledge', 'mark_found']);
	});
	test('links the lines of a return of unknown items: both lines move, only the restocked copies come back', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'rv-return' });
		const real = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: copy(f, 'Returned one'),
			quantity: 5
		});
		const sale = saleRecord([{ itemId: 'ghost-id', quantity: 3 }], { completedAt: NOW });
		const back = returnRecord(
			sale,
			[
				{ lineIndex: 0, quantity: 2 },
				{ lineIndex: 0, quantity: 1, restock: false }
			],
			{ completedAt: NOW }
		);
		await push(f.shopId, [saleOp(sale), returnOp(back, { deviceSeq: 2 })]);
		const flags = await f.stores.review.list({ shopId: f.shopId, isResolved: false, limit: 10 });
		const onReturn = flags.filter((x) => x.subject === back.returnId);
		expect(onReturn.map((x) => [x.kind, x.itemId])).toEqual([
			['unknown_item', 'ghost-id'],
			['unknown_item', 'ghost-id']
		]);
		for (const flag of onReturn) {
			await f.stores.review.resolve({
				actor: f.manager,
				flagId: flag.id,
				resolution: { action: 'link_item', itemId: real.id }
			});
		}
		expect((await f.stores.catalog.itemById({ shopId: f.shopId, itemId: real.id })).onHand).toBe(7);
		const lines = await db()
			.selectFrom('return_lines')
			.select(['item_id', 'restock'])
			.where('return_id', '=', back.returnId)
			.orderBy('line_id')
			.execute();
		expect(lines).toEqual([
			{ item_id: real.id, restock: 1 },
			{ item_id: real.id, restock: 0 }
		]);
		const moves = await db()
			.selectFrom('stock_movements')
			.select(['delta', 'reason', 'ref_kind', 'ref_id', 'by'])
			.where('item_id', '=', real.id)
			.where('reason', '=', 'return')
			.execute();
		expect(moves).toEqual([
			{
				delta: 2,
				reason: 'return',
				ref_kind: 'return',
				ref_id: back.returnId,
				by: f.manager.staffId
			}
		]);
	});

	test('applies a device document line once its unknown item exists: a delivery adds, a count sets', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'rv-document' });
		const counted = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: copy(f, 'Counted one'),
			quantity: 5
		});
		const op = (kind: 'stock.received' | 'stock.counted', payload: unknown, deviceSeq: number) =>
			({
				opId: uuidv7(),
				deviceId: 'till-1',
				deviceSeq,
				deviceTime: NOW,
				kind,
				payload
			}) as Operation;
		const delivery = uuidv7();
		const count = uuidv7();
		await push(f.shopId, [
			op(
				'stock.received',
				{
					documentId: delivery,
					by: f.manager.staffId,
					supplier: 'Cargo',
					reference: null,
					lines: [{ itemId: 'delivered-offline', quantity: 3, costCents: null }]
				},
				1
			),
			op(
				'stock.counted',
				{
					documentId: count,
					by: f.manager.staffId,
					bin: 'A1',
					reason: 'Recount',
					cursor: 0,
					lines: [{ itemId: 'typo-counted', countedQty: 2 }]
				},
				2
			)
		]);
		const flags = await f.stores.review.list({ shopId: f.shopId, isResolved: false, limit: 10 });
		const byDocument = new Map(flags.map((x) => [x.subject, x]));
		await f.stores.review.resolve({
			actor: f.manager,
			flagId: byDocument.get(delivery)!.id,
			resolution: { action: 'create_item', fields: copy(f, 'Delivered offline') }
		});
		await f.stores.review.resolve({
			actor: f.manager,
			flagId: byDocument.get(count)!.id,
			resolution: { action: 'link_item', itemId: counted.id }
		});
		const onHand = async (itemId: string) =>
			(await f.stores.catalog.itemById({ shopId: f.shopId, itemId })).onHand;
		expect(await onHand('delivered-offline')).toBe(3);
		expect(await onHand(counted.id)).toBe(2);
		const moves = await db()
			.selectFrom('stock_movements')
			.select(['item_id', 'delta', 'reason', 'ref_kind', 'ref_id'])
			.where('shop_id', '=', f.shopId)
			.where('ref_kind', '=', 'document')
			.orderBy('id')
			.execute();
		expect(moves).toEqual([
			{
				item_id: 'delivered-offline',
				delta: 3,
				reason: 'receive',
				ref_kind: 'document',
				ref_id: delivery
			},
			{ item_id: counted.id, delta: -3, reason: 'count', ref_kind: 'document', ref_id: count }
		]);
	});
});
