import { expect, test } from '@playwright/test';
import { OfficePage } from './pages/office-page.ts';
import { RegisterPage } from './pages/register-page.ts';

test('the register opens from the service worker cache offline and still reads and writes IndexedDB', async ({
	page,
	context
}) => {
	const register = new RegisterPage(page);
	await register.open();
	await register.shell.waitForServiceWorkerControl();

	await context.setOffline(true);
	const response = await page.reload();
	expect(response?.fromServiceWorker()).toBe(true);
	await register.waitUntilReady();
	await expect(register.heading).toBeVisible();
	await expect(register.connection).toHaveText(/Offline/);
	// The network really is gone: the page cannot reach the server.
	const isServerReachable = await page.evaluate(() =>
		fetch('/healthz').then(
			() => true,
			() => false
		)
	);
	expect(isServerReachable).toBe(false);

	await register.rename('Front counter');
	await expect(register.registerName).toHaveText('This register: Front counter');
	await page.reload();
	await register.waitUntilReady();
	await expect(register.registerName).toHaveText('This register: Front counter');
});

test('a blank register name is refused with a message and the old name stays', async ({ page }) => {
	const register = new RegisterPage(page);
	await register.open();
	await register.rename('Back counter');
	await expect(register.registerName).toHaveText('This register: Back counter');

	await register.rename('   ');
	await expect(register.nameProblem).toHaveText('Register name must not be empty.');
	await page.reload();
	await register.waitUntilReady();
	await expect(register.registerName).toHaveText('This register: Back counter');
});

test('the office opens offline and says plainly that the shop server cannot be reached', async ({
	page,
	context
}) => {
	const register = new RegisterPage(page);
	await register.open();
	await register.shell.waitForServiceWorkerControl();

	await context.setOffline(true);
	const office = new OfficePage(page);
	await office.open();
	await expect(office.serverProblem).toHaveText(
		"Can't reach the shop server. Check the network; the register keeps working offline."
	);
});
