import type { APIRequestContext } from '@playwright/test';
import { PROTOCOL_VERSION } from '@deadwax/sync';
import { randomUUID } from 'node:crypto';
import { mutate } from './trpc.ts';

/*
 * A register paired with the demo shop that rings up sales straight through `sync.push`, as a
 * tablet's outbox would: for specs about what the office and the label portal see after a sale.
 */

export interface Till {
	token: string;
	deviceId: string;
	nextSeq: number;
}

/**
 * Pairs a register with a code made by the manager `request` is signed in as, or by `manager`
 * (staff id and PIN, as a tablet asks for them) when it is not.
 */
export async function pairTill(
	request: APIRequestContext,
	name: string,
	manager?: { shopId: string; staffId: string; pin: string }
): Promise<Till> {
	const { code } = await mutate<{ code: string }>(
		request,
		'devices.createPairingCode',
		manager === undefined ? {} : { manager }
	);
	const paired = await mutate<{ token: string; deviceId: string }>(request, 'devices.pair', {
		code,
		name
	});
	return { token: paired.token, deviceId: paired.deviceId, nextSeq: 1 };
}

export interface SoldItem {
	itemId: string;
	releaseId: string | null;
	priceCents: number;
}

/** The demo shop's business day (Berlin's date), whatever zone the test machine runs in. */
export function demoBusinessDay(at: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);
}

/**
 * Pushes one cash sale of `quantity` copies of `item` (the demo records class, zero tax) from the
 * till and resolves to the server's verdict for it ("applied", "flagged", …). `consignment` gives
 * the label and its share per copy.
 */
export async function ringUp(
	request: APIRequestContext,
	till: Till,
	item: SoldItem,
	{
		quantity = 1,
		description = 'E2E record',
		consignment = null
	}: {
		quantity?: number;
		description?: string;
		consignment?: { labelId: string; shareCentsPerCopy: number } | null;
	} = {}
): Promise<string> {
	const saleId = randomUUID();
	const now = new Date();
	const at = now.toISOString();
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
			clerkId: 'demo-clerk',
			currency: 'EUR',
			businessDay: demoBusinessDay(now),
			completedAt: at,
			lines: [
				{
					lineId: `${saleId.slice(0, 8)}-1`,
					itemId: item.itemId,
					releaseId: item.releaseId,
					description,
					kind: 'new',
					quantity,
					unitPriceCents: item.priceCents,
					discountCents: 0,
					discountReason: null,
					taxClassId: 'demo-records',
					taxRatePpm: 0,
					taxCents: 0,
					totalCents,
					consignment:
						consignment === null
							? null
							: {
									labelId: consignment.labelId,
									shareCents: consignment.shareCentsPerCopy * quantity
								}
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
