import { expect, test } from '@playwright/test';
import {
	DEMO,
	makeStockItem,
	officeCookie,
	onHand,
	query,
	signInOnPage,
	unique
} from './support/office-fixture.ts';

test('a bin is counted by scanning, and the differences are posted as count movements with a reason', async ({
	page
}) => {
	await officeCookie(page.request);
	const bin = unique('BIN');
	const a = await makeStockItem(page.request, { bin, quantity: 3 });
	const b = await makeStockItem(page.request, { bin, quantity: 1 });
	await signInOnPage(page, DEMO.manager, '/office/count');

	await page.getByLabel('Bin').fill(bin);
	await page.getByRole('button', { name: 'Start counting' }).click();
	await expect(page.getByRole('heading', { name: `Bin ${bin}` })).toBeVisible();
	const scan = page.getByLabel('Scan each copy in the bin');
	for (const code of [a.barcode, a.barcode, b.barcode, b.barcode]) {
		await scan.fill(code);
		await scan.press('Enter');
	}
	await expect(
		page.getByRole('spinbutton', { name: `Counted E2E Artist – ${a.title}` })
	).toHaveValue('2');
	await expect(
		page.getByRole('spinbutton', { name: `Counted E2E Artist – ${b.title}` })
	).toHaveValue('2');
	await page.getByLabel('Reason for the adjustments').fill('Damaged in the shop');
	await page.getByRole('button', { name: 'Post 2 differences' }).click();

	await expect(page.getByRole('heading', { name: `Count of ${bin} posted` })).toBeVisible();
	await expect(page.getByText(`E2E Artist – ${a.title}: -1 → 2 on hand`)).toBeVisible();
	await expect(page.getByText(`E2E Artist – ${b.title}: +1 → 2 on hand`)).toBeVisible();
	expect(await onHand(page.request, a.itemId)).toBe(2);
	const ledger = await query<{ delta: number; reason: string }[]>(
		page.request,
		'office.stock.movements',
		{ itemId: a.itemId }
	);
	expect(ledger.map((m) => [m.reason, m.delta])).toEqual([
		['count', -1],
		['receive', 3]
	]);
	const [document] = await query<{ reason: string; reference: string }[]>(
		page.request,
		'office.stock.documents',
		{ kind: 'count', limit: 1 }
	);
	expect(document).toMatchObject({ reason: 'Damaged in the shop', reference: bin });
});
