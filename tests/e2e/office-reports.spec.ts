import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	DEMO,
	makeStockItem,
	officeCookie,
	pairTill,
	ringUp,
	signInOnPage,
	unique
} from './support/office-fixture.ts';

test('the reports chart the period, export each to CSV, and sum every register for the end of day', async ({
	page
}) => {
	await officeCookie(page.request);
	const record = await makeStockItem(page.request, {
		bin: unique('bin'),
		quantity: 5,
		priceCents: 2000
	});
	const tillName = unique('Report till');
	const till = await pairTill(page.request, tillName);
	expect(await ringUp(page.request, till, record, { quantity: 2 })).toBe('applied');

	await signInOnPage(page, DEMO.manager, '/office/reports');
	await expect(
		page.getByRole('img', { name: /Line chart: Takings per business day/ }).locator('canvas')
	).toBeVisible();
	await expect(page.getByRole('figure').filter({ hasText: 'Sales by format' })).toContainText('LP');
	await expect(page.getByRole('figure').filter({ hasText: 'Sales by label' })).toContainText(
		'E2E Label'
	);
	await expect(
		page.getByRole('figure').filter({ hasText: 'Copies on hand by time in stock' })
	).toContainText('up to 30 days');

	const bySales = page.getByRole('region', { name: 'Sales by day' });
	const waiting = page.waitForEvent('download');
	await bySales.getByRole('button', { name: 'Download CSV' }).click();
	const csv = readFileSync(await (await waiting).path(), 'utf8');
	const [header, ...rows] = csv.trimEnd().split('\r\n');
	expect(header).toBe('day,sales,copies,gross,refunds,net,tax');
	expect(rows.length).toBe(30);
	const today = rows.at(-1)?.split(',') ?? [];
	expect(Number(today[1])).toBeGreaterThanOrEqual(1);
	expect(Number(today[5])).toBeGreaterThanOrEqual(40);

	const eod = page.getByTestId('end-of-day');
	const register = eod.getByRole('row').filter({ hasText: tillName });
	await expect(register).toContainText('40,00 €');
	await expect(eod.locator('tfoot')).toContainText('All registers');
	const eodDownload = page.waitForEvent('download');
	await page
		.getByRole('region', { name: 'End of day, all registers' })
		.getByRole('button', { name: 'Download CSV' })
		.click();
	const eodCsv = readFileSync(await (await eodDownload).path(), 'utf8');
	expect(eodCsv.split('\r\n')[0]).toMatch(/^register,sales,takings,refunds,tax/);
	expect(eodCsv).toContain('All registers,');
});
