import { expect, test } from 'vitest';
import { createCaller } from '../router.ts';
import { fixedClock, testContext } from '../testing/index.ts';

test('system.info reports the version, the store kind, the public address and the server time', async () => {
	const caller = createCaller(
		testContext({
			version: '1.2.3',
			storeKind: 'postgres',
			publicUrl: 'https://records.example',
			clock: fixedClock('2026-05-04T03:02:01.000Z')
		})
	);
	expect(await caller.system.info()).toEqual({
		version: '1.2.3',
		storeKind: 'postgres',
		publicUrl: 'https://records.example',
		serverTime: '2026-05-04T03:02:01.000Z'
	});
});
