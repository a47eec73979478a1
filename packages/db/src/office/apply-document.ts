import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import type { ReviewFlagKind } from '../sync/schema.ts';
import { currentSeq } from './feed.ts';
import type { DocumentContext, DocumentOutcome } from './stock-documents.ts';

/** The slice of the sync apply context a device's stock document needs (see sync/apply-push.ts). */
export interface DeviceApplyContext {
	trx: Kysely<Schema>;
	shopId: string;
	deviceId: string;
	op: { opId: string };
	receivedAt: string;
	newId: () => string;
	flags: { kind: ReviewFlagKind; subject: string; detail: Record<string, unknown> }[];
}

/** What sync's apply records for the op: the last seq it appended, or why it was a repeat. */
export interface DeviceApplied {
	serverSeq: number | null;
	isDuplicateRecord?: string;
}

/**
 * Runs a stock document writer for a device's op in device mode: never refused, bad lines flagged
 * under the document id, a repeat of an already recorded document reported as such.
 */
export async function applyDeviceDocument(
	ctx: DeviceApplyContext,
	documentId: string,
	by: string,
	write: (doc: DocumentContext) => Promise<DocumentOutcome>
): Promise<DeviceApplied> {
	const outcome = await write({
		trx: ctx.trx,
		shopId: ctx.shopId,
		by,
		at: ctx.receivedAt,
		newId: ctx.newId,
		mode: 'device',
		deviceId: ctx.deviceId,
		opId: ctx.op.opId,
		onFlag: (flag) => ctx.flags.push({ kind: flag.kind, subject: documentId, detail: flag.detail })
	});
	if (outcome.isDuplicate) {
		return {
			serverSeq: null,
			isDuplicateRecord: `stock document ${documentId} is already recorded`
		};
	}
	return { serverSeq: await currentSeq(ctx.trx, ctx.shopId) };
}
