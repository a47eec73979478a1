import { expect, test } from '@playwright/test';
import { DEMO, mutate, query, signInOnPage, unique } from './support/office-fixture.ts';

test('a clerk is added with a PIN and switched off, a register is paired with a code and revoked, and the audit log shows who did it', async ({
	page
}) => {
	await signInOnPage(page, DEMO.owner, '/office/staff');
	const name = unique('Robin');
	await page.getByLabel('Name').fill(name);
	await page.locator('select[name="role"]').selectOption('clerk');
	await page.getByLabel('PIN (4–8 digits)').fill('4711');
	await page.getByRole('button', { name: 'Add staff member' }).click();
	await expect(page.getByRole('status')).toHaveText(`Added ${name} as clerk.`);
	const row = page.locator(`tr[data-staff="${name}"]`);
	await expect(row).toContainText('active');
	await row.getByRole('button', { name: 'Switch off' }).click();
	await expect(page.locator(`tr[data-staff="${name}"]`)).toContainText('switched off');

	// A PIN that is not 4 to 8 digits is refused, naming the field.
	await page.getByLabel('Name').fill(unique('Pat'));
	await page.getByLabel('PIN (4–8 digits)').fill('12');
	await page.getByRole('button', { name: 'Add staff member' }).click();
	await expect(page.getByRole('alert')).toHaveText('pin: pin must be 4 to 8 digits');

	await page.getByRole('button', { name: 'Pair a new register' }).click();
	const code = (await page.getByTestId('pairing-code').textContent()) ?? '';
	expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	const till = unique('Back counter');
	await mutate(page.request, 'devices.pair', { code, name: till });
	await page.reload();
	const device = page.locator(`tr[data-device="${till}"]`);
	await expect(device).toContainText('never');
	await device.getByRole('button', { name: 'Revoke' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Device revoked: it can no longer sync. Its unsynced sales stay on it.'
	);
	await expect(page.locator(`tr[data-device="${till}"]`)).toContainText('revoked');

	await page.getByLabel('Only actions starting with').fill('staff.');
	await page.getByRole('button', { name: 'Filter' }).click();
	const entry = page.getByRole('row').filter({ hasText: `"name":"${name}"` });
	await expect(entry).toContainText('Ola Owner');
	await expect(entry).toContainText('staff.created');
	const staff = await query<{ name: string; isActive: boolean }[]>(
		page.request,
		'office.staff.list'
	);
	expect(staff.find((s) => s.name === name)?.isActive).toBe(false);
});
