import { expect, test, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { createRequire } from 'node:module';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS } from './support/register-fixture.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: axePath });
	const results = await page.evaluate(() =>
		(window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run()
	);
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Visible controls smaller than 44 × 44 CSS px (a radio or checkbox counts by its label). */
async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const small: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>(
			'main button, main a, main input, main select, main summary, nav a'
		)) {
			const isToggle =
				el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
			const target = isToggle ? (el.closest('label') ?? el) : el;
			const box = target.getBoundingClientRect();
			if (box.width === 0 || getComputedStyle(target).visibility === 'hidden') continue;
			const isTextField = el instanceof HTMLInputElement && !isToggle;
			if (box.height < 43.5 || (!isTextField && box.width < 43.5)) {
				small.push(
					`${el.tagName} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`
				);
			}
		}
		return small;
	});
}

async function overflowsSideways(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

async function screens(page: Page, register: RegisterPos): Promise<void> {
	await register.scan(ITEMS.newLp.barcode);
	await register.search.fill('sade');
	await page.getByRole('button', { name: /^Pay / }).click();
}

test('every register screen has 44 px targets, fits the screen in both orientations and passes axe', async ({
	page,
	context
}) => {
	// Five screens in two orientations, each with axe: slow on a shared two-core machine.
	test.setTimeout(120_000);
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	const size = page.viewportSize() ?? { width: 768, height: 1024 };
	const checks: string[] = [];
	const check = async (label: string) => {
		for (const s of await smallTargets(page)) checks.push(`${label}: small target ${s}`);
		if (await overflowsSideways(page)) checks.push(`${label}: scrolls sideways`);
		for (const v of await seriousViolations(page)) checks.push(`${label}: ${v}`);
	};
	await check('sign-in');
	await register.signedIn();
	await screens(page, register);
	for (const orientation of [size, { width: size.height, height: size.width }]) {
		await page.setViewportSize(orientation);
		const at = `${orientation.width}×${orientation.height}`;
		await register.tab('Sell');
		await check(`sell ${at}`);
		for (const tab of ['Returns', 'Buy', 'Cash', 'Device'] as const) {
			await register.tab(tab);
			await check(`${tab} ${at}`);
		}
	}
	await register.tab('Sell');
	await page.getByRole('button', { name: /^Pay / }).click();
	await page.getByRole('button', { name: /^Exact / }).click();
	await check('receipt');
	expect(checks).toEqual([]);
});

async function tabTo(page: Page, name: RegExp): Promise<void> {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			const label = el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : '';
			return `${el?.getAttribute('aria-label') ?? ''} ${label} ${el?.textContent ?? ''}`.trim();
		});
		if (name.test(focused)) return;
	}
	throw new Error(`could not reach ${name} with the Tab key`);
}

test('a whole sale can be rung up from the keyboard alone', async ({ page, context }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await tabTo(page, /Cleo Clerk/);
	await page.keyboard.press('Enter');
	await tabTo(page, /PIN for Cleo/);
	await page.keyboard.type('1234');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('clerk-name')).toContainText('Cleo Clerk');

	await tabTo(page, /Search artist/);
	await page.keyboard.type('diamond');
	await tabTo(page, /Sade – Diamond Life/);
	await page.keyboard.press('Enter');
	await expect(register.lines).toHaveCount(1);
	await tabTo(page, /^Pay /);
	await page.keyboard.press('Enter');
	await tabTo(page, /Exact/);
	await page.keyboard.press('Enter');
	await expect(register.receipt).toBeVisible();
	await tabTo(page, /New sale/);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('sale-state')).toBeVisible();
});
