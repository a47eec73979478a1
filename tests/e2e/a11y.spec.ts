import { expect, test, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { createRequire } from 'node:module';

// axe-core itself, injected into the page (@axe-core/playwright needs Node 22).
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: axePath });
	const results = await page.evaluate(() =>
		(window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run()
	);
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map(
			(violation) =>
				`${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
					.map((node) => node.target.join(' '))
					.join(', ')}`
		);
}

const pages = [
	{ path: '/', heading: 'Where are you working?' },
	{ path: '/register', heading: 'Register' },
	{ path: '/office', heading: 'Office' },
	{ path: '/label', heading: 'Label portal' }
];

for (const { path, heading } of pages) {
	test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(page.getByRole('banner')).toBeVisible();
		await expect(page.getByRole('main')).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
		await expect(page).toHaveTitle(/Deadwax/);
		expect(await seriousViolations(page)).toEqual([]);
	});
}
