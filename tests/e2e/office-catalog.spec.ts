import { expect, test } from '@playwright/test';
import { DEMO, freshEan13, signInOnPage, unique } from './support/office-fixture.ts';

test('a release with two barcodes gets a graded used copy with its own in-store barcode', async ({
	page
}) => {
	await signInOnPage(page, DEMO.manager, '/office/catalog');
	const title = unique('Moving Cities');
	const [first, second] = [freshEan13(), freshEan13()];
	await page.getByRole('button', { name: 'New release' }).click();
	const form = page.getByRole('region', { name: 'New release' });
	await form.getByLabel('Artist').fill('Faze Action');
	await form.getByLabel('Title').fill(title);
	await form.getByLabel('Catalog number').fill('9 47555-2');
	await form.getByLabel('Format').selectOption('CD');
	await form.getByLabel(/^Barcodes/).fill(`${first}\n${second}`);
	await form.getByRole('button', { name: 'Add release' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Faze Action – ${title}` })
	).toBeVisible();

	await page.getByRole('button', { name: 'Add a used copy' }).click();
	const copy = page.getByRole('region', { name: 'New used copy' });
	await copy.getByLabel('Price (EUR)').fill('12.50');
	await copy.getByLabel('Media grade').selectOption('NM');
	await copy.getByLabel('Sleeve grade').selectOption('VG+');
	await copy.getByLabel('Bin').fill('U-E2E');
	await copy.getByRole('button', { name: 'Add copy' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Added copy 2\d{12}\.$/);
	const row = page.getByRole('row').filter({ hasText: 'NM/VG+' });
	await expect(row).toContainText('12,50 €');
	await expect(row).toContainText('U-E2E');

	// Both barcodes find the release.
	for (const code of [first, second]) {
		await page.goto('/office/catalog');
		await page.getByRole('searchbox', { name: 'Search the catalog' }).fill(code);
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		const releases = page.getByRole('region', { name: /^Releases/ });
		await expect(releases.getByRole('link', { name: `Faze Action – ${title}` })).toBeVisible();
	}
});

test('a stale edit is refused with what changed, and the other manager’s price stays', async ({
	page,
	browser
}) => {
	await signInOnPage(page, DEMO.manager, '/office/catalog');
	const title = unique('Stale');
	await page.getByRole('button', { name: 'New release' }).click();
	const form = page.getByRole('region', { name: 'New release' });
	await form.getByLabel('Artist').fill('Svek');
	await form.getByLabel('Title').fill(title);
	await form.getByRole('button', { name: 'Add release' }).click();
	await page.getByRole('button', { name: 'Add new stock' }).click();
	const stock = page.getByRole('region', { name: 'New stock item' });
	await stock.getByLabel('Price (EUR)').fill('20.00');
	await stock.getByLabel('Copies in stock now').fill('4');
	await stock.getByRole('button', { name: 'Add item' }).click();
	await expect(page.getByRole('status')).toContainText('Added');
	const url = page.url();

	// The owner opens the same item on another desk and changes the price first.
	const desk = await browser.newContext();
	const owner = await desk.newPage();
	await signInOnPage(owner, DEMO.owner, url.replace(/^https?:\/\/[^/]+/, ''));
	await owner.getByRole('button', { name: 'Edit', exact: true }).click();
	await owner.getByLabel('Price (EUR)').fill('17.99');
	await owner.getByRole('button', { name: 'Save item' }).click();
	await expect(owner.getByRole('status')).toContainText('Saved');

	// The manager's form still holds version 1.
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await page.getByLabel('Bin').fill('A-9');
	await page.getByRole('button', { name: 'Save item' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Ola Owner changed this item after you opened it (you edited version 1, it is now version 2): price is now 17.99 EUR. Nothing was saved; reload to edit the current version.'
	);
	await page.getByRole('button', { name: 'Reload the current version' }).click();
	const row = page.getByRole('row').filter({ hasText: '17,99 €' });
	await expect(row).toBeVisible();
	await expect(row).not.toContainText('A-9');
	await desk.close();
});
