import { expect, test } from '@playwright/test';
import {
	DEMO,
	makeStockItem,
	officeCookie,
	onHand,
	pairTill,
	ringUp,
	signInOnPage,
	unique
} from './support/office-fixture.ts';

test('an oversold copy from two registers shows in the review queue and a recount resolves it', async ({
	page
}) => {
	await officeCookie(page.request);
	const record = await makeStockItem(page.request, {
		bin: unique('bin'),
		quantity: 1,
		priceCents: 1500
	});
	// Two tablets sold the last copy while offline; both sales reach the server, the second flagged.
	const first = await pairTill(page.request, unique('Till A'));
	const second = await pairTill(page.request, unique('Till B'));
	expect(await ringUp(page.request, first, record)).toBe('applied');
	expect(await ringUp(page.request, second, record)).toBe('flagged');
	expect(await onHand(page.request, record.itemId)).toBe(-1);

	await signInOnPage(page, DEMO.manager, '/office/review');
	const flag = page.getByRole('article').filter({ hasText: record.title });
	await expect(
		flag.getByRole('heading', { name: 'Sold more copies than were on hand' })
	).toBeVisible();
	await expect(flag).toContainText('-1 on hand now');
	await flag.getByRole('spinbutton', { name: 'Copies there now' }).fill('0');
	await flag.getByRole('button', { name: 'Recount' }).click();
	await expect(page.getByRole('article').filter({ hasText: record.title })).toHaveCount(0);
	expect(await onHand(page.request, record.itemId)).toBe(0);

	await page.getByLabel('Show resolved').check();
	const resolved = page.getByRole('article').filter({ hasText: record.title });
	await expect(resolved).toContainText('by Mika Manager: recount');
});
