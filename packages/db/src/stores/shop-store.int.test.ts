import { expect, test } from 'vitest';
import { forEachStore } from '../testing/index.ts';
import { createStores } from './index.ts';

const NOW = '2026-03-01T10:00:00.000Z';

forEachStore('shop store', (store) => {
	test('creates a shop and appends it to its own change feed', async () => {
		const stores = createStores(store().database, { now: () => NOW });
		const shop = await stores.shops.create({
			id: 'kreuzberg',
			name: 'Plattenladen Kreuzberg',
			currency: 'EUR',
			timezone: 'Europe/Berlin',
			taxMode: 'inclusive'
		});
		expect(shop).toEqual({
			id: 'kreuzberg',
			name: 'Plattenladen Kreuzberg',
			currency: 'EUR',
			timezone: 'Europe/Berlin',
			locale: 'en-US',
			taxMode: 'inclusive',
			taxRounding: 'line',
			createdAt: NOW
		});
		expect(await stores.shops.byId('kreuzberg')).toEqual(shop);
		const feed = await store()
			.database.db.selectFrom('changes')
			.selectAll()
			.where('shop_id', '=', 'kreuzberg')
			.execute();
		expect(feed.map((c) => [c.seq, c.entity, c.entity_id])).toEqual([[1, 'shop', 'kreuzberg']]);
		expect(JSON.parse(feed[0]!.data!)).toEqual({
			id: 'kreuzberg',
			shopId: 'kreuzberg',
			name: 'Plattenladen Kreuzberg',
			currency: 'EUR',
			locale: 'en-US',
			timeZone: 'Europe/Berlin',
			taxMode: 'inclusive',
			taxRounding: 'line',
			cashRoundingIncrementCents: 1,
			tradeInCreditBonusBp: 0,
			createdAt: NOW
		});
	});

	test('refuses a taken id with conflict and leaves the first shop alone', async () => {
		const stores = createStores(store().database, { now: () => NOW });
		await stores.shops.create({
			id: 'taken',
			name: 'First',
			currency: 'GBP',
			timezone: 'Europe/London',
			taxMode: 'inclusive'
		});
		await expect(
			stores.shops.create({
				id: 'taken',
				name: 'Second',
				currency: 'EUR',
				timezone: 'Europe/Berlin',
				taxMode: 'inclusive'
			})
		).rejects.toMatchObject({ code: 'conflict', message: 'A shop with id taken already exists' });
		expect((await stores.shops.byId('taken'))?.name).toBe('First');
	});

	test('answers a ping and lists shops oldest first', async () => {
		const stores = createStores(store().database, { now: () => NOW });
		await expect(stores.system.ping()).resolves.toBeUndefined();
		const ids = (await stores.shops.list()).map((s) => s.id);
		expect(ids).toEqual(['kreuzberg', 'taken']);
	});
});
