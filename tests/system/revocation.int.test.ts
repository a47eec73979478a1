import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestStore, seedSyncShop, storeKindsUnderTest } from '@deadwax/db/testing';
import { saleRecord } from '@deadwax/sync/testing';
import { expect, test } from 'vitest';
import { freePort, ServerProcess } from './server-process.ts';
import { apiClient, SimTablet } from './sim-tablet.ts';

for (const kind of storeKindsUnderTest()) {
	test(`a revoked tablet stops with device_revoked, keeps its sales, and sends them once paired again [${kind}]`, async () => {
		const store = await createTestStore(kind);
		const dataDir = mkdtempSync(join(tmpdir(), 'deadwax-revoke-'));
		const server = new ServerProcess({ port: await freePort(), databaseUrl: store.url, dataDir });
		try {
			const fx = await seedSyncShop(store.database.db, {
				shopId: 'revoke',
				items: { 'revoke-a': 5 }
			});
			await server.start();
			const office = apiClient(server.url);
			const manager = { shopId: 'revoke', staffId: fx.managerId, pin: fx.managerPin };
			const pair = async (name: string) => {
				const { code } = await office.devices.createPairingCode.mutate({ manager });
				return office.devices.pair.mutate({ code, name });
			};
			const first = await pair('Counter');
			const tablet = await SimTablet.create('revoked', server.url, first);
			await tablet.engine.bootstrap();
			await office.devices.revoke.mutate({ deviceId: first.deviceId, manager });

			const sales = [
				saleRecord([{ itemId: 'revoke-a' }]),
				saleRecord([{ itemId: 'revoke-a', quantity: 2 }])
			];
			for (const sale of sales) await tablet.store.recordSale(sale);
			await tablet.engine.start();
			expect(tablet.engine.status).toMatchObject({ state: 'revoked', pendingCount: 2 });
			expect(tablet.engine.status.lastError).toMatch(/^device_revoked: /);
			expect(await tablet.store.stockOf('revoke-a')).toBe(2);

			// Paired again: the same register and database, a new identity and token.
			const again = await pair('Counter, paired again');
			const repaired = await SimTablet.create('repaired', server.url, again, tablet.store);
			await repaired.engine.syncNow();
			expect(repaired.engine.status).toMatchObject({ pendingCount: 0, rejectedCount: 0 });
			const onServer = await store.database.db
				.selectFrom('sales')
				.select(['id', 'device_id'])
				.where('shop_id', '=', 'revoke')
				.execute();
			expect(onServer.map((s) => s.id).sort()).toEqual(sales.map((s) => s.saleId).sort());
			expect(new Set(onServer.map((s) => s.device_id))).toEqual(new Set([again.deviceId]));
			expect(await repaired.store.stockOf('revoke-a')).toBe(2);
		} finally {
			await server.stop();
			await store.dispose();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}, 90_000);
}
