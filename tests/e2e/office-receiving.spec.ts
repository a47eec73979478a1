import { expect, test } from '@playwright/test';
import {
	DEMO,
	makeStockItem,
	officeCookie,
	onHand,
	signInOnPage,
	unique
} from './support/office-fixture.ts';

test('a delivery is scanned in, posted to the stock ledger, and gets one price tag per copy', async ({
	page
}) => {
	await officeCookie(page.request);
	const record = await makeStockItem(page.request, {
		bin: unique('bin'),
		quantity: 2,
		priceCents: 2499
	});
	await signInOnPage(page, DEMO.manager, '/office/receiving');

	await page.getByLabel('Distributor').fill('Cargo Records');
	await page.getByLabel('Delivery note or invoice').fill(unique('DN'));
	const scan = page.getByLabel('Scan or type a barcode, SKU or catalog item');
	for (let i = 0; i < 3; i++) {
		await scan.fill(record.barcode);
		await scan.press('Enter');
	}
	await expect(
		page.getByRole('spinbutton', { name: `Copies of E2E Artist – ${record.title}` })
	).toHaveValue('3');
	await page.getByRole('textbox', { name: `Cost of E2E Artist – ${record.title}` }).fill('13.50');
	await page.getByRole('button', { name: 'Receive 3 copies' }).click();
	await expect(page.getByRole('heading', { name: 'Received from Cargo Records' })).toBeVisible();
	await expect(page.getByText(`3 × E2E Artist – ${record.title} — 5 on hand`)).toBeVisible();
	expect(await onHand(page.request, record.itemId)).toBe(5);

	await page.getByRole('link', { name: 'Print price tags for this delivery' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Price tags' })).toBeVisible();
	const tags = page.getByTestId('price-tag');
	await expect(tags).toHaveCount(3);
	await expect(tags.first()).toContainText('24,99 €');
	await expect(tags.first()).toContainText(`E2E Artist – ${record.title}`.slice(0, 20));
	await expect(tags.first().locator('svg')).toBeVisible();
	// A4 sheet: one page of 21; the thermal roll prints one label per page.
	await expect(page.locator('.sheet')).toHaveCount(1);
	await page.getByLabel('Labels').selectOption('thermal-57x32');
	await expect(page.locator('.sheet')).toHaveCount(3);
	await expect(page.locator('.sheet').first()).toHaveCSS('width', /^215\.4\d*px$/);
});

test('an unknown barcode is refused with a clear message and nothing is posted', async ({
	page
}) => {
	await signInOnPage(page, DEMO.manager, '/office/receiving');
	const scan = page.getByLabel('Scan or type a barcode, SKU or catalog item');
	await scan.fill('0000000000000');
	await scan.press('Enter');
	await expect(page.getByRole('alert')).toHaveText(
		'0000000000000 is not in the catalog. Add the release and its stock item first.'
	);
	await expect(page.getByRole('button', { name: 'Receive 0 copies' })).toBeDisabled();
});
