import { describe, expect, test } from 'vitest';
import { Catalog, type CatalogRows } from './catalog.ts';
import type { ItemSearch } from './item-search.ts';
import { unpackDocs, type PackedDocs } from './search-service.ts';

function rows(): CatalogRows {
	return {
		shop: {
			id: 'shop-1',
			shopId: 'shop-1',
			name: 'Spin Cycle',
			currency: 'EUR',
			locale: 'de-DE',
			timeZone: 'Europe/Berlin',
			taxMode: 'inclusive',
			taxRounding: 'line',
			cashRoundingIncrementCents: 1,
			tradeInCreditBonusBp: 2500
		},
		taxClasses: [{ id: 'std', name: 'Standard', ratePpm: 190000 }],
		releases: [
			{
				id: 'rel-1',
				artist: 'Svek',
				title: "Knockin' Boots",
				label: 'Svek',
				catno: 'SK026',
				format: '12"',
				year: 1997,
				barcodes: ['5012345678900']
			}
		],
		items: [
			{
				id: 'used-1',
				releaseId: 'rel-1',
				title: null,
				kind: 'used',
				sku: null,
				priceCents: 1200,
				taxClassId: 'std',
				mediaGrade: 'VG+',
				sleeveGrade: 'VG',
				bin: 'A1',
				genre: 'Techno',
				labelId: null
			},
			{
				id: 'new-1',
				releaseId: 'rel-1',
				title: null,
				kind: 'new',
				sku: 'SK026-N',
				priceCents: 2499,
				taxClassId: 'std',
				mediaGrade: null,
				sleeveGrade: null,
				bin: null,
				genre: null,
				labelId: 'label-svek'
			}
		],
		labels: [{ id: 'label-svek', name: 'Svek Records' }],
		agreements: [
			{
				id: 'ag-1',
				agreementId: 'ag-1',
				labelId: 'label-svek',
				defaultRule: { kind: 'percent', percentBp: 6000 },
				overrides: {}
			}
		],
		stock: new Map([
			['new-1', 3],
			['used-1', 1]
		])
	};
}

describe('Catalog', () => {
	test('a scanned barcode finds new stock before a used copy of the same release', () => {
		expect(new Catalog(rows()).lookup('5012345678900')?.itemId).toBe('new-1');
	});

	test('finds by SKU and item id, and nothing for an unknown code', () => {
		const catalog = new Catalog(rows());
		expect(catalog.lookup('SK026-N')?.itemId).toBe('new-1');
		expect(catalog.lookup('used-1')?.itemId).toBe('used-1');
		expect(catalog.lookup('4006381333931')).toBeUndefined();
	});

	test('shows the grade of a used copy and the label of a consigned one', () => {
		const catalog = new Catalog(rows());
		expect(catalog.items.get('used-1')).toMatchObject({ grade: 'VG+/VG', consignedBy: null });
		expect(catalog.items.get('new-1')).toMatchObject({ grade: null, consignedBy: 'Svek Records' });
	});

	test('resolves consignment terms for the cart and files used stock by bin and genre', () => {
		const catalog = new Catalog(rows());
		const item = catalog.items.get('new-1');
		expect(item && catalog.catalogItem(item).consignment).toEqual({
			labelId: 'label-svek',
			rule: { kind: 'percent', percentBp: 6000 }
		});
		expect(catalog.bins.get('A1')).toEqual(['used-1']);
		expect(catalog.genres.get('Techno')).toEqual(['used-1']);
	});

	test('items read like a Map, each made once from its row', () => {
		const catalog = new Catalog(rows());
		expect(catalog.items.size).toBe(2);
		expect(catalog.items.has('new-1')).toBe(true);
		expect(catalog.items.get('nope')).toBeUndefined();
		expect(catalog.items.get('new-1')).toBe(catalog.items.get('new-1'));
		expect([...catalog.items.keys()]).toEqual(['used-1', 'new-1']);
		expect([...catalog.items.values()].map((i) => i.description)).toEqual([
			'Svek – Knockin\' Boots (12") SK026 [VG+/VG]',
			'Svek – Knockin\' Boots (12") SK026'
		]);
		expect([...catalog.items].map(([id, item]) => id === item.itemId)).toEqual([true, true]);
		expect(catalog.lookup('SK026-N')).toBe(catalog.items.get('new-1'));
	});

	test('an inactive item is not sold, scanned or searched, and a repeated id keeps its place and its last row', async () => {
		const base = rows();
		const [used, fresh] = base.items;
		const catalog = new Catalog({
			...base,
			items: [{ ...used!, status: 'archived' }, fresh!, { ...fresh!, priceCents: 1 }]
		});
		expect(catalog.items.has('used-1')).toBe(false);
		expect(catalog.items.get('new-1')?.priceCents).toBe(1);
		expect([...catalog.items.keys()]).toEqual(['new-1']);
		expect(catalog.lookup('used-1')).toBeUndefined();
		expect(catalog.lookup(' 5012345678900 ')?.itemId).toBe('new-1');
		expect(catalog.bins.get('A1')).toBeUndefined();
		expect((await catalog.search('svek')).map((i) => i.itemId)).toEqual(['new-1']);
	});

	test('searches artist, title and catalog number', async () => {
		const catalog = new Catalog(rows());
		expect((await catalog.search('svek knock')).map((i) => i.itemId).sort()).toEqual([
			'new-1',
			'used-1'
		]);
		expect(await catalog.search('sk026')).toHaveLength(2);
		expect(await catalog.search('boots techno')).toEqual([]);
	});

	test('hands its items to the search it is given, and maps the ids found back to items', async () => {
		const loaded: PackedDocs[] = [];
		const search: ItemSearch = {
			ready: true,
			load: (docs) => loaded.push(docs),
			// An id the catalog no longer has (an answer from the index before a reload) is dropped.
			search: () => Promise.resolve(['used-1', 'gone-1'])
		};
		const catalog = new Catalog(rows(), search);
		expect(loaded).toHaveLength(1);
		expect([...unpackDocs(loaded[0]!)]).toEqual([
			{ id: 'used-1', fields: ['Svek', "Knockin' Boots", 'Svek', 'SK026', ''] },
			{ id: 'new-1', fields: ['Svek', "Knockin' Boots", 'Svek', 'SK026', 'SK026-N'] }
		]);
		expect((await catalog.search('anything')).map((i) => i.itemId)).toEqual(['used-1']);
	});
});
