import type { StockCounted } from '@deadwax/core';
import {
	applyDeviceDocument,
	type DeviceApplied,
	type DeviceApplyContext
} from './apply-document.ts';
import { writeCount } from './stock-documents.ts';

/** A stock count made on a device: the server turns counted quantities into deltas against the cursor the device counted at. Never refused; see writers in stock-documents.ts. */
export function applyStockCounted(
	ctx: DeviceApplyContext,
	payload: StockCounted
): Promise<DeviceApplied> {
	return applyDeviceDocument(ctx, payload.documentId, payload.by, (doc) =>
		writeCount(doc, payload)
	);
}
