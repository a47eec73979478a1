import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app-shell.ts';
import { RegisterPos } from './register-pos.ts';
import { ITEMS } from '../support/register-fixture.ts';

/** The clerk's register at /register. */
export class RegisterPage {
	readonly page: Page;
	readonly shell: AppShell;
	readonly heading: Locator;
	readonly registerName: Locator;
	readonly connection: Locator;
	readonly saleState: Locator;
	readonly nameInput: Locator;
	readonly nameProblem: Locator;

	constructor(page: Page) {
		this.page = page;
		this.shell = new AppShell(page);
		this.heading = page.getByRole('heading', { level: 1, name: 'Register' });
		this.registerName = page.getByTestId('register-name');
		this.connection = page.getByTestId('connection');
		this.saleState = page.getByTestId('sale-state');
		this.nameInput = page.getByRole('textbox', {
			name: /name this register|rename this register/i
		});
		this.nameProblem = page.getByRole('alert');
	}

	async open(): Promise<void> {
		await this.page.goto('/register');
		await this.waitUntilReady();
	}

	/** The register marks its main landmark once it has read this tablet's settings. */
	async waitUntilReady(): Promise<void> {
		await expect(this.page.locator('main[data-ready="true"]')).toBeVisible();
	}

	async rename(name: string): Promise<void> {
		await this.nameInput.fill(name);
		await this.page.getByRole('button', { name: 'Save name' }).click();
	}

	/** Pairs the register from local data, signs a clerk in and rings up one record. */
	async startSale(): Promise<void> {
		const pos = new RegisterPos(this.page);
		await pos.seed();
		await pos.signedIn();
		await pos.scan(ITEMS.newLp.barcode);
		await expect(pos.lines).toHaveCount(1);
	}

	async voidSale(): Promise<void> {
		await this.page.getByRole('button', { name: 'Void sale' }).click();
		await expect(this.saleState).toHaveText('No sale open. Scan or search to start one.');
	}
}
