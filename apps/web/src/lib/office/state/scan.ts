import { api } from '$lib/api.ts';
import { officeDevice } from './device.svelte.ts';

/** An item a scan can put on a stock document. */
export interface ScannedItem {
	itemId: string;
	description: string;
	kind: 'new' | 'used';
	labelId: string | null;
	bin: string | null;
	onHand: number;
	sku: string | null;
	priceCents: number;
}

/** What a scanned or typed code names, for the receiving, consignment and count screens. */
export type ScanResult =
	| { kind: 'item'; item: ScannedItem }
	| { kind: 'choose'; title: string; releaseId: string | null; items: ScannedItem[] }
	| { kind: 'none'; code: string };

/**
 * Looks a code up on the server, or in this tablet's synced catalog when working offline. An
 * in-store SKU names one copy; a release barcode names the release, whose items the caller may
 * filter (`accept`) and, when exactly one is left, takes.
 */
export async function resolveScan(
	code: string,
	{
		isOffline,
		accept = () => true
	}: { isOffline: boolean; accept?: (item: ScannedItem) => boolean }
): Promise<ScanResult> {
	const trimmed = code.trim();
	if (isOffline) {
		const found = officeDevice.lookup(trimmed);
		if (found === undefined) return { kind: 'none', code: trimmed };
		return {
			kind: 'item',
			item: {
				itemId: found.itemId,
				description: found.description,
				kind: found.kind,
				labelId: found.consignmentLabelId,
				bin: found.bin,
				onHand: officeDevice.catalog?.onHand(found.itemId) ?? 0,
				sku: found.sku,
				priceCents: found.priceCents
			}
		};
	}
	const match = await api.office.catalog.findByCode.query({ code: trimmed });
	const toScanned = (i: (typeof match & { kind: 'item' })['item']): ScannedItem => ({
		itemId: i.id,
		description: i.description,
		kind: i.kind,
		labelId: i.labelId,
		bin: i.bin,
		onHand: i.onHand,
		sku: i.sku,
		priceCents: i.priceCents
	});
	if (match.kind === 'item') return { kind: 'item', item: toScanned(match.item) };
	if (match.kind === 'none') return { kind: 'none', code: match.code };
	const items = match.items
		.filter((i) => i.status === 'active')
		.map(toScanned)
		.filter(accept);
	const only = items[0];
	if (items.length === 1 && only !== undefined) return { kind: 'item', item: only };
	return {
		kind: 'choose',
		title: `${match.release.artist} – ${match.release.title}`,
		releaseId: match.release.id,
		items
	};
}
