import type { Locator, Page } from '@playwright/test';

/** What every page of the app shares: the header, the update banner and the service worker. */
export class AppShell {
	readonly page: Page;
	readonly areaNav: Locator;
	readonly updateBanner: Locator;
	readonly reloadButton: Locator;

	constructor(page: Page) {
		this.page = page;
		this.areaNav = page.getByRole('navigation', { name: 'Areas' });
		this.updateBanner = page.getByRole('complementary', { name: 'App update' });
		this.reloadButton = this.updateBanner.getByRole('button');
	}

	/** Resolves once the service worker controls this page, so a reload is served from its cache. */
	async waitForServiceWorkerControl(): Promise<void> {
		await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	}

	/** Asks the browser to look for a new /sw.js now instead of on its own schedule. */
	async checkForUpdate(): Promise<void> {
		await this.page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			if (registration === undefined) throw new Error('no service worker registration');
			await registration.update();
		});
	}

	/** Starts noting when a different service worker takes control of this page. */
	async watchControllerChange(): Promise<void> {
		await this.page.evaluate(() => {
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				(window as unknown as { e2eControllerChanged?: boolean }).e2eControllerChanged = true;
			});
		});
	}

	async hasControllerChanged(): Promise<boolean> {
		return this.page.evaluate(
			() => (window as unknown as { e2eControllerChanged?: boolean }).e2eControllerChanged === true
		);
	}

	/** Leaves a mark on the page's window; a reload wipes it, so its absence proves a reload. */
	async markWindow(): Promise<void> {
		await this.page.evaluate(() => {
			(window as unknown as { e2eMark?: boolean }).e2eMark = true;
		});
	}

	async isWindowMarked(): Promise<boolean> {
		return this.page.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark === true);
	}
}
