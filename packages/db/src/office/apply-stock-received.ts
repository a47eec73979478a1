import type { StockReceived } from '@deadwax/core';
import {
	applyDeviceDocument,
	type DeviceApplied,
	type DeviceApplyContext
} from './apply-document.ts';
import { writeReceipt } from './stock-documents.ts';

/** A delivery received on a device (offline in the office, synced later). Never refused; see writers in stock-documents.ts. */
export function applyStockReceived(
	ctx: DeviceApplyContext,
	payload: StockReceived
): Promise<DeviceApplied> {
	return applyDeviceDocument(ctx, payload.documentId, payload.by, (doc) =>
		writeReceipt(doc, payload)
	);
}
