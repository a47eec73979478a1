import { expect, test } from '@playwright/test';
import { OfficePage } from './pages/office-page.ts';

test('/healthz answers with the store in use', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ status: 'ok' });
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
