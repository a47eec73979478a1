import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { createRequire } from 'node:module';
import { pairTill, ringUp, type Till } from './till.ts';
import { mutate, query } from './trpc.ts';

export { pairTill, type Till };

/*
 * What the label portal's specs need from the demo shop (DEMO_SEED): a manager's office session,
 * invites made in the office, and a paired tablet that rings up sales through the sync API, as
 * a real register would.
 */

export const DEMO_SHOP = 'demo';
export const MANAGER = { shopId: DEMO_SHOP, staffId: 'demo-manager', pin: '1357' };
/** Svek consigns at a fixed 7.00 per copy in the demo shop. */
export const SVEK = { labelId: 'label-svek', name: 'Svek' };
export const PASSWORD = 'wax cylinders forever';

/** Signs `request` in to the office as the demo manager (the dw_office cookie stays in it). */
export async function signInToOffice(request: APIRequestContext): Promise<void> {
	const response = await request.post('/auth/office/sign-in', { data: MANAGER });
	expect(response.ok(), await response.text()).toBe(true);
}

/** A fresh email per test and project, so runs never collide on the one demo server. */
export function uniqueEmail(tag: string): string {
	return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@svek.example`;
}

/** Invites `email` for Svek from the office; returns the link's token. */
export async function inviteSvek(request: APIRequestContext, email: string): Promise<string> {
	await signInToOffice(request);
	const invite = await mutate<{ token: string }>(request, 'consignment.invite', {
		labelId: SVEK.labelId,
		email
	});
	return invite.token;
}

/** Records a payout to Svek in the office (the demo manager's session stays in `request`). */
export async function payOutToSvek(
	request: APIRequestContext,
	amountCents: number,
	reference: string
): Promise<void> {
	await signInToOffice(request);
	await mutate(request, 'consignment.recordPayout', {
		labelId: SVEK.labelId,
		amountCents,
		method: 'bank_transfer',
		reference
	});
}

/** Opens the invite link, sets the password and lands on the dashboard. */
export async function acceptInvite(page: Page, token: string): Promise<void> {
	await page.goto(`/label/invite#${token}`);
	await expect(page.getByRole('heading', { name: `Welcome, ${SVEK.name}` })).toBeVisible();
	await page.getByLabel('New password (at least 10 characters)').fill(PASSWORD);
	await page.getByLabel('The same password again').fill(PASSWORD);
	await page.getByRole('button', { name: 'Set password and sign in' }).click();
	await expect(page.getByText(`Signed in as ${SVEK.name}`)).toBeVisible();
}

export interface ConsignedItem {
	itemId: string;
	releaseId: string;
	priceCents: number;
	onHand: number;
}

/** Svek's items with copies on hand, read from the shop's change feed as a tablet reads them. */
export async function svekItems(request: APIRequestContext, till: Till): Promise<ConsignedItem[]> {
	const items = new Map<
		string,
		{ releaseId: string; priceCents: number; labelId: string | null }
	>();
	const onHand = new Map<string, number>();
	let cursor = 0;
	for (;;) {
		const page = await query<{
			changes: { entity: string; entityId: string; data: Record<string, unknown> | null }[];
			cursor: number;
			hasMore: boolean;
		}>(request, 'sync.pull', { cursor, limit: 1000 }, { authorization: `Bearer ${till.token}` });
		for (const change of page.changes) {
			if (change.data === null) continue;
			if (change.entity === 'item') {
				items.set(change.entityId, {
					releaseId: String(change.data.releaseId),
					priceCents: Number(change.data.priceCents),
					labelId: (change.data.labelId as string | null) ?? null
				});
			}
			if (change.entity === 'stock') onHand.set(change.entityId, Number(change.data.onHand));
		}
		cursor = page.cursor;
		if (!page.hasMore) break;
	}
	return [...items]
		.filter(([, item]) => item.labelId === SVEK.labelId)
		.map(([itemId, item]) => ({ itemId, ...item, onHand: onHand.get(itemId) ?? 0 }))
		.filter((item) => item.onHand > 0)
		.sort((a, b) => a.itemId.localeCompare(b.itemId));
}

/** Svek's fixed share per copy in the demo shop's agreement. */
const SVEK_SHARE_CENTS = 700;

/** Rings up `quantity` copies of Svek's `item` on the till; resolves once the server applied it. */
export async function sellOnTill(
	request: APIRequestContext,
	till: Till,
	item: ConsignedItem,
	quantity = 1
): Promise<void> {
	const status = await ringUp(request, till, item, {
		quantity,
		description: 'Svek record',
		consignment: { labelId: SVEK.labelId, shareCentsPerCopy: SVEK_SHARE_CENTS }
	});
	expect(status).toBe('applied');
}

// axe-core itself, injected into the page (@axe-core/playwright needs Node 22).
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: axePath });
	const results = await page.evaluate(() =>
		(window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run()
	);
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
}
