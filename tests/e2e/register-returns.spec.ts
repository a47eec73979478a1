import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS, STAFF } from './support/register-fixture.ts';

test.beforeEach(async ({ page, context }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await register.signedIn();
});

test('scanning the receipt barcode finds the sale offline and refunds to the original card', async ({
	page
}) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await register.scan(ITEMS.newLp.barcode);
	await page.getByRole('button', { name: /^Pay / }).click();
	await page.getByRole('textbox', { name: 'Terminal reference' }).fill('AUTH-5');
	await page.getByRole('button', { name: 'Add card payment' }).click();
	await page.getByRole('button', { name: 'Complete sale' }).click();
	const receiptNo = await register.receiptNo();
	await page.getByRole('button', { name: 'New sale' }).click();

	await register.tab('Returns');
	await register.scan(receiptNo);
	const found = page.getByTestId('found-sale');
	await expect(found).toContainText(`Sale ${receiptNo}`);
	await expect(found).toContainText('(2 left to return)');
	await found.getByRole('spinbutton', { name: /Return copies/ }).fill('1');
	await found.getByRole('textbox', { name: 'Reason' }).fill('duplicate gift');
	await found.getByRole('button', { name: 'Refund' }).click();
	const done = page.getByTestId('return-done');
	await expect(done).toContainText('Refund €24.99');
	await expect(done).toContainText('to card AUTH-5: €24.99');

	await page
		.getByRole('textbox', { name: 'Receipt number' })
		.fill(receiptNo.toLowerCase().replace('-', ' '));
	await page.getByRole('button', { name: 'Find sale' }).click();
	await expect(found).toContainText('(1 left to return)');
	await found.getByRole('spinbutton', { name: /Return copies/ }).fill('2');
	await found.getByRole('textbox', { name: 'Reason' }).fill('again');
	await found.getByRole('button', { name: 'Refund' }).click();
	await expect(page.getByTestId('return-problem')).toHaveText(
		'That is more than was sold on this receipt. Svek – Knockin\' Boots (12") SK026 has 1 left to return (sold 2, returned 1 before); asked for 2.'
	);
});

test('a sale synced from another register can be found and refunded as store credit', async ({
	page
}) => {
	const sale = {
		saleId: '0190a000-0000-7000-8000-0000000000aa',
		receiptNo: 'K2-000041',
		clerkId: 'staff-other',
		currency: 'EUR',
		businessDay: '2026-03-01',
		completedAt: '2026-03-01T12:00:00.000Z',
		lines: [
			{
				lineId: 'l1',
				itemId: ITEMS.usedA.id,
				releaseId: 'rel-sade',
				description: 'Sade – Diamond Life (LP)',
				kind: 'used',
				quantity: 1,
				unitPriceCents: 1200,
				discountCents: 0,
				discountReason: null,
				taxClassId: 'std',
				taxRatePpm: 190000,
				taxCents: 192,
				totalCents: 1200,
				consignment: null
			}
		],
		receiptDiscountCents: 0,
		receiptDiscountReason: null,
		subtotalCents: 1200,
		discountCents: 0,
		taxCents: 192,
		totalCents: 1200,
		roundingCents: 0,
		tenders: [{ kind: 'cash', amountCents: 1200, tenderedCents: 1200, changeCents: 0 }],
		origin: 'server'
	};
	await page.evaluate(async (row) => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const r = indexedDB.open('deadwax-register');
			r.onsuccess = () => resolve(r.result);
		});
		await new Promise<void>((resolve) => {
			const tx = db.transaction('sales', 'readwrite');
			tx.objectStore('sales').put(row);
			tx.oncomplete = () => resolve();
		});
		db.close();
	}, sale);
	const register = new RegisterPos(page);
	await register.tab('Returns');
	await page.getByRole('textbox', { name: 'Receipt number' }).fill('K2-41');
	await page.getByRole('button', { name: 'Find sale' }).click();
	const found = page.getByTestId('found-sale');
	await found.getByRole('spinbutton', { name: /Return copies/ }).fill('1');
	await found.getByRole('textbox', { name: 'Reason' }).fill('skips on side B');
	await found.getByRole('radio', { name: 'Store credit' }).check();
	await found.getByRole('button', { name: 'Refund' }).click();
	await expect(page.getByTestId('return-done')).toContainText('as store credit on voucher CR-T1-');
});

test('a return without a receipt needs a manager’s PIN', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.tab('Returns');
	await page.getByRole('button', { name: 'Return without a receipt' }).click();
	const form = page.getByRole('form', { name: 'Return without a receipt' });
	await form.getByRole('searchbox', { name: 'Find the item' }).fill('tiny');
	await form.getByRole('button', { name: /Tiny Label Band/ }).click();
	await form.getByRole('textbox', { name: 'Reason' }).fill('gift, no receipt');
	await form
		.getByRole('combobox', { name: 'Approving manager' })
		.selectOption({ label: STAFF.manager.name });
	await form.getByRole('textbox', { name: 'Manager PIN' }).fill('0000');
	await form.getByRole('button', { name: 'Refund without receipt' }).click();
	await expect(page.getByTestId('return-problem')).toContainText('A manager must approve');
	await form.getByRole('textbox', { name: 'Manager PIN' }).fill(STAFF.manager.pin);
	await form.getByRole('button', { name: 'Refund without receipt' }).click();
	await expect(page.getByTestId('return-done')).toContainText('Refund €18.00');
});
