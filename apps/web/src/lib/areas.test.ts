import { expect, test } from 'vitest';
import { areaOf } from './areas.ts';

test('finds the area of a path and of paths below it', () => {
	expect(areaOf('/register')).toBe('register');
	expect(areaOf('/office/staff')).toBe('office');
	expect(areaOf('/label/')).toBe('label');
});

test('gives no area for the landing page or an unknown path', () => {
	expect(areaOf('/')).toBeUndefined();
	expect(areaOf('/registers')).toBeUndefined();
});
