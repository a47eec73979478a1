import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { expect, test } from 'vitest';
import { saleRecord } from '../testing/index.ts';
import { DeadwaxDb } from './db.ts';

test('upgrading a version 4 database turns stored basis-point tax rates into ppm', async () => {
	const indexedDB = new IDBFactory();
	const v4 = new Dexie('tax-ppm', { indexedDB, IDBKeyRange });
	v4.version(4).stores({ taxClasses: 'id', sales: 'saleId, businessDay' });
	await v4.table('taxClasses').bulkAdd([
		{ id: 'std', name: 'Standard', rateBp: 1900, isActive: true },
		{ id: 'zero', name: 'Zero', rateBp: 0, isActive: true }
	]);
	const record = saleRecord([{ itemId: 'item-a' }, { itemId: 'item-b' }]);
	const oldLines = record.lines.map(({ taxRatePpm: _ppm, ...l }) => ({ ...l, taxRateBp: 810 }));
	await v4.table('sales').add({ ...record, lines: oldLines, origin: 'local' });
	v4.close();

	const db = new DeadwaxDb('tax-ppm', { indexedDB, IDBKeyRange });
	expect(await db.taxClasses.orderBy('id').toArray()).toEqual([
		{ id: 'std', name: 'Standard', ratePpm: 190_000, isActive: true },
		{ id: 'zero', name: 'Zero', ratePpm: 0, isActive: true }
	]);
	const sale = await db.sales.get(record.saleId);
	expect(sale?.lines.map((l) => l.taxRatePpm)).toEqual([81_000, 81_000]);
	expect(sale?.lines[0]).not.toHaveProperty('taxRateBp');
	db.close();
});
