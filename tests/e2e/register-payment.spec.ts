import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS } from './support/register-fixture.ts';

test.beforeEach(async ({ page, context }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await register.signedIn();
	await register.scan(ITEMS.newLp.barcode);
	await expect(register.total).toHaveText('€24.99');
	await page.getByRole('button', { name: /^Pay / }).click();
});

test('cash shows quick-tender notes and the change due', async ({ page }) => {
	const quick = page.getByRole('group', { name: 'Quick cash amounts' });
	await expect(quick.getByRole('button')).toHaveText([
		'Exact €24.99',
		'€25.00',
		'€30.00',
		'€40.00'
	]);
	await quick.getByRole('button', { name: '€40.00' }).click();
	await expect(page.getByTestId('change-due')).toHaveText('Change due: €15.01');
	await expect(page.getByTestId('receipt-change')).toHaveText('€15.01');
});

test('a typed cash amount that is short is refused with the amount missing', async ({ page }) => {
	await page.getByRole('textbox', { name: 'Cash received' }).fill('20');
	await page.getByRole('button', { name: 'Take cash' }).click();
	await expect(page.getByTestId('sale-problem')).toHaveText(
		'The payment does not cover the total yet. Cash tendered 20.00 EUR is short of the 24.99 EUR due in cash.'
	);
	await page.getByRole('textbox', { name: 'Cash received' }).fill('30');
	await page.getByRole('button', { name: 'Take cash' }).click();
	await expect(page.getByTestId('change-due')).toHaveText('Change due: €5.01');
});

test('card records the amount and the terminal reference', async ({ page }) => {
	await page.getByRole('textbox', { name: 'Terminal reference' }).fill('AUTH-778812');
	await page.getByRole('button', { name: 'Add card payment' }).click();
	await page.getByRole('button', { name: 'Complete sale' }).click();
	const receipt = new RegisterPos(page).receipt;
	await expect(receipt).toContainText('Card AUTH-778812');
	await expect(receipt).toContainText('€24.99');
});

test('split tender: part card, the rest in cash', async ({ page }) => {
	await page.getByRole('textbox', { name: 'Card amount' }).fill('10');
	await page.getByRole('textbox', { name: 'Terminal reference' }).fill('AUTH-1');
	await page.getByRole('button', { name: 'Add card payment' }).click();
	await expect(page.getByTestId('remaining')).toHaveText('€14.99');
	await page.getByRole('button', { name: 'Exact €14.99' }).click();
	const receipt = new RegisterPos(page).receipt;
	await expect(receipt).toContainText('Card AUTH-1');
	await expect(receipt).toContainText('Cash');
	await expect(page.getByTestId('receipt-total')).toHaveText('€24.99');
});

test('a store-credit voucher pays when this register issued it, and an unknown one is refused', async ({
	page
}) => {
	await page.getByRole('textbox', { name: 'Voucher code' }).fill('CR-NOPE-1');
	await page.getByRole('button', { name: 'Add voucher' }).click();
	await page.getByRole('button', { name: 'Complete sale' }).click();
	await expect(page.getByTestId('sale-problem')).toContainText('Voucher CR-NOPE-1 is not known');

	// Issue credit at the buy counter, then spend part of it.
	const register = new RegisterPos(page);
	await page.getByRole('button', { name: 'Back to sale' }).click();
	await register.tab('Buy');
	await page.getByRole('textbox', { name: 'Record (artist – title)' }).fill('Can – Tago Mago');
	await page.getByRole('textbox', { name: 'Offer' }).fill('8');
	await page.getByRole('button', { name: 'Add record' }).click();
	await page.getByRole('button', { name: 'Pay store credit' }).click();
	const done = page.getByTestId('trade-done');
	await expect(done).toContainText('Store credit €10.00 on voucher CR-T1-');
	const voucher = (/voucher (CR-T1-\d+)/.exec((await done.textContent()) ?? '') ?? [])[1] ?? '';

	await register.tab('Sell');
	await page.getByRole('button', { name: /^Pay / }).click();
	await page.getByRole('textbox', { name: 'Voucher code' }).fill(voucher);
	await page.getByRole('textbox', { name: 'Voucher amount' }).fill('10');
	await page.getByRole('button', { name: 'Add voucher' }).click();
	await expect(page.getByTestId('remaining')).toHaveText('€14.99');
	await page.getByRole('button', { name: 'Exact €14.99' }).click();
	await expect(register.receipt).toContainText(`Voucher ${voucher}`);
});

test('the receipt shows its number as a Code 128 barcode and prints on 80 mm or 58 mm paper', async ({
	page
}) => {
	await page.getByRole('button', { name: /^Exact / }).click();
	const register = new RegisterPos(page);
	await expect(register.receipt).toBeVisible();
	expect(await register.receiptNo()).toMatch(/^T1-\d{6}$/);
	await expect(page.getByTestId('receipt-barcode').locator('svg')).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	const width80 = await register.receipt.evaluate((el) => el.getBoundingClientRect().width);
	await page.emulateMedia({ media: 'screen' });
	await page.getByTestId('paper').selectOption('58');
	await page.emulateMedia({ media: 'print' });
	const width58 = await register.receipt.evaluate((el) => el.getBoundingClientRect().width);
	// 1 mm is 96/25.4 CSS pixels.
	expect(Math.round(width80 / (96 / 25.4))).toBe(80);
	expect(Math.round(width58 / (96 / 25.4))).toBe(58);
	await expect(page.getByRole('navigation', { name: 'Register' })).toBeHidden();
});

test('the sale is stored with its outbox op before the receipt shows', async ({ page }) => {
	await page.getByRole('button', { name: /^Exact / }).click();
	await expect(new RegisterPos(page).syncPending).toContainText('1 change waiting');
});
