import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell.ts';
import {
	DEMO,
	makeStockItem,
	mutate,
	officeCookie,
	onHand,
	query,
	unique
} from './support/office-fixture.ts';

test('on a paired tablet a delivery is received and a bin counted with the network down, and both reach the server once it is back', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	await officeCookie(page.request);
	const bin = unique('bin');
	const record = await makeStockItem(page.request, { bin, quantity: 1 });
	const { code } = await mutate<{ code: string }>(page.request, 'devices.createPairingCode', {});

	// This browser becomes a register: it loads the shop's catalog, stock and staff.
	await page.goto('/register');
	await page.getByLabel('Pairing code').fill(code);
	await page.getByRole('button', { name: 'Pair this register' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 60_000 });
	await new AppShell(page).waitForServiceWorkerControl();

	await context.setOffline(true);
	await page.goto('/office/receiving');
	await expect(
		page.getByText('The shop server cannot be reached.', { exact: false })
	).toBeVisible();
	await page.getByRole('button', { name: /^Mika Manager/ }).click();
	await page.getByLabel('PIN for Mika Manager').fill(DEMO.manager.pin);
	await page.getByLabel('PIN for Mika Manager').press('Enter');
	const nav = page.getByRole('navigation', { name: 'Office' });
	await expect(nav).toContainText('offline');
	await expect(nav.getByText('Reports')).not.toHaveRole('link');

	await page.getByLabel('Distributor').fill('Cargo Records');
	const scan = page.getByLabel('Scan or type a barcode, SKU or catalog item');
	await scan.fill(record.barcode);
	await scan.press('Enter');
	await scan.fill(record.barcode);
	await scan.press('Enter');
	await page.getByRole('button', { name: 'Receive 2 copies' }).click();
	await expect(
		page.getByText(
			'Saved on this tablet: 2 copies from Cargo Records. They go to the server when the connection is back.'
		)
	).toBeVisible();
	expect(await onHand(page.request, record.itemId)).toBe(1);

	// Still offline: the bin should hold 3 now, but only 1 copy is found.
	await nav.getByRole('link', { name: 'Stock count' }).click();
	await page.getByLabel('Bin').fill(bin);
	await page.getByRole('button', { name: 'Start counting' }).click();
	const line = page.getByRole('row').filter({ hasText: record.title });
	await expect(line.getByRole('cell').nth(1)).toHaveText('3');
	const counter = page.getByLabel('Scan each copy in the bin');
	await counter.fill(record.barcode);
	await counter.press('Enter');
	await page.getByRole('button', { name: 'Post 1 differences' }).click();
	await expect(
		page.getByText(`Count of ${bin} saved on this tablet (1 differences).`, { exact: false })
	).toBeVisible();

	await context.setOffline(false);
	// The delivery (+2) and then the count (found 1 of the 3 expected: −2) arrive in order. On hand
	// is 1 before they arrive and after, so wait for the movements themselves.
	const movements = async () =>
		(
			await query<{ reason: string; delta: number }[]>(page.request, 'office.stock.movements', {
				itemId: record.itemId
			})
		).map((m) => [m.reason, m.delta]);
	await expect.poll(movements, { timeout: 30_000 }).toEqual([
		['count', -2],
		['receive', 2],
		['receive', 1]
	]);
	expect(await onHand(page.request, record.itemId)).toBe(1);
});
