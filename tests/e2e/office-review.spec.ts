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

test('a sale of an item the server never heard of is resolved by creating it under the tablet’s id', async ({
	page
}) => {
	await officeCookie(page.request);
	const till = await pairTill(page.request, unique('Till C'));
	const itemId = unique('tablet-item');
	expect(await ringUp(page.request, till, { itemId, releaseId: null, priceCents: 900 })).toBe(
		'flagged'
	);

	await signInOnPage(page, DEMO.manager, '/office/review');
	const flag = page.getByRole('article').filter({ hasText: `unknown (${itemId})` });
	await expect(
		flag.getByRole('heading', { name: 'Sold or moved an item the server does not know' })
	).toBeVisible();
	await flag.getByRole('textbox', { name: 'or create it: title' }).fill('Tote bag, black');
	await flag.getByRole('textbox', { name: 'price' }).fill('9.00');
	await flag.getByRole('button', { name: 'Create item' }).click();
	await expect(page.getByRole('article').filter({ hasText: itemId })).toHaveCount(0);
	// The copy sold before it existed: the ledger now says so.
	expect(await onHand(page.request, itemId)).toBe(-1);
});
