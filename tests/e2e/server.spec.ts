import { expect, test } from '@playwright/test';
import { OfficePage } from './pages/office-page.ts';

test('/healthz answers with the store in use', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ status: 'ok', storeKind: 'sqlite' });
});

test("/healthz is the server's even with the service worker in control", async ({ page }) => {
	await page.goto('/register');
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	const response = await page.goto('/healthz');
	expect(response?.fromServiceWorker()).toBe(false);
	expect(await response?.json()).toMatchObject({ status: 'ok' });
});

test('the office shows the version and store kind from system.info', async ({ page }) => {
	const office = new OfficePage(page);
	await office.open();
	await expect(office.serverVersion).toHaveText(/^\d+\.\d+\.\d+/);
	await expect(office.serverStore).toHaveText('SQLite (one file on the shop server)');
});

test('system.info answers a tRPC call made from the page', async ({ page }) => {
	await page.goto('/');
	const body = await page.evaluate(async () => {
		const response = await fetch('/trpc/system.info');
		return (await response.json()) as {
			result: { data: { storeKind: string; serverTime: string } };
		};
	});
	expect(body.result.data.storeKind).toBe('sqlite');
	expect(Date.parse(body.result.data.serverTime)).not.toBeNaN();
});

test('bad input to a procedure gets a 400 that names the field', async ({ page }) => {
	await page.goto('/');
	const { status, body } = await page.evaluate(async () => {
		const input = encodeURIComponent(JSON.stringify({ id: '' }));
		const response = await fetch(`/trpc/shops.byId?input=${input}`);
		return {
			status: response.status,
			body: (await response.json()) as {
				error: { message: string; data: { zodIssues: { path: string[] }[] } };
			}
		};
	});
	expect(status).toBe(400);
	expect(body.error.message).toBe('id: id must not be empty');
	expect(body.error.data.zodIssues.map((issue) => issue.path)).toEqual([['id']]);
});
