import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS, shopRows } from './support/register-fixture.ts';

test('a large catalog is indexed in a worker, offline, and found as the clerk types', async ({
	page,
	context
}) => {
	test.slow(); // writing 5,000 records into IndexedDB first
	const register = new RegisterPos(page);
	await register.seed(await shopRows({ extraItems: 5_000 }));
	await context.setOffline(true);
	await register.signedIn();
	// The index lives in a dedicated worker, its script served from the service worker's cache.
	await expect
		.poll(() => page.workers().some((worker) => worker.url().includes('search-worker')))
		.toBe(true);
	// Scanning never waits for the index.
	await register.scan(ITEMS.newLp.barcode);
	await expect(register.lines).toHaveCount(1);

	const results = page.getByTestId('search-results');
	await register.search.fill('blk-4999');
	await expect(results.getByRole('button')).toHaveCount(1);
	await expect(results).toContainText('BLK-4999');
	await register.search.fill('knockin');
	await expect(results.getByRole('button')).toHaveCount(2);
	await register.search.fill('blk-4999 knockin');
	await expect(results).toContainText('No records match');
});
