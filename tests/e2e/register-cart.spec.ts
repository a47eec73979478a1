import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS } from './support/register-fixture.ts';

test.beforeEach(async ({ page, context }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await register.signedIn();
});

test('quantities change the line and the total', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await expect(register.lines).toHaveCount(1);
	await page.getByRole('button', { name: /One more Svek/ }).click();
	await expect(page.getByTestId('line-qty')).toHaveText('2');
	await expect(register.total).toHaveText('€49.98');
	await register.scan(ITEMS.newLp.barcode);
	await expect(page.getByTestId('line-qty')).toHaveText('3');
	await page.getByRole('button', { name: /One fewer Svek/ }).click();
	await expect(register.total).toHaveText('€49.98');
});

test('a line discount and a receipt discount need a reason', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await page.getByRole('button', { name: 'Discount', exact: true }).click();
	const lineForm = page.getByRole('form', { name: 'Line discount' });
	await lineForm.getByRole('textbox', { name: 'Discount amount' }).fill('4.99');
	await lineForm.getByRole('button', { name: 'Apply discount' }).click();
	await expect(page.getByTestId('sale-problem')).toHaveText(
		'Please check what was entered. Svek – Knockin\' Boots (12") SK026: discount reason must be 1 to 200 characters (got "").'
	);
	await lineForm.getByRole('textbox', { name: 'Reason' }).fill('scuffed sleeve');
	await lineForm.getByRole('button', { name: 'Apply discount' }).click();
	await expect(register.total).toHaveText('€20.00');
	await expect(register.lines).toContainText('scuffed sleeve');

	await page.getByRole('button', { name: 'Receipt discount' }).click();
	const receiptForm = page.getByRole('form', { name: 'Receipt discount' });
	await receiptForm.getByRole('radio', { name: 'Percent' }).check();
	await receiptForm.getByRole('textbox', { name: 'Discount percent' }).fill('10');
	await receiptForm.getByRole('textbox', { name: 'Reason' }).fill('loyalty card');
	await receiptForm.getByRole('button', { name: 'Apply discount' }).click();
	await expect(register.total).toHaveText('€18.00');
});

test('used copies show their grade and consignment items a badge', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.search.fill('sade diamond');
	await page.getByTestId('search-results').getByRole('button').first().click();
	await register.scan(ITEMS.consigned.barcode);
	await expect(page.getByTestId('grade-badge')).toHaveText('Used VG+/VG');
	await expect(page.getByTestId('consignment-badge')).toHaveText('Consignment · Tiny Label');
	await expect(page.getByRole('button', { name: /One more Sade/ })).toBeDisabled();
});

test('a sale can be parked, survives a reload, and is resumed', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await page.getByRole('textbox', { name: 'Note for parking' }).fill('man with the red bag');
	await page.getByRole('button', { name: 'Park sale' }).click();
	await expect(page.getByTestId('sale-state')).toHaveText(/No sale open/);
	await register.open();
	await register.signedIn();
	await register.scan(ITEMS.consigned.barcode);
	await expect(register.total).toHaveText('€18.00');

	const parked = page.getByTestId('parked');
	await expect(parked).toContainText('man with the red bag');
	await parked.getByRole('button', { name: 'Resume' }).click();
	await expect(register.total).toHaveText('€24.99');
	// The sale that was on screen was parked in its place.
	await expect(parked.getByRole('listitem')).toHaveCount(1);
});
