import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS, oldPendingOp, shopRows } from './support/register-fixture.ts';

test('the sync status is always visible: pending count and age, and the last sync', async ({
	page,
	context
}) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await expect(page.getByTestId('sync-status')).toBeVisible();
	await expect(register.syncPending).toHaveText('All changes synced');
	await expect(page.getByTestId('sync-last')).toHaveText('Never synced');
	await register.signedIn();
	await register.scan(ITEMS.newLp.barcode);
	await register.payExactCash();
	await expect(register.syncPending).toHaveText('1 change waiting (oldest under a minute)');
	for (const tab of ['Returns', 'Buy', 'Cash', 'Device'] as const) {
		await register.tab(tab);
		await expect(page.getByTestId('sync-status')).toBeVisible();
	}
});

test('a warning shows when unsynced work is older than 24 hours, and sign-out and reset wait for it', async ({
	page,
	context
}) => {
	const register = new RegisterPos(page);
	const rows = await shopRows();
	rows['outbox'] = [oldPendingOp(30 * 60 * 60_000)];
	rows['meta']?.push({ key: 'deviceSeq', value: 1 });
	await register.seed(rows);
	await context.setOffline(true);
	await expect(page.getByTestId('stale-warning')).toContainText('more than 24 hours old');
	await expect(register.syncPending).toContainText('1 change waiting (oldest 30 h)');
	await register.signedIn();
	await register.tab('Device');
	await page.getByRole('button', { name: 'Sign out this register' }).click();
	await expect(page.getByTestId('register-problem')).toContainText('Sign-out is blocked: 1 sale');
	await page.getByRole('button', { name: 'Dismiss' }).click();
	await page.getByRole('button', { name: 'Reset device' }).click();
	await expect(page.getByTestId('register-problem')).toContainText('Reset is blocked');
	await register.open();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('reset wipes the tablet once everything is synced', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await register.signedIn();
	await register.tab('Device');
	await page.getByRole('button', { name: 'Reset device' }).click();
	await expect(page.getByRole('heading', { name: 'Set up this tablet' })).toBeVisible();
});

test('persistent storage is requested and its state shown', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await expect(page.getByTestId('storage-state')).toHaveText(
		/^Storage: (kept|may be cleared by the browser)$/
	);
	const persisted = await page.evaluate(() => navigator.storage.persisted());
	await expect(page.getByTestId('storage-state')).toHaveText(
		persisted ? 'Storage: kept' : 'Storage: may be cleared by the browser'
	);
});

test('a storage error is shown in the banner, never swallowed', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await register.signedIn();
	await register.scan(ITEMS.newLp.barcode);
	// The next IndexedDB write fails as a full disk does.
	await page.evaluate(() => {
		const proto = IDBObjectStore.prototype;
		const realPut = Object.getOwnPropertyDescriptor(proto, 'put')?.value as (
			this: IDBObjectStore,
			...args: unknown[]
		) => IDBRequest<IDBValidKey>;
		proto.put = function (this: IDBObjectStore, ...args: unknown[]) {
			if (this.name === 'meta') {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
			return realPut.apply(this, args);
		};
	});
	await page.getByRole('textbox', { name: 'Note for parking' }).fill('x');
	await page.getByRole('button', { name: 'Park sale' }).click();
	await expect(page.getByTestId('register-problem')).toContainText('out of storage space');
	await expect(register.lines).toHaveCount(1);
});
