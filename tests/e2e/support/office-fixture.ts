import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mutate, query } from './trpc.ts';

/*
 * What the office specs need: the demo shop's staff (DEMO_SEED), a unique name per run and per
 * project (the tablet and desktop projects share one server), valid EAN-13s, and tRPC calls made
 * with the office cookie of a page or request context.
 */

export const DEMO = {
	shopId: 'demo',
	owner: { id: 'demo-owner', name: 'Ola Owner', pin: '2468' },
	manager: { id: 'demo-manager', name: 'Mika Manager', pin: '1357' },
	clerk: { id: 'demo-clerk', name: 'Cleo Clerk', pin: '1234' },
	taxClassId: 'demo-records',
	svek: { labelId: 'label-svek', name: 'Svek' }
} as const;

/** A tag unique to this test run and project, for names, bins and references. */
export function unique(tag: string): string {
	return `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A valid EAN-13 that no real product has (prefix 299, reserved for in-store use), unique per call. */
export function freshEan13(): string {
	const body =
		`299${String(Date.now() % 1e9).padStart(9, '0')}`.slice(0, 11) +
		String(Math.floor(Math.random() * 10));
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
	return `${body}${(10 - (sum % 10)) % 10}`;
}

export { mutate, query } from './trpc.ts';
export { pairTill, ringUp, type Till } from './till.ts';

/** Signs a request context in to the office as `who` (the dw_office cookie stays in it). */
export async function officeCookie(
	request: APIRequestContext,
	who: { id: string; pin: string } = DEMO.manager
): Promise<void> {
	const response = await request.post('/auth/office/sign-in', {
		data: { shopId: DEMO.shopId, staffId: who.id, pin: who.pin }
	});
	expect(response.ok(), await response.text()).toBe(true);
}

export interface MadeRelease {
	releaseId: string;
	itemId: string;
	barcode: string;
	title: string;
	priceCents: number;
}

/** A new release with one counted stock item of the shop's own in `bin`, made through the API. */
export async function makeStockItem(
	request: APIRequestContext,
	{
		bin,
		quantity,
		priceCents = 1999,
		labelId = null
	}: { bin: string; quantity: number; priceCents?: number; labelId?: string | null }
): Promise<MadeRelease> {
	const title = unique('E2E record');
	const barcode = freshEan13();
	const release = await mutate<{ id: string }>(request, 'office.catalog.createRelease', {
		fields: {
			artist: 'E2E Artist',
			title,
			label: 'E2E Label',
			catno: null,
			format: 'LP',
			year: 2024,
			discogsReleaseId: null,
			genres: [],
			barcodes: [barcode]
		}
	});
	const item = await mutate<{ id: string }>(request, 'office.catalog.createItem', {
		fields: {
			releaseId: release.id,
			title: null,
			kind: 'new',
			priceCents,
			costCents: null,
			taxClassId: DEMO.taxClassId,
			mediaGrade: null,
			sleeveGrade: null,
			bin,
			genre: null,
			labelId,
			notes: null,
			status: 'active'
		},
		quantity
	});
	return { releaseId: release.id, itemId: item.id, barcode, title, priceCents };
}

/** Copies on hand of an item, as the office sees them. */
export async function onHand(request: APIRequestContext, itemId: string): Promise<number> {
	return (await query<{ onHand: number }>(request, 'office.catalog.item', { itemId })).onHand;
}

/** Signs the page in to the office through the sign-in screen (unless its context already is). */
export async function signInOnPage(
	page: Page,
	who: { name: string; pin: string } = DEMO.manager,
	path = '/office'
): Promise<void> {
	await page.goto(path);
	const nav = page.getByRole('navigation', { name: 'Office' });
	const person = page.getByRole('button', { name: new RegExp(`^${who.name}`) });
	await expect(nav.or(person)).toBeVisible();
	if (await nav.isVisible()) return;
	await person.click();
	await page.getByLabel(`PIN for ${who.name}`).fill(who.pin);
	await page.getByLabel(`PIN for ${who.name}`).press('Enter');
	await expect(nav).toBeVisible();
}
