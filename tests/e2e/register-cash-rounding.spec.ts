import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS, shopRows, STAFF } from './support/register-fixture.ts';

// The same shop in Switzerland: francs, and cash rounded to 5 rappen at the till and the returns desk.
test.beforeEach(async ({ page, context }) => {
	const rows = await shopRows();
	rows.shop = (rows.shop ?? []).map((shop) => ({
		...shop,
		currency: 'CHF',
		locale: 'de-CH',
		cashRoundingIncrementCents: 5
	}));
	const register = new RegisterPos(page);
	await register.seed(rows);
	await context.setOffline(true);
	await register.signedIn();
});

test('a cash sale returned with its receipt gives back the rounded cash the till took', async ({
	page
}) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await expect(register.total).toHaveText('CHF 24.99');
	await page.getByRole('button', { name: /^Pay / }).click();
	// 24.99 is 25.00 in cash.
	await expect(page.getByTestId('remaining')).toHaveText('CHF 24.99');
	await expect(page.getByTestId('remaining-cash')).toHaveText('CHF 25.00');
	const quick = page.getByRole('group', { name: 'Quick cash amounts' });
	await expect(quick.getByRole('button')).toHaveText([
		'Exact CHF 25.00',
		'CHF 30.00',
		'CHF 40.00',
		'CHF 50.00'
	]);
	await quick.getByRole('button', { name: 'Exact CHF 25.00' }).click();
	await expect(page.getByTestId('receipt-total')).toHaveText('CHF 25.00');
	await expect(register.receipt.getByRole('row', { name: /^Cash rounding/ })).toContainText(
		'+CHF 0.01'
	);
	await expect(page.getByTestId('receipt-rounding')).toHaveText('+CHF 0.01');
	const receiptNo = await register.receiptNo();
	await page.getByRole('button', { name: 'New sale' }).click();

	await register.tab('Returns');
	await register.scan(receiptNo);
	const found = page.getByTestId('found-sale');
	await found.getByRole('spinbutton', { name: /Return copies/ }).fill('1');
	await found.getByRole('textbox', { name: 'Reason' }).fill('wrong pressing');
	await found.getByRole('button', { name: 'Refund' }).click();
	const done = page.getByTestId('return-done');
	await expect(done).toContainText('Refund CHF 25.00');
	await expect(page.getByTestId('return-rounding')).toHaveText('(cash rounded up by CHF 0.01)');
	await expect(done.getByRole('listitem')).toHaveText(['in cash: CHF 25.00']);
});

test('part card, the rest in cash rounded down: Left to pay shows the cash figure and the receipt the rounding', async ({
	page
}) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await page.getByRole('button', { name: /^Pay / }).click();
	await page.getByRole('textbox', { name: 'Card amount' }).fill('10.02');
	await page.getByRole('textbox', { name: 'Terminal reference' }).fill('AUTH-9');
	await page.getByRole('button', { name: 'Add card payment' }).click();
	// 14.97 left: a card pays it as is, cash pays 14.95.
	await expect(page.getByTestId('remaining')).toHaveText('CHF 14.97');
	await expect(page.getByTestId('remaining-cash')).toHaveText('CHF 14.95');
	await page.getByRole('button', { name: 'Exact CHF 14.95' }).click();
	await expect(page.getByTestId('receipt-rounding')).toHaveText('−CHF 0.02');
	await expect(page.getByTestId('receipt-total')).toHaveText('CHF 24.97');
});

test('a sale paid all by card is not rounded and its receipt has no rounding line', async ({
	page
}) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await page.getByRole('button', { name: /^Pay / }).click();
	await page.getByRole('textbox', { name: 'Terminal reference' }).fill('AUTH-10');
	await page.getByRole('button', { name: 'Add card payment' }).click();
	await expect(page.getByTestId('remaining')).toHaveText('CHF 0.00');
	await expect(page.getByTestId('remaining-cash')).toHaveCount(0);
	await page.getByRole('button', { name: 'Complete sale' }).click();
	await expect(page.getByTestId('receipt-total')).toHaveText('CHF 24.99');
	await expect(register.receipt).not.toContainText('Cash rounding');
	await expect(page.getByTestId('receipt-rounding')).toHaveCount(0);
});

test('cash short of the rounded amount is refused with what is due in cash', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await page.getByRole('button', { name: /^Pay / }).click();
	await page.getByRole('textbox', { name: 'Cash received' }).fill('24.99');
	await page.getByRole('button', { name: 'Take cash' }).click();
	await expect(page.getByTestId('sale-problem')).toHaveText(
		'The payment does not cover the total yet. Cash tendered 24.99 CHF is short of the 25.00 CHF due in cash.'
	);
});

test('a cash refund without a receipt is rounded to 5 rappen', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.tab('Returns');
	await page.getByRole('button', { name: 'Return without a receipt' }).click();
	const form = page.getByRole('form', { name: 'Return without a receipt' });
	await form.getByRole('searchbox', { name: 'Find the item' }).fill('tiny');
	await form.getByRole('button', { name: /Tiny Label Band/ }).click();
	await form.getByRole('textbox', { name: 'Refund per copy' }).fill('12.33');
	await form.getByRole('textbox', { name: 'Reason' }).fill('scratched, agreed part refund');
	await form.getByRole('radio', { name: 'Cash' }).check();
	await form
		.getByRole('combobox', { name: 'Approving manager' })
		.selectOption({ label: STAFF.manager.name });
	await form.getByRole('textbox', { name: 'Manager PIN' }).fill(STAFF.manager.pin);
	await form.getByRole('button', { name: 'Refund without receipt' }).click();
	const done = page.getByTestId('return-done');
	await expect(done).toContainText('Refund CHF 12.35');
	await expect(page.getByTestId('return-rounding')).toHaveText('(cash rounded up by CHF 0.02)');
	await expect(done.getByRole('listitem')).toHaveText(['in cash: CHF 12.35']);
});
