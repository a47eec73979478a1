import type { Locator, Page } from '@playwright/test';

/** The manager's back office at /office. */
export class OfficePage {
	readonly page: Page;
	readonly serverVersion: Locator;
	readonly serverStore: Locator;
	readonly serverProblem: Locator;

	constructor(page: Page) {
		this.page = page;
		this.serverVersion = page.getByTestId('server-version');
		this.serverStore = page.getByTestId('server-store');
		this.serverProblem = page.getByTestId('server-problem');
	}

	async open(): Promise<void> {
		await this.page.goto('/office');
	}
}
