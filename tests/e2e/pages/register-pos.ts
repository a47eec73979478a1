import { expect, type Locator, type Page } from '@playwright/test';
import { REGISTER_DB, shopRows, STAFF, type Rows } from '../support/register-fixture.ts';

/** The clerk's register once it is paired: sign-in, sell, pay, and the other tabs. */
export class RegisterPos {
	readonly page: Page;
	readonly search: Locator;
	readonly lines: Locator;
	readonly total: Locator;
	readonly receipt: Locator;
	readonly syncPending: Locator;

	constructor(page: Page) {
		this.page = page;
		this.search = page.getByRole('searchbox', { name: /search artist/i });
		this.lines = page.getByTestId('sale-line');
		this.total = page.getByTestId('sale-total');
		this.receipt = page.getByTestId('receipt');
		this.syncPending = page.getByTestId('sync-pending');
	}

	/** `timeoutMs`: how long the register may take to read its catalog (100,000 items in the bench). */
	async open(path = '/register', timeoutMs = 10_000): Promise<void> {
		await this.page.goto(path);
		await expect(this.page.locator('main[data-ready="true"]')).toBeVisible({ timeout: timeoutMs });
	}

	/**
	 * Writes a paired register's data into IndexedDB (as pairing and the first pull would) and
	 * reloads so the register reads it.
	 */
	async seed(rows?: Rows): Promise<void> {
		await this.open();
		// Offline specs need every screen's code from the service worker's cache.
		await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		const data = rows ?? (await shopRows());
		await this.page.evaluate(
			async ({ name, data }) => {
				const db = await new Promise<IDBDatabase>((resolve, reject) => {
					const request = indexedDB.open(name);
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
				});
				const tables = Object.keys(data);
				await new Promise<void>((resolve, reject) => {
					const tx = db.transaction(tables, 'readwrite');
					for (const table of tables)
						for (const row of data[table] ?? []) tx.objectStore(table).put(row);
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
				});
				db.close();
			},
			{ name: REGISTER_DB, data }
		);
		await this.open();
		await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	}

	async signIn(who: { name: string; pin: string } = STAFF.clerk): Promise<void> {
		await this.page.getByRole('button', { name: who.name }).click();
		await this.page.getByTestId('pin-input').fill(who.pin);
		await this.page.getByTestId('pin-input').press('Enter');
	}

	async signedIn(who: { name: string; pin: string } = STAFF.clerk): Promise<void> {
		await this.signIn(who);
		await expect(this.page.getByTestId('clerk-name')).toContainText(who.name);
	}

	/** Types a code and Enter with nothing focused, as a keyboard-wedge scanner does. */
	async scan(code: string): Promise<void> {
		// A screen listens for the scanner once it has mounted; keys typed before that are lost.
		await expect(this.page.locator('[data-scan-ready="true"]')).toBeAttached();
		await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		await this.page.keyboard.type(code);
		await this.page.keyboard.press('Enter');
	}

	async tab(name: 'Sell' | 'Returns' | 'Buy' | 'Cash' | 'Device'): Promise<void> {
		const link = this.page
			.getByRole('navigation', { name: 'Register' })
			.getByRole('link', { name });
		await link.click();
		await expect(link).toHaveAttribute('aria-current', 'page');
	}

	/** Opens payment and pays exactly in cash. */
	async payExactCash(): Promise<void> {
		await this.page.getByRole('button', { name: /^Pay / }).click();
		await this.page.getByRole('button', { name: /^Exact / }).click();
		await expect(this.receipt).toBeVisible();
	}

	async receiptNo(): Promise<string> {
		return (await this.page.getByTestId('receipt-no').textContent()) ?? '';
	}
}
