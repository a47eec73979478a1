import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { REGISTER_DB, STAFF } from './support/register-fixture.ts';

test('a new tablet is paired with a code from the office and loads the shop with a progress bar', async ({
	page,
	request
}) => {
	const created = await request.post('/trpc/devices.createPairingCode', {
		data: { manager: { shopId: 'demo', staffId: 'demo-manager', pin: '1357' } }
	});
	expect(created.ok(), await created.text()).toBe(true);
	const { code } = ((await created.json()) as { result: { data: { code: string } } }).result.data;
	const register = new RegisterPos(page);
	await register.open();
	await page.getByRole('textbox', { name: 'Pairing code' }).fill(code);
	await page.getByRole('button', { name: 'Pair this register' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
	await expect(page.getByRole('button', { name: 'Cleo Clerk' })).toBeVisible();
	await register.signedIn({ name: 'Cleo Clerk', pin: '1234' });
	await expect(page.getByTestId('sync-last')).not.toHaveText('Never synced');
});

test('a sale rung up offline on a paired register reaches the server after reconnecting', async ({
	page,
	context,
	request
}) => {
	const created = await request.post('/trpc/devices.createPairingCode', {
		data: { manager: { shopId: 'demo', staffId: 'demo-manager', pin: '1357' } }
	});
	const { code } = ((await created.json()) as { result: { data: { code: string } } }).result.data;
	const register = new RegisterPos(page);
	await register.open();
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.getByRole('textbox', { name: 'Pairing code' }).fill(code);
	await page.getByRole('button', { name: 'Pair this register' }).click();
	await register.signedIn({ name: 'Cleo Clerk', pin: '1234' });

	await context.setOffline(true);
	await register.search.fill('a');
	await page.getByTestId('search-results').getByRole('button').first().click();
	await register.payExactCash();
	await expect(register.syncPending).toContainText('1 change waiting');
	await context.setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(register.syncPending).toHaveText('All changes synced', { timeout: 20_000 });
});

test('clerks sign in offline with a PIN checked against a stored hash, never the PIN itself', async ({
	page,
	context
}) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	const stored = await page.evaluate(async (name) => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const r = indexedDB.open(name);
			r.onsuccess = () => resolve(r.result);
		});
		const all = await new Promise<unknown[]>((resolve) => {
			const r = db.transaction('staff').objectStore('staff').getAll();
			r.onsuccess = () => resolve(r.result as unknown[]);
		});
		db.close();
		return JSON.stringify(all);
	}, REGISTER_DB);
	expect(stored).toContain('pbkdf2-sha256$');
	expect(stored).not.toContain(`"${STAFF.clerk.pin}"`);

	await register.signIn({ name: STAFF.clerk.name, pin: '9999' });
	await expect(page.getByTestId('signin-problem')).toHaveText(
		'That PIN is not right for Cleo Clerk.'
	);
	await register.signedIn();
});

test('five wrong PINs lock that clerk out, and the lock survives a reload', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.seed();
	for (let i = 0; i < 5; i++) await register.signIn({ name: STAFF.clerk.name, pin: '0000' });
	await expect(page.getByTestId('signin-problem')).toContainText('Too many wrong PINs');
	await register.signIn(STAFF.clerk);
	await expect(page.getByTestId('signin-problem')).toContainText('can try again in');
	await register.open();
	await register.signIn(STAFF.clerk);
	await expect(page.getByTestId('signin-problem')).toContainText('can try again in');
	await expect(page.getByTestId('clerk-name')).toHaveCount(0);
	// Another clerk is not locked by someone else's failures.
	await register.signedIn(STAFF.manager);
});

test('the clerk can be switched, and the register locks itself after the idle time', async ({
	page
}) => {
	await page.clock.install();
	const register = new RegisterPos(page);
	await register.seed();
	await register.signedIn();
	await page.getByRole('button', { name: 'Lock / switch clerk' }).click();
	await register.signedIn(STAFF.manager);
	await expect(page.getByTestId('clerk-name')).toContainText('Mika Manager');

	await page.clock.runFor(4 * 60_000);
	await expect(page.getByTestId('clerk-name')).toBeVisible();
	await page.clock.runFor(2 * 60_000);
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await expect(page.getByTestId('clerk-name')).toHaveCount(0);
});
