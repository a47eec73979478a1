import { expect, test } from 'vitest';
import { CountSheet } from './count.ts';

test('compares scans with what the bin should hold, listing missing and unexpected copies', () => {
	const sheet = new CountSheet([
		{ itemId: 'a', description: 'A', onHand: 2 },
		{ itemId: 'b', description: 'B', onHand: 1 },
		{ itemId: 'c', description: 'C', onHand: 1 }
	]);
	sheet.scan({ itemId: 'a', description: 'A', onHand: 2 });
	sheet.scan({ itemId: 'a', description: 'A', onHand: 2 });
	sheet.scan({ itemId: 'b', description: 'B', onHand: 1 });
	sheet.scan({ itemId: 'x', description: 'X from bin D', onHand: 1 });
	expect(
		sheet.differences.map((l) => [l.itemId, l.expectedQty, l.countedQty, l.isUnexpected])
	).toEqual([
		['c', 1, 0, false],
		['x', 0, 1, true]
	]);
	sheet.set('c', 1);
	expect(sheet.differences.map((l) => l.itemId)).toEqual(['x']);
	expect(() => sheet.set('c', -1)).toThrow('counted quantity must be a whole number ≥ 0 (got -1)');
});
