import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS, STAFF } from './support/register-fixture.ts';

test.beforeEach(async ({ page, context }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await register.signedIn();
});

test('a keyboard-wedge scan anywhere on the sell screen adds the item, but typing in a field stays typing', async ({
	page
}) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await expect(register.lines).toHaveCount(1);
	await expect(register.lines.first()).toContainText("Svek – Knockin' Boots");

	await register.search.fill('');
	await register.search.pressSequentially(ITEMS.consigned.barcode);
	await register.search.press('Enter');
	await expect(register.lines).toHaveCount(1);
	await expect(register.search).toHaveValue(ITEMS.consigned.barcode);
});

test('search as you type finds by artist, title, label and catalog number', async ({ page }) => {
	const register = new RegisterPos(page);
	const results = page.getByTestId('search-results');
	await register.search.fill('knockin');
	await expect(results.getByRole('button')).toHaveCount(2);
	await register.search.fill('tiny label');
	await expect(results.getByRole('button')).toHaveCount(1);
	await register.search.fill('epc 26044');
	await expect(results).toContainText('Sade – Diamond Life');
	await register.search.fill('sk026');
	await expect(results.getByRole('button').first()).toContainText('Svek');
	await register.search.fill('nothing like this');
	await expect(results).toContainText('No records match');
});

test('used stock can be browsed by bin and by genre', async ({ page }) => {
	await page.getByText('Browse used stock by bin or genre').click();
	await page.getByRole('combobox', { name: 'Bin' }).selectOption('A1');
	const used = page.getByTestId('used-results');
	await expect(used.getByRole('button')).toHaveCount(1);
	await expect(used).toContainText('Sade');
	await page.getByRole('combobox', { name: 'Genre' }).selectOption('Techno');
	await expect(used.getByRole('button')).toHaveCount(1);
	await expect(used).toContainText('G+/Generic');
	await used.getByRole('button').click();
	await expect(new RegisterPos(page).lines).toHaveCount(1);
});

test('an unknown barcode offers a quick item that needs a manager’s PIN', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.scan('9780201379624');
	const quick = page.getByTestId('quick-item');
	await expect(quick).toContainText('Unknown barcode 9780201379624');
	await quick.getByRole('textbox', { name: 'Description' }).fill('Tote bag');
	await quick.getByRole('textbox', { name: 'Price' }).fill('8.00');
	await quick
		.getByRole('combobox', { name: 'Approving manager' })
		.selectOption({ label: STAFF.manager.name });
	await quick.getByRole('textbox', { name: 'Manager PIN' }).fill('0000');
	await quick.getByRole('button', { name: 'Add quick item' }).click();
	await expect(quick.getByRole('alert')).toContainText('A manager must approve');
	await expect(register.lines).toHaveCount(0);
	await quick.getByRole('textbox', { name: 'Manager PIN' }).fill(STAFF.manager.pin);
	await quick.getByRole('button', { name: 'Add quick item' }).click();
	await expect(register.lines).toHaveCount(1);
	await expect(register.lines).toContainText('Tote bag');
	await expect(register.total).toHaveText('€8.00');
});

test('camera scanning falls back to zxing-wasm, bundled with the app, when BarcodeDetector is missing', async ({
	page
}) => {
	const hasNative = await page.evaluate(() => 'BarcodeDetector' in window);
	const wasm = await page.evaluate(async () => {
		const entries = await caches.keys().then(async (names) => {
			const urls: string[] = [];
			for (const name of names)
				for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
			return urls;
		});
		return entries.filter((u) => u.endsWith('.wasm'));
	});
	expect(wasm.length, 'the zxing wasm is precached by the service worker').toBeGreaterThan(0);
	await page.getByRole('button', { name: 'Scan with camera' }).click();
	// No camera in the test browser: the register says so instead of failing silently.
	await expect(page.getByRole('alert').filter({ hasText: 'camera' })).toBeVisible();
	expect(typeof hasNative).toBe('boolean');
});
