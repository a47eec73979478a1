import type { ConsignmentReturned } from '@deadwax/core';
import {
	applyDeviceDocument,
	type DeviceApplied,
	type DeviceApplyContext
} from './apply-document.ts';
import { writeReturnToLabel } from './stock-documents.ts';

/** Consignment copies sent back to their label, recorded on a device. Never refused; see writers in stock-documents.ts. */
export function applyConsignmentReturned(
	ctx: DeviceApplyContext,
	payload: ConsignmentReturned
): Promise<DeviceApplied> {
	return applyDeviceDocument(ctx, payload.documentId, payload.by, (doc) =>
		writeReturnToLabel(doc, payload)
	);
}
