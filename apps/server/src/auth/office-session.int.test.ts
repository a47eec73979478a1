import { createStores } from '@deadwax/db';
import { forEachStore, seedOfficeShop } from '@deadwax/db/testing';
import { expect, test } from 'vitest';
import { createApp } from '../app.ts';

forEachStore('office sign-in over HTTP', (store) => {
	const app = () =>
		createApp({
			stores: createStores(store().database),
			info: { version: '9.9.9', storeKind: store().kind },
			clock: { now: () => new Date() },
			webRoot: '/nonexistent/web/build'
		});

	const signIn = (body: unknown, base = 'http://shop.local') =>
		app().request(`${base}/auth/office/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});

	const trpc = (path: string, cookie: string) =>
		app().request(`/trpc/${path}`, { headers: { cookie } });

	test('signs a manager in with a PIN into an HttpOnly SameSite=Strict cookie that opens the office', async () => {
		const f = await seedOfficeShop(store().database.db, { shopId: 'http-signin' });
		const response = await signIn({ shopId: f.shopId, staffId: f.manager.staffId, pin: f.pin });
		expect(response.status).toBe(200);
		const setCookie = response.headers.get('set-cookie') ?? '';
		expect(setCookie).toMatch(
			/^dw_office=[\w-]{40,}; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/
		);
		expect(await response.json()).toMatchObject({
			session: { shopId: f.shopId, staffId: f.manager.staffId, role: 'manager' }
		});
		const cookie = setCookie.split(';')[0]!;
		const me = await trpc('office.session.me', cookie);
		expect(await me.json()).toEqual({
			result: {
				data: {
					shopId: f.shopId,
					shopName: `Shop ${f.shopId}`,
					staffId: f.manager.staffId,
					name: 'Mika Manager',
					role: 'manager'
				}
			}
		});
		const lists = await trpc('office.catalog.lists', cookie);
		expect(lists.status).toBe(200);
		expect(await lists.json()).toMatchObject({
			result: { data: { currency: 'EUR', taxClasses: [{ name: 'Records' }] } }
		});

		const out = await app().request('/auth/office/sign-out', {
			method: 'POST',
			headers: { cookie }
		});
		expect(out.headers.get('set-cookie')).toMatch(
			/^dw_office=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/
		);
		const after = await trpc('office.catalog.lists', cookie);
		expect(after.status).toBe(403);
		expect(await after.json()).toMatchObject({
			error: { message: 'Sign in to the office as a manager or owner first' }
		});
	});

	test('marks the cookie Secure when the request came over https, directly or through a proxy', async () => {
		const f = await seedOfficeShop(store().database.db, { shopId: 'http-secure' });
		const direct = await signIn(
			{ shopId: f.shopId, staffId: f.owner.staffId, pin: f.pin },
			'https://shop.local'
		);
		expect(direct.headers.get('set-cookie')).toContain('; Secure');
		const proxied = await app().request('http://shop.local/auth/office/sign-in', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
			body: JSON.stringify({ shopId: f.shopId, staffId: f.owner.staffId, pin: f.pin })
		});
		expect(proxied.headers.get('set-cookie')).toContain('; Secure');
	});

	test('refuses a wrong PIN, a clerk, a form post and a made-up cookie', async () => {
		const f = await seedOfficeShop(store().database.db, { shopId: 'http-refuse' });
		const wrong = await signIn({ shopId: f.shopId, staffId: f.manager.staffId, pin: '9999' });
		expect([wrong.status, await wrong.json()]).toEqual([
			401,
			{ error: 'Wrong PIN for Mika Manager (4 tries left)' }
		]);
		expect(wrong.headers.get('set-cookie')).toBeNull();
		const clerk = await signIn({ shopId: f.shopId, staffId: f.clerkId, pin: f.pin });
		expect([clerk.status, await clerk.json()]).toEqual([
			403,
			{ error: 'Cleo Clerk is a clerk; the office needs a manager or owner' }
		]);
		const form = await app().request('/auth/office/sign-in', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: `shopId=${f.shopId}&staffId=${f.manager.staffId}&pin=${f.pin}`
		});
		expect(form.status).toBe(415);
		const forged = await trpc('office.session.me', 'dw_office=made-up-token-that-is-long-enough');
		expect(await forged.json()).toEqual({ result: { data: null } });
	});
});
