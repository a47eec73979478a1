import { expect, test, type Page } from '@playwright/test';
import { discogsExportFromShopCsv, fixMisfiledGrades } from '@deadwax/db/testing';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO, signInOnPage } from './support/office-fixture.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/discogs/', import.meta.url));
const API_TEST = `${FIXTURES}discogs_inventory_export_apitest.csv`;
const HEADER =
	'listing_id,artist,title,label,catno,format,release_id,status,price,listed,comments,media_condition,sleeve_condition,accept_offer,external_id,weight,format_quantity,location,quantity\r\n';

/** The Hungarian shop's real inventory (747 listings) in the Discogs export format. */
function shopInventory(): string {
	return fixMisfiledGrades(
		discogsExportFromShopCsv(
			readFileSync(`${FIXTURES}lemezordog_discogs_inventory_via_api_unas_format.csv`, 'utf8')
		)
	);
}

async function download(page: Page): Promise<string> {
	const waiting = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the inventory CSV' }).click();
	const file = await waiting;
	const path = await file.path();
	return readFileSync(path, 'utf8');
}

test('the real Discogs files import, and the export writes their rows back byte for byte', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signInOnPage(page, DEMO.manager, '/office/discogs');
	const input = page.getByLabel('Inventory export (.csv)');

	await input.setInputFiles(API_TEST);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		/^Imported discogs_inventory_export_apitest\.csv: 1 listings, [01] new, 0 updated, [01] unchanged\.$/
	);

	const inventory = shopInventory();
	await input.setInputFiles({
		name: 'lemezordog.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(inventory)
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText(
		/^Imported lemezordog\.csv: 747 listings, \d+ new, 0 updated, \d+ unchanged\.$/
	);
	await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute(
		'value',
		'1'
	);

	// Importing the same file again changes nothing.
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Imported lemezordog.csv: 747 listings, 0 new, 0 updated, 747 unchanged.'
	);

	const exported = await download(page);
	expect(exported.startsWith(HEADER)).toBe(true);
	expect(exported.endsWith('\r\n')).toBe(true);
	expect(exported.charCodeAt(0)).not.toBe(0xfeff);
	const apiRow = readFileSync(API_TEST, 'utf8').slice(HEADER.length);
	expect(exported).toContain(apiRow);
	// The 747 rows come back as one block, every field as it was read.
	expect(exported).toContain(inventory.slice(HEADER.length));
});

test('a bad file lists every bad row and column and imports nothing', async ({ page }) => {
	await signInOnPage(page, DEMO.manager, '/office/discogs');
	const bad =
		HEADER +
		'9000000001,Svek,Stockholm,Svek,SK032,"12"", 33 ⅓ RPM",1,For Sale,12,50,2024-01-01 10:00:00,,Near Mint (NM or M-),,N,,,1,A1,1\r\n' +
		'9000000002,Svek,Stockholm,Svek,SK032,Vinyl,1,For Sale,9.5,yesterday,,Generic,,N,,,1,A1,1\r\n';
	await page
		.getByLabel('Inventory export (.csv)')
		.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('bad.csv was not imported; nothing changed. 3 problems:');
	const rows = alert.getByRole('row');
	await expect(rows.nth(1)).toHaveText('2(whole row)has 20 columns, expected 19');
	await expect(rows.nth(2)).toHaveText(
		'3listedmust be a date and time like 2026-08-25 07:04:22 (got "yesterday")'
	);
	await expect(rows.nth(3)).toHaveText(
		'3media_conditionGeneric is a sleeve condition, not a media grade (got "Generic")'
	);
	const found = await page.request.get(
		`/trpc/office.catalog.items?input=${encodeURIComponent(JSON.stringify({ search: 'Stockholm', kind: 'used' }))}`
	);
	const items = (
		(await found.json()) as { result: { data: { items: { discogsListingId: string | null }[] } } }
	).result.data.items;
	expect(items.filter((i) => i.discogsListingId?.startsWith('900000000'))).toEqual([]);
});
