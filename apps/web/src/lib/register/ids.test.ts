import { uuid } from '@deadwax/core';
import { expect, test } from 'vitest';
import { uuidv7 } from './ids.ts';

test('makes version-7 UUIDs that core accepts and that sort by time', () => {
	const a = uuidv7(1_700_000_000_000);
	const b = uuidv7(1_700_000_000_001);
	expect(uuid.safeParse(a).success).toBe(true);
	expect(a[14]).toBe('7');
	expect(a < b).toBe(true);
});
