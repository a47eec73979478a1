import { expect, test } from '@playwright/test';

/** WCAG 2.5.5 target size: a finger needs at least 44 × 44 CSS pixels. */
const MIN_TARGET_PX = 44;

for (const path of ['/', '/register', '/office', '/label']) {
	test(`${path} fits the screen and every control is big enough to touch`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('main')).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

		const overflowPx = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflowPx, 'the page must not scroll sideways').toBeLessThanOrEqual(0);

		const tooSmall = await page.evaluate((minPx) => {
			const controls = document.querySelectorAll<HTMLElement>('a[href], button, input, select');
			return [...controls]
				.filter((element) => element.getClientRects().length > 0)
				.map((element) => ({ element, box: element.getBoundingClientRect() }))
				.filter(({ box }) => box.width < minPx || box.height < minPx)
				.map(
					({ element, box }) =>
						`${element.tagName.toLowerCase()} "${element.textContent?.trim() ?? ''}" is ${Math.round(box.width)}×${Math.round(box.height)}`
				);
		}, MIN_TARGET_PX);
		expect(tooSmall).toEqual([]);
	});
}
