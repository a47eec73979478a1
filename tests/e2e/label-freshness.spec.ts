import { expect, test } from '@playwright/test';
import {
	MANAGER,
	acceptInvite,
	inviteSvek,
	pairTill,
	sellOnTill,
	svekItems,
	uniqueEmail
} from './support/label-fixture.ts';

test('a sale rung up on a tablet shows in the open portal within seconds of the tablet syncing', async ({
	page,
	request
}, testInfo) => {
	const tablet = await pairTill(request, 'Freshness tablet', MANAGER);
	// The last of Svek's items: the other label specs sell the first one.
	const item = (await svekItems(request, tablet)).at(-1);
	if (item === undefined) throw new Error('the demo shop has no Svek copies on hand');

	await acceptInvite(page, await inviteSvek(request, uniqueEmail('fresh')));
	const row = page.getByTestId(`stock-demo-${item.releaseId}`);
	const soldAllTime = row.locator('td[data-label="Sold all time"]');
	const onHand = row.locator('td[data-label="On hand"]');
	await expect(soldAllTime).toHaveText(/^\d+$/);
	const soldBefore = Number(await soldAllTime.textContent());
	const onHandBefore = Number((await onHand.textContent())?.trim().split(/\s/)[0]);
	// Marks this document: a reload would lose it.
	await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

	await sellOnTill(request, tablet, item, 1);
	const syncedAt = Date.now();
	await expect(soldAllTime).toHaveText(String(soldBefore + 1), { timeout: 15_000 });
	const seconds = (Date.now() - syncedAt) / 1000;
	testInfo.annotations.push({
		type: 'seconds from sync to portal',
		description: seconds.toFixed(1)
	});
	await expect(onHand).toContainText(String(onHandBefore - 1));
	expect(
		await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)
	).toBe(true);
});
