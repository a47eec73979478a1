import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell.ts';
import { RegisterPage } from './pages/register-page.ts';
import { deployNextServiceWorker, updateServerURL } from './support/deploy.ts';

// The tests here share the update server's /sw.js, so they must run one after another in one
// worker: Playwright's default for the tests of one file (the config leaves fullyParallel off).
let undeploy: (() => void) | undefined;

test.use({ baseURL: updateServerURL() });

test.afterEach(() => {
	undeploy?.();
	undeploy = undefined;
});

test('a new version waits while a sale is open and reloads only when the clerk asks', async ({
	page
}) => {
	const register = new RegisterPage(page);
	await register.open();
	await register.shell.waitForServiceWorkerControl();
	await expect(register.shell.updateBanner).toBeHidden();

	await register.startSale();
	await register.shell.markWindow();
	undeploy = deployNextServiceWorker();
	await register.shell.checkForUpdate();

	await expect(register.shell.updateBanner).toContainText('A new version of Deadwax is ready');
	await expect(register.shell.reloadButton).toHaveText('Finish the sale first');
	await expect(register.shell.reloadButton).toBeDisabled();
	expect(await register.shell.isWindowMarked()).toBe(true);

	await register.voidSale();
	await expect(register.shell.reloadButton).toHaveText('Reload now');
	const reloaded = page.waitForEvent('load');
	await register.shell.reloadButton.click();
	await reloaded;
	await register.waitUntilReady();
	expect(await register.shell.isWindowMarked()).toBe(false);
	await expect(register.shell.updateBanner).toBeHidden();
});

test('a register with a sale open is not reloaded when another tab takes the update', async ({
	page,
	context
}) => {
	// Two pages, two service worker installs and two reloads: slow on a busy two-core machine.
	test.setTimeout(90_000);
	const register = new RegisterPage(page);
	await register.open();
	await register.shell.waitForServiceWorkerControl();
	await register.startSale();
	await register.shell.markWindow();
	await register.shell.watchControllerChange();

	const office = await context.newPage();
	await office.goto('/office');
	const officeShell = new AppShell(office);
	await officeShell.waitForServiceWorkerControl();

	undeploy = deployNextServiceWorker();
	await officeShell.checkForUpdate();
	await expect(officeShell.reloadButton).toHaveText('Reload now');
	await expect(register.shell.reloadButton).toHaveText('Finish the sale first');

	const officeReloaded = office.waitForEvent('load', { timeout: 60_000 });
	await officeShell.reloadButton.click();
	await officeReloaded;
	await expect(officeShell.updateBanner).toBeHidden();

	// The new worker now controls the register too, but the register keeps its sale and its page.
	await expect.poll(() => register.shell.hasControllerChanged()).toBe(true);
	expect(await register.shell.isWindowMarked()).toBe(true);
	await expect(register.saleState).toHaveText('Sale in progress.');
	await expect(register.shell.reloadButton).toBeDisabled();

	await register.voidSale();
	const registerReloaded = page.waitForEvent('load');
	await register.shell.reloadButton.click();
	await registerReloaded;
	await register.waitUntilReady();
	expect(await register.shell.isWindowMarked()).toBe(false);
});
