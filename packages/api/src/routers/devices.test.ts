import { memorySyncStores } from '@deadwax/sync/testing';
import { expect, test } from 'vitest';
import { createCaller } from '../router.ts';
import { memoryStores, testContext } from '../testing/index.ts';

const stores = () => ({
	...memoryStores(),
	...memorySyncStores({ managers: { 'shop-1/boss': '2468' } })
});
const manager = { shopId: 'shop-1', staffId: 'boss', pin: '2468' };

test('lets a manager create a pairing code with their PIN and a tablet spend it once', async () => {
	const caller = createCaller(testContext({ stores: stores() }));
	const { code } = await caller.devices.createPairingCode({ manager });
	const paired = await caller.devices.pair({ code, name: 'Counter 1' });
	expect(paired).toMatchObject({
		shopId: 'shop-1',
		deviceCode: expect.stringMatching(/^K\d+$/) as unknown
	});
	await expect(caller.devices.pair({ code, name: 'Counter 2' })).rejects.toThrow('already used');
	expect((await caller.devices.list({ manager })).map((d) => d.name)).toEqual(['Counter 1']);
});

test('accepts a signed-in manager session without a PIN', async () => {
	const caller = createCaller(
		testContext({
			stores: stores(),
			auth: { kind: 'staff', shopId: 'shop-1', staffId: 'boss', role: 'manager' }
		})
	);
	expect((await caller.devices.createPairingCode({})).shopId).toBe('shop-1');
});

test('refuses a wrong PIN or a clerk session with manager_required', async () => {
	const wrongPin = createCaller(testContext({ stores: stores() }));
	await expect(
		wrongPin.devices.createPairingCode({ manager: { ...manager, pin: '0000' } })
	).rejects.toMatchObject({ code: 'FORBIDDEN' });
	const clerk = createCaller(
		testContext({
			stores: stores(),
			auth: { kind: 'staff', shopId: 'shop-1', staffId: 'c', role: 'clerk' }
		})
	);
	await expect(clerk.devices.revoke({ deviceId: 'device-1' })).rejects.toMatchObject({
		code: 'FORBIDDEN'
	});
});

test('names the field when the pairing input is bad', async () => {
	const caller = createCaller(testContext({ stores: stores() }));
	await expect(caller.devices.pair({ code: '', name: 'x' })).rejects.toMatchObject({
		code: 'BAD_REQUEST',
		message: 'code: code must not be empty'
	});
});
