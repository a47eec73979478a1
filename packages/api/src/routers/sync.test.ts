import { PROTOCOL_VERSION } from '@deadwax/sync';
import { MemorySyncServer, memorySyncStores, saleOp, saleRecord } from '@deadwax/sync/testing';
import { expect, test } from 'vitest';
import { createCaller } from '../router.ts';
import { memoryStores, testContext } from '../testing/index.ts';

async function pairedCaller() {
	const syncStores = memorySyncStores({ managers: { 'shop-1/boss': '2468' } });
	const shop = new MemorySyncServer();
	shop.receive('a', 3);
	syncStores.servers.set('shop-1', shop);
	const stores = { ...memoryStores(), ...syncStores };
	const office = createCaller(testContext({ stores }));
	const manager = { shopId: 'shop-1', staffId: 'boss', pin: '2468' };
	const { code } = await office.devices.createPairingCode({ manager });
	const paired = await office.devices.pair({ code, name: 'Counter' });
	const tablet = createCaller(testContext({ stores, bearerToken: paired.token }));
	return { office, tablet, paired, manager, syncStores, stores };
}

test('pushes and pulls as the device its token names, in that device’s shop', async () => {
	const { tablet, syncStores } = await pairedCaller();
	const op = saleOp(saleRecord([{ itemId: 'a' }]));
	const pushed = await tablet.sync.push({ protocolVersion: PROTOCOL_VERSION, ops: [op] });
	expect(pushed.results).toEqual([{ opId: op.opId, status: 'applied' }]);
	const pulled = await tablet.sync.pull({ cursor: 0, limit: 10 });
	expect(pulled.changes.map((c) => c.entity)).toEqual(['stock', 'stock', 'sale']);
	expect(syncStores.servers.get('shop-1')?.sales.size).toBe(1);
});

test('answers a malformed op with a per-op rejection instead of failing the batch', async () => {
	const { tablet } = await pairedCaller();
	const good = saleOp(saleRecord([{ itemId: 'a' }]));
	const { results } = await tablet.sync.push({
		protocolVersion: PROTOCOL_VERSION,
		ops: [{ opId: 'broken', kind: 'sale.completed' }, good]
	});
	expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
});

test('refuses a call without a token, saying how to pair', async () => {
	const { stores } = await pairedCaller();
	const anonymous = createCaller(testContext({ stores }));
	await expect(anonymous.sync.pull({ cursor: 0, limit: 10 })).rejects.toMatchObject({
		code: 'UNAUTHORIZED',
		message: expect.stringMatching(
			/^device_unknown: sync calls need Authorization: Bearer/
		) as unknown
	});
});

test('refuses a revoked device with device_revoked', async () => {
	const { office, tablet, paired, manager } = await pairedCaller();
	await office.devices.revoke({ deviceId: paired.deviceId, manager });
	await expect(
		tablet.sync.push({ protocolVersion: PROTOCOL_VERSION, ops: [] })
	).rejects.toMatchObject({
		code: 'UNAUTHORIZED',
		message: expect.stringMatching(/^device_revoked: /) as unknown
	});
});

test('tells an outdated register to update with protocol_mismatch', async () => {
	const { tablet } = await pairedCaller();
	await expect(tablet.sync.push({ protocolVersion: 1, ops: [] })).rejects.toMatchObject({
		code: 'PRECONDITION_FAILED',
		message: `protocol_mismatch: this server speaks sync protocol ${PROTOCOL_VERSION}, the register sent 1; reload the app to update it`
	});
});

test('refuses more than 100 ops in one push, naming the limit', async () => {
	const { tablet } = await pairedCaller();
	const op = saleOp(saleRecord([{ itemId: 'a' }]));
	await expect(
		tablet.sync.push({
			protocolVersion: PROTOCOL_VERSION,
			ops: Array.from({ length: 101 }, () => op)
		})
	).rejects.toMatchObject({
		code: 'BAD_REQUEST',
		message: 'ops: ops must hold at most 100 operations per push'
	});
});
