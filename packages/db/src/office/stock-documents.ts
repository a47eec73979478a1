import {
	DomainError,
	type ConsignmentReceived,
	type ConsignmentReturned,
	type StockCounted,
	type StockReceived
} from '@deadwax/core';
import type { StockDocumentLine, StockDocumentView } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { appendChange, lockShopFeed } from '../change-feed.ts';
import { recordMovement } from '../ledger.ts';
import type { MovementReason, Schema } from '../schema.ts';
import { itemSnapshot } from '../snapshots.ts';
import { recordAudit } from './audit.ts';
import type { StockDocument, StockDocumentKind } from './schema.ts';
import { describeItem } from './views.ts';

/** A problem with one line of a device's document: raised as a review flag, never thrown. */
export interface LineFlag {
	kind: 'unknown_item' | 'oversell' | 'invalid_op';
	detail: Record<string, unknown>;
}

/**
 * Where a stock document is written from. The office (`mode: 'office'`) refuses a document with
 * any bad line, naming it. A device's outbox op (`mode: 'device'`) is never refused, because the
 * copies moved whatever the server thinks: lines naming unknown items are skipped and flagged,
 * everything else is applied, and stock going below zero is flagged as an oversell.
 */
export interface DocumentContext {
	trx: Kysely<Schema>;
	shopId: string;
	/** Staff id of whoever did it. */
	by: string;
	at: string;
	newId: () => string;
	mode: 'office' | 'device';
	deviceId: string | null;
	opId: string | null;
	/** Device mode: receives each flag. */
	onFlag?: (flag: LineFlag) => void;
}

export interface DocumentOutcome {
	document: StockDocumentView;
	/** True when this documentId was already recorded: nothing was written again. */
	isDuplicate: boolean;
}

interface KnownItem {
	id: string;
	label_id: string | null;
	kind: string;
	on_hand: number;
	description: string;
	cost_cents: number | null;
}

const REASON: Record<StockDocumentKind, MovementReason> = {
	receive: 'receive',
	consign_in: 'consign_in',
	return_to_label: 'return_to_label',
	count: 'count'
};

const AUDIT_ACTION: Record<StockDocumentKind, string> = {
	receive: 'stock.received',
	consign_in: 'consignment.received',
	return_to_label: 'consignment.returned',
	count: 'stock.counted'
};

async function knownItems(
	ctx: DocumentContext,
	itemIds: readonly string[]
): Promise<Map<string, KnownItem>> {
	const ids = [...new Set(itemIds)];
	const known = new Map<string, KnownItem>();
	for (let i = 0; i < ids.length; i += 500) {
		const rows = await ctx.trx
			.selectFrom('items')
			.leftJoin('releases', 'releases.id', 'items.release_id')
			.leftJoin('stock_levels', (join) =>
				join
					.onRef('stock_levels.item_id', '=', 'items.id')
					.onRef('stock_levels.shop_id', '=', 'items.shop_id')
			)
			.select([
				'items.id',
				'items.label_id',
				'items.kind',
				'items.title',
				'items.cost_cents',
				'releases.artist',
				'releases.title as release_title',
				'stock_levels.on_hand'
			])
			.where('items.shop_id', '=', ctx.shopId)
			.where('items.id', 'in', ids.slice(i, i + 500))
			.execute();
		for (const r of rows) {
			known.set(r.id, {
				id: r.id,
				label_id: r.label_id,
				kind: r.kind,
				on_hand: r.on_hand ?? 0,
				description: describeItem(r),
				cost_cents: r.cost_cents
			});
		}
	}
	return known;
}

/** Office mode: throws every problem at once. Device mode: reports each as a flag. */
function problem(ctx: DocumentContext, problems: string[], message: string, flag: LineFlag): void {
	if (ctx.mode === 'office') problems.push(message);
	else ctx.onFlag?.(flag);
}

function throwProblems(problems: readonly string[]): void {
	if (problems.length === 0) return;
	const notFound = problems.every((p) => p.includes('no item with id'));
	throw new DomainError(notFound ? 'not_found' : 'invalid_input', problems.join('; '));
}

/** On-hand of an item as of `cursor`: the level the latest 'stock' change at or before it carried. */
async function onHandAt(
	trx: Kysely<Schema>,
	shopId: string,
	itemId: string,
	cursor: number
): Promise<number> {
	const row = await trx
		.selectFrom('changes')
		.select('data')
		.where('shop_id', '=', shopId)
		.where('entity', '=', 'stock')
		.where('entity_id', '=', itemId)
		.where('seq', '<=', cursor)
		.orderBy('seq', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (row?.data == null) return 0;
	return (JSON.parse(row.data) as { onHand: number }).onHand;
}

/** The view of a stored document, with names of who did it and the label. */
export async function loadDocument(
	db: Kysely<Schema>,
	shopId: string,
	id: string
): Promise<StockDocumentView | undefined> {
	const row = await selectDocuments(db, shopId).where('d.id', '=', id).executeTakeFirst();
	return row === undefined ? undefined : toDocumentView(row);
}

export function selectDocuments(db: Kysely<Schema>, shopId: string) {
	return db
		.selectFrom('stock_documents as d')
		.leftJoin('staff', 'staff.id', 'd.by')
		.leftJoin('labels', 'labels.id', 'd.counterparty')
		.selectAll('d')
		.select(['staff.name as by_name', 'labels.name as label_name'])
		.where('d.shop_id', '=', shopId);
}

export function toDocumentView(
	row: StockDocument & { by_name: string | null; label_name: string | null }
): StockDocumentView {
	return {
		id: row.id,
		kind: row.kind,
		counterparty: row.counterparty,
		counterpartyName:
			row.kind === 'consign_in' || row.kind === 'return_to_label'
				? row.label_name
				: row.counterparty,
		reference: row.reference,
		reason: row.reason,
		by: row.by,
		byName: row.by_name,
		deviceId: row.device_id,
		at: row.at,
		lines: JSON.parse(row.lines) as StockDocumentLine[]
	};
}

interface PlannedLine {
	itemId: string;
	delta: number;
	extra: Partial<StockDocumentLine>;
}

/** Writes the document's movements, its row and its audit entry; returns the stored view. */
async function writeDocument(
	ctx: DocumentContext,
	doc: {
		id: string;
		kind: StockDocumentKind;
		counterparty: string | null;
		reference: string | null;
		reason: string | null;
		lines: readonly PlannedLine[];
		known: Map<string, KnownItem>;
	}
): Promise<StockDocumentView> {
	const { trx, shopId } = ctx;
	const stored: StockDocumentLine[] = [];
	const onHand = new Map<string, number>();
	for (const line of doc.lines) {
		const item = doc.known.get(line.itemId);
		if (item === undefined) continue;
		let after = onHand.get(line.itemId) ?? item.on_hand;
		if (line.delta !== 0) {
			const moved = await recordMovement(trx, {
				id: ctx.newId(),
				shopId,
				itemId: line.itemId,
				delta: line.delta,
				reason: REASON[doc.kind],
				refKind: 'document',
				refId: doc.id,
				at: ctx.at,
				by: ctx.by
			});
			after = moved.onHand;
		}
		onHand.set(line.itemId, after);
		stored.push({
			itemId: line.itemId,
			description: item.description,
			delta: line.delta,
			...line.extra,
			onHandAfter: after
		});
	}
	if (ctx.mode === 'device') {
		for (const [itemId, after] of onHand) {
			if (after < 0)
				ctx.onFlag?.({ kind: 'oversell', detail: { itemId, onHand: after, documentId: doc.id } });
		}
	}
	await trx
		.insertInto('stock_documents')
		.values({
			id: doc.id,
			shop_id: shopId,
			kind: doc.kind,
			counterparty: doc.counterparty,
			reference: doc.reference,
			reason: doc.reason,
			by: ctx.by,
			device_id: ctx.deviceId,
			op_id: ctx.opId,
			at: ctx.at,
			lines: JSON.stringify(stored)
		})
		.execute();
	await recordAudit(trx, {
		id: ctx.newId(),
		shopId,
		actorKind: 'staff',
		actorId: ctx.by,
		action: AUDIT_ACTION[doc.kind],
		subject: doc.id,
		detail: {
			lines: stored.length,
			units: stored.reduce((sum, l) => sum + l.delta, 0),
			...(doc.counterparty === null ? {} : { counterparty: doc.counterparty }),
			...(ctx.deviceId === null ? {} : { deviceId: ctx.deviceId })
		},
		at: ctx.at
	});
	const view = await loadDocument(trx, shopId, doc.id);
	if (view === undefined)
		throw new Error(`stock document ${doc.id} vanished inside its own transaction`);
	return view;
}

/** Returns the stored document when `id` was already recorded (a retry), else null. */
async function alreadyRecorded(ctx: DocumentContext, id: string): Promise<DocumentOutcome | null> {
	const row = await ctx.trx
		.selectFrom('stock_documents')
		.select('shop_id')
		.where('id', '=', id)
		.executeTakeFirst();
	if (row === undefined) return null;
	if (row.shop_id !== ctx.shopId) {
		const message = `document id ${id} is already used by another shop`;
		if (ctx.mode === 'office') throw new DomainError('conflict', message);
		// A device's op is never refused: it is recorded as a repeat with nothing applied.
		ctx.onFlag?.({ kind: 'invalid_op', detail: { documentId: id, reason: message } });
		return {
			isDuplicate: true,
			document: {
				id,
				kind: 'receive',
				counterparty: null,
				counterpartyName: null,
				reference: null,
				reason: message,
				by: ctx.by,
				byName: null,
				deviceId: ctx.deviceId,
				at: ctx.at,
				lines: []
			}
		};
	}
	const document = await loadDocument(ctx.trx, ctx.shopId, id);
	if (document === undefined) throw new Error(`stock document ${id} has no row`);
	return { document, isDuplicate: true };
}

/** Checks that every line names a known item; office mode collects, device mode flags. */
function checkKnown(
	ctx: DocumentContext,
	documentId: string,
	lines: readonly { itemId: string; delta?: number; countedQty?: number }[],
	known: Map<string, KnownItem>,
	problems: string[]
): void {
	lines.forEach((line, index) => {
		if (!known.has(line.itemId)) {
			// The line's figure travels in the flag, so the review queue can apply it once the item exists.
			problem(ctx, problems, `line ${index + 1}: no item with id ${line.itemId} in this shop`, {
				kind: 'unknown_item',
				detail: { documentId, line: index + 1, ...line }
			});
		}
	});
}

/**
 * A writer's first steps, in this order: the shop's feed lock (before any other row, see
 * lockShopFeed), then either the stored document when `documentId` was already recorded (a retry:
 * the writer returns it and writes nothing) or the lines' items and an empty problem list.
 */
async function beginDocument(
	ctx: DocumentContext,
	documentId: string,
	lines: readonly { itemId: string }[]
): Promise<
	{ repeat: DocumentOutcome } | { repeat: null; known: Map<string, KnownItem>; problems: string[] }
> {
	await lockShopFeed(ctx.trx, ctx.shopId);
	const repeat = await alreadyRecorded(ctx, documentId);
	if (repeat !== null) return { repeat };
	const known = await knownItems(
		ctx,
		lines.map((l) => l.itemId)
	);
	return { repeat: null, known, problems: [] };
}

/** A delivery received: +quantity per line ('receive'); a line's cost becomes the item's cost. */
export async function writeReceipt(
	ctx: DocumentContext,
	payload: StockReceived
): Promise<DocumentOutcome> {
	const begun = await beginDocument(ctx, payload.documentId, payload.lines);
	if (begun.repeat !== null) return begun.repeat;
	const { known, problems } = begun;
	checkKnown(
		ctx,
		payload.documentId,
		payload.lines.map((l) => ({ itemId: l.itemId, delta: l.quantity })),
		known,
		problems
	);
	payload.lines.forEach((line, index) => {
		const item = known.get(line.itemId);
		if (item?.label_id != null) {
			problem(
				ctx,
				problems,
				`line ${index + 1}: ${item.description} is consignment stock; take it in as a consignment delivery`,
				{ kind: 'invalid_op', detail: { itemId: line.itemId, documentId: payload.documentId } }
			);
		}
	});
	throwProblems(problems);
	for (const line of payload.lines) {
		const item = known.get(line.itemId);
		if (item === undefined || line.costCents === null || line.costCents === item.cost_cents)
			continue;
		const row = await ctx.trx
			.updateTable('items')
			.set((eb) => ({
				cost_cents: line.costCents,
				version: eb('version', '+', 1),
				updated_at: ctx.at
			}))
			.where('id', '=', line.itemId)
			.returningAll()
			.executeTakeFirstOrThrow();
		item.cost_cents = line.costCents;
		await appendChange(ctx.trx, ctx.shopId, 'item', row.id, itemSnapshot(row));
	}
	const document = await writeDocument(ctx, {
		id: payload.documentId,
		kind: 'receive',
		counterparty: payload.supplier,
		reference: payload.reference,
		reason: null,
		known,
		lines: payload.lines.map((l) => ({
			itemId: l.itemId,
			delta: l.quantity,
			extra: { costCents: l.costCents }
		}))
	});
	return { document, isDuplicate: false };
}

async function checkAgreement(
	ctx: DocumentContext,
	labelId: string,
	problems: string[],
	documentId: string
): Promise<void> {
	const agreement = await ctx.trx
		.selectFrom('consignment_agreements')
		.select(['id', 'active'])
		.where('shop_id', '=', ctx.shopId)
		.where('label_id', '=', labelId)
		.orderBy('active', 'desc')
		.executeTakeFirst();
	if (agreement?.active !== 1) {
		problem(ctx, problems, `label ${labelId} has no active consignment agreement with this shop`, {
			kind: 'invalid_op',
			detail: { labelId, documentId }
		});
	}
}

function checkLabelItems(
	ctx: DocumentContext,
	payload: { documentId: string; labelId: string; lines: readonly { itemId: string }[] },
	known: Map<string, KnownItem>,
	problems: string[]
): void {
	payload.lines.forEach((line, index) => {
		const item = known.get(line.itemId);
		if (item !== undefined && item.label_id !== payload.labelId) {
			problem(
				ctx,
				problems,
				`line ${index + 1}: ${item.description} is ${item.label_id === null ? "the shop's own stock" : `consigned by label ${item.label_id}`}, not label ${payload.labelId}'s`,
				{
					kind: 'invalid_op',
					detail: { itemId: line.itemId, labelId: payload.labelId, documentId: payload.documentId }
				}
			);
		}
	});
}

/** A label's consignment delivery: +quantity per line ('consign_in') under an active agreement. */
export async function writeConsignIn(
	ctx: DocumentContext,
	payload: ConsignmentReceived
): Promise<DocumentOutcome> {
	const begun = await beginDocument(ctx, payload.documentId, payload.lines);
	if (begun.repeat !== null) return begun.repeat;
	const { known, problems } = begun;
	await checkAgreement(ctx, payload.labelId, problems, payload.documentId);
	checkKnown(
		ctx,
		payload.documentId,
		payload.lines.map((l) => ({ itemId: l.itemId, delta: l.quantity })),
		known,
		problems
	);
	checkLabelItems(ctx, payload, known, problems);
	throwProblems(problems);
	const document = await writeDocument(ctx, {
		id: payload.documentId,
		kind: 'consign_in',
		counterparty: payload.labelId,
		reference: payload.reference,
		reason: null,
		known,
		lines: payload.lines.map((l) => ({ itemId: l.itemId, delta: l.quantity, extra: {} }))
	});
	return { document, isDuplicate: false };
}

/** Unsold consignment copies sent back: −quantity per line ('return_to_label'). */
export async function writeReturnToLabel(
	ctx: DocumentContext,
	payload: ConsignmentReturned
): Promise<DocumentOutcome> {
	const begun = await beginDocument(ctx, payload.documentId, payload.lines);
	if (begun.repeat !== null) return begun.repeat;
	const { known, problems } = begun;
	checkKnown(
		ctx,
		payload.documentId,
		payload.lines.map((l) => ({ itemId: l.itemId, delta: -l.quantity })),
		known,
		problems
	);
	checkLabelItems(ctx, payload, known, problems);
	if (ctx.mode === 'office') {
		const wanted = new Map<string, number>();
		for (const l of payload.lines) wanted.set(l.itemId, (wanted.get(l.itemId) ?? 0) + l.quantity);
		for (const [itemId, quantity] of wanted) {
			const item = known.get(itemId);
			if (item !== undefined && quantity > item.on_hand) {
				problems.push(
					`${item.description}: cannot return ${quantity} copies, only ${item.on_hand} on hand`
				);
			}
		}
	}
	throwProblems(problems);
	const document = await writeDocument(ctx, {
		id: payload.documentId,
		kind: 'return_to_label',
		counterparty: payload.labelId,
		reference: null,
		reason: payload.reason,
		known,
		lines: payload.lines.map((l) => ({ itemId: l.itemId, delta: -l.quantity, extra: {} }))
	});
	return { document, isDuplicate: false };
}

/**
 * A stock count: per item, counted minus what the counter expected (the on-hand at the document's
 * cursor, plus the counting device's own changes still queued before it) becomes a 'count'
 * movement, so sales the counter had not seen yet stay counted. Lines naming the same item add up.
 */
export async function writeCount(
	ctx: DocumentContext,
	payload: StockCounted
): Promise<DocumentOutcome> {
	const begun = await beginDocument(ctx, payload.documentId, payload.lines);
	if (begun.repeat !== null) return begun.repeat;
	const { known, problems } = begun;
	checkKnown(ctx, payload.documentId, payload.lines, known, problems);
	throwProblems(problems);
	const counted = new Map<string, number>();
	const pending = new Map<string, number>();
	for (const l of payload.lines) {
		counted.set(l.itemId, (counted.get(l.itemId) ?? 0) + l.countedQty);
		// The same item on two lines carries the device's pending change once.
		if (l.pendingDelta !== undefined) pending.set(l.itemId, l.pendingDelta);
	}
	const lines: PlannedLine[] = [];
	for (const [itemId, countedQty] of counted) {
		if (!known.has(itemId)) continue;
		const expectedQty =
			(await onHandAt(ctx.trx, ctx.shopId, itemId, payload.cursor)) + (pending.get(itemId) ?? 0);
		lines.push({ itemId, delta: countedQty - expectedQty, extra: { countedQty, expectedQty } });
	}
	const document = await writeDocument(ctx, {
		id: payload.documentId,
		kind: 'count',
		counterparty: null,
		reference: payload.bin,
		reason: payload.reason,
		known,
		lines
	});
	return { document, isDuplicate: false };
}
