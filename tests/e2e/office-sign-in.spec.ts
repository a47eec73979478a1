import { expect, test } from '@playwright/test';
import { DEMO, signInOnPage } from './support/office-fixture.ts';

test('a manager signs in with a PIN, a clerk and a wrong PIN are refused, and signing out ends it', async ({
	page
}) => {
	await page.goto('/office');
	await expect(page.getByRole('heading', { level: 1, name: 'Office' })).toBeVisible();
	// Only managers and owners are offered.
	await expect(page.getByRole('button', { name: /^Mika Manager/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Cleo Clerk/ })).toHaveCount(0);

	// The owner gets the wrong PIN here: other specs sign the manager in, and five misses lock a PIN.
	await page.getByRole('button', { name: /^Ola Owner/ }).click();
	await page.getByLabel('PIN for Ola Owner').fill('0000');
	await page.getByLabel('PIN for Ola Owner').press('Enter');
	await expect(page.getByRole('alert')).toHaveText(/^Wrong PIN for Ola Owner \(\d tries left\)$/);
	await signInOnPage(page, DEMO.owner);
	await page.getByRole('button', { name: 'Sign out' }).click();

	await signInOnPage(page, DEMO.manager);
	await expect(page.getByText('Mika Manager · Deadwax Demo Records')).toBeVisible();
	const cookies = await page.context().cookies();
	expect(cookies.find((c) => c.name === 'dw_office')).toMatchObject({
		httpOnly: true,
		sameSite: 'Strict'
	});

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('button', { name: /^Mika Manager/ })).toBeVisible();
	const me = await page.request.get('/trpc/office.session.me');
	expect(await me.json()).toEqual({ result: { data: null } });
});

test('the office refuses a clerk even with the right PIN', async ({ request }) => {
	const response = await request.post('/auth/office/sign-in', {
		data: { shopId: DEMO.shopId, staffId: DEMO.clerk.id, pin: DEMO.clerk.pin }
	});
	expect(response.status()).toBe(403);
	expect(await response.json()).toEqual({
		error: 'Cleo Clerk is a clerk; the office needs a manager or owner'
	});
});
