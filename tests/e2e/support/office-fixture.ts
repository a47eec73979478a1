import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { PROTOCOL_VERSION } from '@deadwax/sync';
import { randomUUID } from 'node:crypto';

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

type Headers = Record<string, string>;

async function answer<T>(
	response: Awaited<ReturnType<APIRequestContext['get']>>,
	path: string
): Promise<T> {
	expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
	return ((await response.json()) as { result: { data: T } }).result.data;
}

export async function query<T>(
	request: APIRequestContext,
	path: string,
	input?: unknown,
	headers: Headers = {}
): Promise<T> {
	const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
	return answer<T>(await request.get(`/trpc/${path}${qs}`, { headers }), path);
}

export async function mutate<T>(
	request: APIRequestContext,
	path: string,
	input?: unknown,
	headers: Headers = {}
): Promise<T> {
	return answer<T>(await request.post(`/trpc/${path}`, { data: input ?? null, headers }), path);
}

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

export interface Till {
	token: string;
	deviceId: string;
	nextSeq: number;
}

/** Pairs a register through the API with a code the signed-in manager makes. */
export async function pairTill(request: APIRequestContext, name: string): Promise<Till> {
	const { code } = await mutate<{ code: string }>(request, 'devices.createPairingCode', {});
	const paired = await mutate<{ token: string; deviceId: string }>(request, 'devices.pair', {
		code,
		name
	});
	return { token: paired.token, deviceId: paired.deviceId, nextSeq: 1 };
}

/** Pushes one cash sale of `quantity` copies from a till, as a register would; resolves to its status. */
export async function ringUp(
	request: APIRequestContext,
	till: Till,
	item: { itemId: string; releaseId: string | null; priceCents: number },
	quantity = 1
): Promise<string> {
	const saleId = randomUUID();
	const at = new Date().toISOString();
	const totalCents = item.priceCents * quantity;
	const op = {
		opId: randomUUID(),
		deviceId: till.deviceId,
		deviceSeq: till.nextSeq++,
		deviceTime: at,
		kind: 'sale.completed',
		payload: {
			saleId,
			receiptNo: `E2E-${saleId.slice(0, 8)}`,
			clerkId: DEMO.clerk.id,
			currency: 'EUR',
			// The demo shop's business day is Berlin's date, whatever zone the test runs in.
			businessDay: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
				new Date(at)
			),
			completedAt: at,
			lines: [
				{
					lineId: `${saleId.slice(0, 8)}-1`,
					itemId: item.itemId,
					releaseId: item.releaseId,
					description: 'E2E record',
					kind: 'new',
					quantity,
					unitPriceCents: item.priceCents,
					discountCents: 0,
					discountReason: null,
					taxClassId: DEMO.taxClassId,
					taxRateBp: 0,
					taxCents: 0,
					totalCents,
					consignment: null
				}
			],
			receiptDiscountCents: 0,
			receiptDiscountReason: null,
			subtotalCents: totalCents,
			discountCents: 0,
			taxCents: 0,
			totalCents,
			roundingCents: 0,
			tenders: [
				{ kind: 'cash', amountCents: totalCents, tenderedCents: totalCents, changeCents: 0 }
			]
		}
	};
	const pushed = await mutate<{ results: { status: string }[] }>(
		request,
		'sync.push',
		{ protocolVersion: PROTOCOL_VERSION, ops: [op] },
		{ authorization: `Bearer ${till.token}` }
	);
	return pushed.results[0]?.status ?? 'missing';
}
