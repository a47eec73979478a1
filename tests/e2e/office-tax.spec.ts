import { expect, test } from '@playwright/test';
import { DEMO, signInOnPage, unique } from './support/office-fixture.ts';

// Specs share the demo shop: this one only touches a class it adds itself.
test('a manager adds a tax class at 8.875 %, then renames it and changes its rate', async ({
	page
}) => {
	await signInOnPage(page, DEMO.manager, '/office/tax');
	await expect(page.getByRole('heading', { level: 1, name: 'Tax classes' })).toBeVisible();
	await expect(page.getByText('only applies to sales from now on')).toBeVisible();
	const name = unique('NYC');
	await page.locator('input[name="name"]').fill(name);
	await page.locator('input[name="rate"]').fill('8.875');
	await page.getByRole('button', { name: 'Add tax class' }).click();
	await expect(page.getByRole('status')).toHaveText(`Added ${name} at 8.875 %.`);
	await expect(page.locator(`tr[data-tax-class="${name}"]`)).toContainText('8.875 %');

	// A rate that is not a percentage is refused, naming the field.
	await page.locator('input[name="name"]').fill(unique('Odd'));
	await page.locator('input[name="rate"]').fill('101');
	await page.getByRole('button', { name: 'Add tax class' }).click();
	await expect(page.getByRole('alert')).toContainText('rate:');

	await page.getByRole('button', { name: `Edit ${name}` }).click();
	await expect(page.locator('input[name="edit-rate"]')).toHaveValue('8.875');
	const renamed = `${name} reduced`;
	await page.locator('input[name="edit-name"]').fill(renamed);
	await page.locator('input[name="edit-rate"]').fill('4,5');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		`Saved ${renamed} at 4.5 %; sales from now on use it.`
	);
	await expect(page.locator(`tr[data-tax-class="${renamed}"]`)).toContainText('4.5 %');

	// It is saved on the server: a reload shows the new name and rate.
	await page.reload();
	await expect(page.locator(`tr[data-tax-class="${renamed}"]`)).toContainText('4.5 %');
});
