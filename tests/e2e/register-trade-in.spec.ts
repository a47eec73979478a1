import { expect, test, type Page } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';

test.beforeEach(async ({ page, context }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await register.signedIn();
	await register.tab('Buy');
});

async function addRecord(
	page: Page,
	record: {
		find?: string;
		description?: string;
		media: string;
		sleeve: string;
		offer: string;
		price?: string;
	}
): Promise<void> {
	if (record.find !== undefined) {
		await page.getByRole('searchbox', { name: /Find the release/ }).fill(record.find);
		await page
			.getByRole('button', { name: new RegExp(record.find, 'i') })
			.first()
			.click();
	}
	if (record.description !== undefined) {
		await page.getByRole('textbox', { name: 'Record (artist – title)' }).fill(record.description);
	}
	await page.getByRole('combobox', { name: 'Media grade' }).selectOption(record.media);
	await page.getByRole('combobox', { name: 'Sleeve grade' }).selectOption(record.sleeve);
	await page.getByRole('textbox', { name: 'Offer' }).fill(record.offer);
	if (record.price !== undefined)
		await page.getByRole('textbox', { name: /Shelf price/ }).fill(record.price);
	await page.getByRole('button', { name: 'Add record' }).click();
}

test('records are bought for cash, each with a grade and an offer, and listed for price tags', async ({
	page
}) => {
	await addRecord(page, {
		find: 'Diamond Life',
		media: 'VG+',
		sleeve: 'VG',
		offer: '6',
		price: '14'
	});
	await addRecord(page, {
		description: 'Neu! – Neu! 2',
		media: 'NM',
		sleeve: 'Generic',
		offer: '12.50'
	});
	const lines = page.getByTestId('trade-lines');
	await expect(lines.getByRole('listitem')).toHaveCount(2);
	await expect(lines).toContainText('VG+/VG');
	await expect(page.getByTestId('trade-offer')).toHaveText('€18.50');
	await expect(page.getByText('or €23.13 in store credit (25% bonus)')).toBeVisible();
	await page.getByRole('button', { name: 'Pay cash' }).click();
	await expect(page.getByTestId('trade-done')).toContainText('Pay €18.50 in cash.');
	const tags = page.getByTestId('price-tags');
	await expect(tags).toContainText('Sade – Diamond Life (LP) · VG+/VG · €14.00');
	await expect(tags).toContainText('Neu! – Neu! 2 · NM/Generic · price in the office');
	await expect(new RegisterPos(page).syncPending).toContainText('1 change waiting');
});

test('store credit adds the shop’s bonus and issues a voucher', async ({ page }) => {
	await addRecord(page, {
		description: 'Can – Ege Bamyasi',
		media: 'VG',
		sleeve: 'VG',
		offer: '10'
	});
	await page.getByRole('button', { name: 'Pay store credit' }).click();
	await expect(page.getByTestId('trade-done')).toContainText(
		'Store credit €12.50 on voucher CR-T1-'
	);
});

test('a record without a description is refused and nothing is added', async ({ page }) => {
	await addRecord(page, { description: ' ', media: 'VG', sleeve: 'VG', offer: '10' });
	await expect(page.getByTestId('trade-problem')).toContainText('Say what the record is');
	await expect(page.getByTestId('trade-lines')).toHaveCount(0);
});
