import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/label-fixture.ts';
import { DEMO, signInOnPage } from './support/office-fixture.ts';

// Each office screen once it has loaded: no serious or critical axe violations.
const SCREENS = [
	{ path: '/office', heading: 'Office' },
	{ path: '/office/catalog', heading: 'Catalog' },
	{ path: '/office/receiving', heading: 'Receive a delivery' },
	{ path: '/office/consignment', heading: 'Consignment' },
	{ path: '/office/count', heading: 'Count a bin' },
	{ path: '/office/tags', heading: 'Price tags' },
	{ path: '/office/discogs', heading: 'Discogs' },
	{ path: '/office/review', heading: 'Review queue' },
	{ path: '/office/reports', heading: 'Reports' },
	{ path: '/office/staff', heading: 'Staff and devices' },
	{ path: '/office/tax', heading: 'Tax classes' }
];

test('every office screen passes axe with no serious or critical violations', async ({ page }) => {
	test.setTimeout(90_000);
	await signInOnPage(page, DEMO.manager);
	for (const screen of SCREENS) {
		await page.goto(screen.path);
		await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
		// Let the screen's first queries land before checking.
		await page.waitForLoadState('networkidle');
		expect([screen.path, await seriousViolations(page)]).toEqual([screen.path, []]);
	}
});
