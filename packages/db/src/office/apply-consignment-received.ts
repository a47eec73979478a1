import type { ConsignmentReceived } from '@deadwax/core';
import {
	applyDeviceDocument,
	type DeviceApplied,
	type DeviceApplyContext
} from './apply-document.ts';
import { writeConsignIn } from './stock-documents.ts';

/** A label's consignment delivery taken in on a device. Never refused; see writers in stock-documents.ts. */
export function applyConsignmentReceived(
	ctx: DeviceApplyContext,
	payload: ConsignmentReceived
): Promise<DeviceApplied> {
	return applyDeviceDocument(ctx, payload.documentId, payload.by, (doc) =>
		writeConsignIn(doc, payload)
	);
}
