import type { ItemFields } from '@deadwax/sync';
import { returnOp, returnRecord, saleOp, saleRecord } from '@deadwax/sync/testing';
import { expect, test } from 'vitest';
import { createSyncStore } from '../sync/index.ts';
import { forEachStore } from '../testing/index.ts';
import { seedOfficeShop, type OfficeFixture } from './fixtures.ts';

const DAY1 = '2026-03-02T10:00:00.000Z';
const DAY2 = '2026-03-03T15:30:00.000Z';

function newCopy(
	f: OfficeFixture,
	releaseId: string | null,
	overrides: Partial<ItemFields> = {}
): ItemFields {
	return {
		releaseId,
		title: releaseId === null ? 'Tote bag' : null,
		kind: 'new',
		priceCents: 2000,
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

forEachStore('office reports', (store) => {
	const db = () => store().database.db;

	test('reports sales by day, format and label, best sellers, stock split, payables and the end of day of every register', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'rp-all' });
		const release = (format: string, label: string) =>
			f.stores.catalog.createRelease({
				actor: f.manager,
				fields: {
					artist: 'A',
					title: `${format} record`,
					label,
					catno: null,
					format,
					year: null,
					discogsReleaseId: null,
					genres: [],
					barcodes: []
				}
			});
		const lp = await release('LP', 'Svek');
		const cd = await release('CD', 'Warp');
		const lpItem = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newCopy(f, lp.id),
			quantity: 10
		});
		const cdItem = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newCopy(f, cd.id, { priceCents: 1500 }),
			quantity: 4
		});
		const consigned = await f.stores.catalog.createItem({
			actor: f.manager,
			fields: newCopy(f, lp.id, { labelId: f.labelId, priceCents: 1800 }),
			quantity: 6
		});

		const sync = createSyncStore({ db: db(), now: () => DAY2 });
		const s1 = saleRecord(
			[
				{ itemId: lpItem.id, quantity: 2, unitPriceCents: 2000 },
				{ itemId: consigned.id, unitPriceCents: 1800, labelId: f.labelId }
			],
			{ completedAt: DAY1, receiptNo: 'K1-000001' }
		);
		const s2 = saleRecord([{ itemId: cdItem.id, quantity: 1, unitPriceCents: 1500 }], {
			completedAt: DAY1,
			receiptNo: 'K2-000001'
		});
		const s3 = saleRecord([{ itemId: lpItem.id, quantity: 1, unitPriceCents: 2000 }], {
			completedAt: DAY2,
			receiptNo: 'K1-000002'
		});
		const r1 = returnRecord(s2, [{ lineIndex: 0 }], { completedAt: DAY1, receiptNo: 'K2-R00001' });
		await sync.push({
			shopId: f.shopId,
			deviceId: 'till-1',
			ops: [saleOp(s1, { deviceId: 'till-1' }), saleOp(s3, { deviceId: 'till-1', deviceSeq: 2 })]
		});
		await sync.push({
			shopId: f.shopId,
			deviceId: 'till-2',
			ops: [saleOp(s2, { deviceId: 'till-2' }), returnOp(r1, { deviceId: 'till-2', deviceSeq: 2 })]
		});

		const range = { shopId: f.shopId, from: '2026-03-01', to: '2026-03-03' };
		expect(await f.stores.reports.salesByDay(range)).toEqual([
			{
				day: '2026-03-01',
				sales: 0,
				units: 0,
				grossCents: 0,
				refundsCents: 0,
				netCents: 0,
				taxCents: 0
			},
			{
				day: '2026-03-02',
				sales: 2,
				units: 4,
				grossCents: 7300,
				refundsCents: 1500,
				netCents: 5800,
				taxCents: 0
			},
			{
				day: '2026-03-03',
				sales: 1,
				units: 1,
				grossCents: 2000,
				refundsCents: 0,
				netCents: 2000,
				taxCents: 0
			}
		]);
		expect(await f.stores.reports.salesByFormat(range)).toEqual([
			{ key: 'LP', units: 4, totalCents: 7800 },
			{ key: 'CD', units: 1, totalCents: 1500 }
		]);
		expect(await f.stores.reports.salesByLabel(range)).toEqual([
			{ key: 'Svek', units: 3, totalCents: 6000 },
			{ key: `Label of ${f.shopId}`, units: 1, totalCents: 1800 },
			{ key: 'Warp', units: 1, totalCents: 1500 }
		]);
		expect(await f.stores.reports.bestSellers({ ...range, limit: 2 })).toMatchObject([
			{ itemId: lpItem.id, description: 'A – LP record', format: 'LP', units: 3, totalCents: 6000 },
			{ itemId: consigned.id, units: 1 }
		]);
		expect(await f.stores.reports.consignmentVsOwned(range)).toEqual([
			{
				kind: 'owned',
				items: 2,
				units: 11,
				retailCents: 7 * 2000 + 4 * 1500,
				soldUnits: 4,
				soldCents: 7500
			},
			{
				kind: 'consigned',
				items: 1,
				units: 5,
				retailCents: 5 * 1800,
				soldUnits: 1,
				soldCents: 1800
			}
		]);
		expect(await f.stores.reports.payablePerLabel(f.shopId)).toEqual([
			{
				labelId: f.labelId,
				labelName: `Label of ${f.shopId}`,
				owedCents: 900,
				paidCents: 0,
				balanceCents: 900,
				unitsSold: 1
			}
		]);
		const eod = await f.stores.reports.endOfDay({ shopId: f.shopId, businessDay: '2026-03-02' });
		expect(eod).toMatchObject({
			businessDay: '2026-03-02',
			currency: 'EUR',
			registers: [
				{ deviceId: 'till-1', sales: 1, grossCents: 5800, refundsCents: 0, cashCents: 5800 },
				{ deviceId: 'till-2', sales: 1, grossCents: 1500, refundsCents: 1500, cashCents: 0 }
			],
			totals: {
				sales: 2,
				grossCents: 7300,
				refundsCents: 1500,
				cashCents: 5800,
				tenders: { cash: 5800 }
			}
		});
		const aged = await f.stores.reports.agedStock({
			shopId: f.shopId,
			asOf: '2026-03-12T10:00:00.000Z',
			limit: 10
		});
		expect(aged.map((a) => [a.description, a.onHand, a.ageDays])).toEqual([
			['A – LP record', 7, 10],
			['A – CD record', 4, 10],
			['A – LP record', 5, 10]
		]);
	});

	test('refuses a report range that runs backwards or spans more than 400 days', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'rp-range' });
		await expect(
			f.stores.reports.salesByDay({ shopId: f.shopId, from: '2026-03-05', to: '2026-03-01' })
		).rejects.toThrow('to (2026-03-01) must not be before from (2026-03-05)');
		await expect(
			f.stores.reports.salesByDay({ shopId: f.shopId, from: '2024-01-01', to: '2026-01-01' })
		).rejects.toThrow('a report covers at most 400 days (got 732)');
	});
});
