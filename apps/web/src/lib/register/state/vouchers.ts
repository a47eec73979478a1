import type { DeadwaxDb } from '@deadwax/sync/client';

/**
 * What is left on a store-credit voucher by this register's records: credit issued by trade-ins
 * and refunds, less what sales redeemed. null when no record here issued that code.
 */
export async function voucherBalance(db: DeadwaxDb, code: string): Promise<number | null> {
	const wanted = code.trim().toUpperCase();
	let issued = 0;
	let isKnown = false;
	for (const t of await db.tradeIns.toArray()) {
		if (t.payout.kind === 'store_credit' && t.payout.voucherCode.toUpperCase() === wanted) {
			issued += t.payout.amountCents;
			isKnown = true;
		}
	}
	for (const r of await db.returns.toArray()) {
		for (const refund of r.refunds) {
			if (refund.kind === 'voucher' && refund.voucherCode.toUpperCase() === wanted) {
				issued += refund.amountCents;
				isKnown = true;
			}
		}
	}
	if (!isKnown) return null;
	let redeemed = 0;
	for (const s of await db.sales.toArray()) {
		for (const t of s.tenders) {
			if (t.kind === 'voucher' && t.voucherCode.toUpperCase() === wanted) redeemed += t.amountCents;
		}
	}
	return issued - redeemed;
}

/** A new voucher code, unique with no network: "CR-" and the receipt number that issued it. */
export function voucherCodeFor(receiptNo: string): string {
	return `CR-${receiptNo}`;
}

/** An empty units map, shared so the returns desk need not make one per render. */
export const NO_UNITS: ReadonlyMap<string, number> = new Map();
