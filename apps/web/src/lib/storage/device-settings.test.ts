import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { openDeviceSettings } from './device-settings.ts';

const fixedClock = () => new Date('2025-03-01T09:30:00Z');

test('reads back a setting after the database is closed and opened again', async () => {
	const name = `test-${crypto.randomUUID()}`;
	const first = openDeviceSettings(name, fixedClock);
	await first.set('registerName', 'Counter 1');
	first.close();

	const second = openDeviceSettings(name, fixedClock);
	expect(await second.get('registerName')).toBe('Counter 1');
	second.close();
});

test('returns undefined for a setting that was never written', async () => {
	const settings = openDeviceSettings(`test-${crypto.randomUUID()}`, fixedClock);
	expect(await settings.get('registerName')).toBeUndefined();
	settings.close();
});

test('keeps only the latest value of a setting', async () => {
	const settings = openDeviceSettings(`test-${crypto.randomUUID()}`, fixedClock);
	await settings.set('registerName', 'Counter 1');
	await settings.set('registerName', 'Back counter');
	expect(await settings.get('registerName')).toBe('Back counter');
	settings.close();
});
