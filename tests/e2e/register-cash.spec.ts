import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS } from './support/register-fixture.ts';

test('a shift opens with a float, logs paid-in, paid-out and no-sale, and closes with a Z report', async ({
	page,
	context
}) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await register.signedIn();
	await register.tab('Cash');
	await page.getByRole('textbox', { name: 'Float in the drawer' }).fill('100');
	await page.getByRole('button', { name: 'Open shift' }).click();
	await expect(page.getByTestId('shift-state')).toContainText('float of €100.00');

	const drawer = page.getByRole('form', { name: 'Paid in, paid out or no sale' });
	await drawer.getByRole('radio', { name: 'Paid in' }).check();
	await drawer.getByRole('textbox', { name: 'Amount' }).fill('20');
	await drawer.getByRole('textbox', { name: 'Reason' }).fill('change from the bank');
	await drawer.getByRole('button', { name: 'Record' }).click();
	await drawer.getByRole('radio', { name: 'Paid out' }).check();
	await drawer.getByRole('textbox', { name: 'Amount' }).fill('5.50');
	await drawer.getByRole('textbox', { name: 'Reason' }).fill('milk');
	await drawer.getByRole('button', { name: 'Record' }).click();
	await drawer.getByRole('radio', { name: /No sale/ }).check();
	await drawer.getByRole('textbox', { name: 'Reason' }).fill('customer needed change');
	await drawer.getByRole('button', { name: 'Record' }).click();
	await expect(page.getByTestId('cash-moves').getByRole('listitem')).toHaveCount(3);
	await expect(page.getByTestId('expected-cash')).toHaveText('€114.50');

	await register.tab('Sell');
	await register.scan(ITEMS.newLp.barcode);
	await register.payExactCash();
	await page.getByRole('button', { name: 'New sale' }).click();

	await register.tab('Cash');
	await expect(page.getByTestId('expected-cash')).toHaveText('€139.49');
	await page.getByRole('textbox', { name: 'Counted cash' }).fill('139');
	await page.getByRole('button', { name: 'Close shift and print Z report' }).click();
	const z = page.getByTestId('z-report');
	await expect(z).toContainText('Sales 1 · €24.99');
	await expect(page.getByTestId('z-expected')).toHaveText('€139.49');
	await expect(page.getByTestId('z-counted')).toHaveText('€139.00');
	await expect(page.getByTestId('z-difference')).toHaveText('-€0.49');
	await expect(page.getByRole('button', { name: 'Open shift' })).toBeVisible();
	await expect(register.syncPending).toContainText('6 changes waiting');
});
