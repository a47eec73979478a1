import { expect, test } from '@playwright/test';
import {
	DEMO,
	freshEan13,
	mutate,
	officeCookie,
	onHand,
	query,
	signInOnPage,
	unique
} from './support/office-fixture.ts';

test('a label’s delivery is scanned in under its agreement and unsold copies go back, both in the ledger', async ({
	page
}) => {
	await officeCookie(page.request);
	const title = unique('Svek delivery');
	const barcode = freshEan13();
	await mutate(page.request, 'office.catalog.createRelease', {
		fields: {
			artist: 'Svek Artist',
			title,
			label: 'Svek',
			catno: null,
			format: '12"',
			year: null,
			discogsReleaseId: null,
			genres: [],
			barcodes: [barcode]
		}
	});
	await signInOnPage(page, DEMO.manager, '/office/consignment');
	await page.locator('select[name="label-id"]').selectOption(DEMO.svek.labelId);
	await page.getByLabel("Label's delivery note").fill(unique('consignment note'));
	const scan = page.getByLabel("Scan or type each copy's barcode");
	await scan.fill(barcode);
	await scan.press('Enter');
	// The label has no item for this release yet: price it once, then every copy scans in.
	await expect(
		page.getByText(`Svek Artist – ${title} has no item of Svek's yet.`, { exact: false })
	).toBeVisible();
	await page.getByLabel('Price (EUR)').fill('18.00');
	await page.getByRole('button', { name: 'Add the item' }).click();
	for (let i = 0; i < 4; i++) {
		await scan.fill(barcode);
		await scan.press('Enter');
	}
	await expect(
		page.getByRole('spinbutton', { name: `Copies of Svek Artist – ${title}` })
	).toHaveValue('5');
	await page.getByRole('button', { name: 'Take in 5 copies' }).click();
	await expect(page.getByRole('heading', { name: 'Taken in from Svek' })).toBeVisible();
	await expect(page.getByText(`+5 × Svek Artist – ${title} — 5 on hand`)).toBeVisible();

	await page.getByLabel('Sending unsold copies back').check();
	await page.getByLabel('Why they go back').fill('Unsold after the season');
	const onShelf = page.getByRole('listitem').filter({ hasText: `Svek Artist – ${title}: 5` });
	await onShelf.getByRole('button', { name: 'Return all' }).click();
	await page.getByRole('spinbutton', { name: `Copies of Svek Artist – ${title}` }).fill('3');
	await page.getByRole('button', { name: 'Send 3 copies back' }).click();
	await expect(page.getByRole('heading', { name: 'Sent back to Svek' })).toBeVisible();
	await expect(page.getByText(`-3 × Svek Artist – ${title} — 2 on hand`)).toBeVisible();

	const { items } = await query<{ items: { id: string }[] }>(page.request, 'office.catalog.items', {
		search: title,
		labelId: DEMO.svek.labelId
	});
	const itemId = items[0]?.id ?? '';
	expect(await onHand(page.request, itemId)).toBe(2);
	const ledger = await query<{ reason: string; delta: number }[]>(
		page.request,
		'office.stock.movements',
		{ itemId }
	);
	expect(ledger.map((m) => [m.reason, m.delta])).toEqual([
		['return_to_label', -3],
		['consign_in', 5]
	]);
});
