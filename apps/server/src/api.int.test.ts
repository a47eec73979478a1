import { createStores } from '@deadwax/db';
import { forEachStore, insertTestShop } from '@deadwax/db/testing';
import { expect, test } from 'vitest';
import { createApp } from './app.ts';

forEachStore('the API over a real store', (store) => {
	const app = () =>
		createApp({
			stores: createStores(store().database),
			info: { version: '9.9.9', storeKind: store().kind },
			clock: { now: () => new Date('2026-03-01T10:00:00.000Z') },
			webRoot: '/nonexistent/web/build'
		});

	test('reports a healthy store of the right kind', async () => {
		const response = await app().request('/healthz');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			status: 'ok',
			storeKind: store().kind,
			version: '9.9.9'
		});
	});

	test('answers system.info and shops.byId from the store', async () => {
		await insertTestShop(store().database.db, { id: 'api-shop', name: 'Groove Attack' });
		const info = await app().request('/trpc/system.info');
		expect(await info.json()).toEqual({
			result: {
				data: {
					version: '9.9.9',
					storeKind: store().kind,
					publicUrl: null,
					serverTime: '2026-03-01T10:00:00.000Z'
				}
			}
		});
		const input = encodeURIComponent(JSON.stringify({ id: 'api-shop' }));
		const shop = await app().request(`/trpc/shops.byId?input=${input}`);
		expect(shop.status).toBe(200);
		expect(await shop.json()).toMatchObject({
			result: { data: { id: 'api-shop', name: 'Groove Attack', currency: 'EUR' } }
		});
	});

	test('answers 404 with the shop id for a shop that is not there', async () => {
		const input = encodeURIComponent(JSON.stringify({ id: 'nowhere' }));
		const response = await app().request(`/trpc/shops.byId?input=${input}`);
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({
			error: { message: 'No shop with id nowhere', data: { code: 'NOT_FOUND' } }
		});
	});
});
