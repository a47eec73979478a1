import {
	operationSchema,
	type Operation,
	type ReturnRecord,
	type SaleRecord,
	type TradeInRecord
} from '@deadwax/core';
import type { OpResult, PushOutput } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendChange, lockShopFeed } from '../change-feed.ts';
import { recordMovement } from '../ledger.ts';
import * as office from '../office/index.ts';
import * as register from '../register/index.ts';
import type { Schema } from '../schema.ts';
import { itemSnapshot } from '../snapshots.ts';
import type { ReviewFlagKind } from './schema.ts';

/** A device clock this far ahead of the server's is flagged: an op cannot come from the future. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

export interface SyncDeps {
	db: Kysely<Schema>;
	/** Server time as ISO-8601; passed in so tests pin it. */
	now: () => string;
	newId?: () => string;
}

type PendingFlag = { kind: ReviewFlagKind; subject: string; detail: Record<string, unknown> };

type Applied = { serverSeq: number | null; isDuplicateRecord?: string };

/**
 * Applies a device's pushed ops, each in its own transaction with its applied_ops row, so each
 * takes effect at most once however often it arrives. Never throws for a bad op: a malformed one
 * is recorded as `rejected` (with an `invalid_op` review flag) and the rest still apply. A sale is
 * never refused: unknown items and stock going below zero are applied and flagged. Throws only
 * when the store fails, and then the op in flight left nothing behind.
 */
export async function applyPush(
	deps: SyncDeps,
	{ shopId, deviceId, ops }: { shopId: string; deviceId: string; ops: readonly unknown[] }
): Promise<PushOutput> {
	const results: OpResult[] = [];
	for (const raw of ops) results.push(await applyOp(deps, shopId, deviceId, raw));
	return { results, serverTime: deps.now() };
}

async function applyOp(
	deps: SyncDeps,
	shopId: string,
	deviceId: string,
	raw: unknown
): Promise<OpResult> {
	const opId = opIdOf(raw);
	return deps.db.transaction().execute(async (trx) => {
		// Shop row first: serializes this shop's writers (see appendChange) before any other lock.
		await lockShopFeed(trx, shopId);
		const stored = await trx
			.selectFrom('applied_ops')
			.select(['shop_id', 'status', 'reason'])
			.where('op_id', '=', opId)
			.executeTakeFirst();
		if (stored !== undefined) {
			if (stored.shop_id !== shopId) {
				return { opId, status: 'rejected', reason: `opId ${opId} is already used by another shop` };
			}
			const reason = `already ${stored.status}${stored.reason ? `: ${stored.reason}` : ''}`;
			return { opId, status: 'duplicate', reason };
		}
		const receivedAt = deps.now();
		const newId = deps.newId ?? uuidv7;
		const parsed = operationSchema.safeParse(raw);
		if (!parsed.success) {
			const reason = parsed.error.issues
				.map((i) => `${i.path.map(String).join('.') || 'op'}: ${i.message}`)
				.join('; ');
			await trx
				.insertInto('applied_ops')
				.values({
					op_id: opId,
					shop_id: shopId,
					device_id: deviceId,
					device_seq: null,
					kind: kindOf(raw),
					server_seq: null,
					status: 'rejected',
					reason,
					payload: JSON.stringify(raw) ?? 'null',
					device_time: null,
					received_at: receivedAt
				})
				.execute();
			await insertFlags(trx, shopId, receivedAt, newId, [
				{ kind: 'invalid_op', subject: opId, detail: { deviceId, reason } }
			]);
			return { opId, status: 'rejected', reason };
		}

		const op = parsed.data;
		const flags: PendingFlag[] = [];
		const aheadMs = Date.parse(op.deviceTime) - Date.parse(receivedAt);
		if (aheadMs > MAX_CLOCK_AHEAD_MS) {
			flags.push({
				kind: 'clock_skew',
				subject: op.opId,
				detail: { deviceId, deviceTime: op.deviceTime, serverTime: receivedAt, aheadMs }
			});
		}
		const ctx = { trx, shopId, deviceId, op, receivedAt, newId, flags };
		const handler = HANDLERS[op.kind] ?? recordOnly;
		const applied = await handler(ctx, op);

		let status: 'applied' | 'flagged' | 'rejected' = flags.length > 0 ? 'flagged' : 'applied';
		let reason: string | null =
			flags.length > 0 ? [...new Set(flags.map((f) => f.kind))].join(', ') : null;
		if (applied.isDuplicateRecord !== undefined) {
			status = 'rejected';
			reason = applied.isDuplicateRecord;
		} else {
			await insertFlags(trx, shopId, receivedAt, newId, flags);
		}
		await trx
			.insertInto('applied_ops')
			.values({
				op_id: op.opId,
				shop_id: shopId,
				device_id: deviceId,
				device_seq: op.deviceSeq,
				kind: op.kind,
				server_seq: applied.serverSeq,
				status,
				reason,
				payload: JSON.stringify(op),
				device_time: op.deviceTime,
				received_at: receivedAt
			})
			.execute();
		if (applied.isDuplicateRecord !== undefined) {
			// The record is already here under another op: nothing is lost, nothing is doubled.
			return { opId, status: 'duplicate', reason: applied.isDuplicateRecord };
		}
		return reason === null ? { opId, status } : { opId, status, reason };
	});
}

type Handler = (ctx: ApplyContext, op: Operation) => Promise<Applied>;
type OpOf<K extends Operation['kind']> = Extract<Operation, { kind: K }>;

/**
 * What each kind does on the server besides being recorded in applied_ops. A kind without an
 * entry (e.g. a drawer count) is kept as data there, with its payload, and acknowledged; give it a
 * handler here when it has effects (stock, money owed, feed entries).
 */
const HANDLERS: Partial<Record<Operation['kind'], Handler>> = {
	'sale.completed': (ctx, op) => applySale(ctx, (op as OpOf<'sale.completed'>).payload),
	'sale.returned': (ctx, op) => applyReturn(ctx, (op as OpOf<'sale.returned'>).payload),
	'trade_in.completed': (ctx, op) => applyTradeIn(ctx, (op as OpOf<'trade_in.completed'>).payload),
	'stock.received': (ctx, op) =>
		office.applyStockReceived(ctx, (op as OpOf<'stock.received'>).payload),
	'stock.counted': (ctx, op) =>
		office.applyStockCounted(ctx, (op as OpOf<'stock.counted'>).payload),
	'consignment.received': (ctx, op) =>
		office.applyConsignmentReceived(ctx, (op as OpOf<'consignment.received'>).payload),
	'consignment.returned': (ctx, op) =>
		office.applyConsignmentReturned(ctx, (op as OpOf<'consignment.returned'>).payload),
	'shift.opened': (ctx, op) => register.applyShiftOpened(ctx, (op as OpOf<'shift.opened'>).payload),
	'cash.moved': (ctx, op) => register.applyCashMoved(ctx, (op as OpOf<'cash.moved'>).payload),
	'shift.closed': (ctx, op) => register.applyShiftClosed(ctx, (op as OpOf<'shift.closed'>).payload)
};

const recordOnly: Handler = () => Promise.resolve({ serverSeq: null });

type ApplyContext = {
	trx: Kysely<Schema>;
	shopId: string;
	deviceId: string;
	op: Operation;
	receivedAt: string;
	newId: () => string;
	flags: PendingFlag[];
};

async function knownItems(ctx: ApplyContext, itemIds: readonly string[]): Promise<Set<string>> {
	const rows = await ctx.trx
		.selectFrom('items')
		.select('id')
		.where('shop_id', '=', ctx.shopId)
		.where('id', 'in', [...new Set(itemIds)])
		.execute();
	return new Set(rows.map((r) => r.id));
}

async function applySale(ctx: ApplyContext, sale: SaleRecord): Promise<Applied> {
	const { trx, shopId, deviceId, op, receivedAt, newId, flags } = ctx;
	const existing = await trx
		.selectFrom('sales')
		.select('op_id')
		.where('id', '=', sale.saleId)
		.executeTakeFirst();
	if (existing !== undefined) {
		return {
			serverSeq: null,
			isDuplicateRecord: `sale ${sale.saleId} is already recorded by op ${existing.op_id}`
		};
	}
	const known = await knownItems(
		ctx,
		sale.lines.map((l) => l.itemId)
	);
	const onHandAfter = new Map<string, number>();
	for (const line of sale.lines) {
		if (!known.has(line.itemId)) {
			flags.push({
				kind: 'unknown_item',
				subject: sale.saleId,
				detail: { itemId: line.itemId, lineId: line.lineId, quantity: line.quantity }
			});
			continue;
		}
		const { onHand } = await recordMovement(trx, {
			shopId,
			itemId: line.itemId,
			delta: -line.quantity,
			reason: 'sale',
			refKind: 'sale',
			refId: sale.saleId,
			at: receivedAt,
			by: deviceId
		});
		onHandAfter.set(line.itemId, onHand);
	}
	// Oversold exactly when this sale leaves the item below zero: the copies left the shop anyway.
	for (const [itemId, onHand] of onHandAfter) {
		if (onHand < 0) {
			const quantity = sale.lines
				.filter((l) => l.itemId === itemId)
				.reduce((sum, l) => sum + l.quantity, 0);
			flags.push({ kind: 'oversell', subject: sale.saleId, detail: { itemId, quantity, onHand } });
		}
	}
	const isFlagged = flags.length > 0;
	await trx
		.insertInto('sales')
		.values({
			id: sale.saleId,
			shop_id: shopId,
			device_id: deviceId,
			op_id: op.opId,
			receipt_no: sale.receiptNo,
			clerk_id: sale.clerkId,
			currency: sale.currency,
			business_day: sale.businessDay,
			completed_at: sale.completedAt,
			subtotal_cents: sale.subtotalCents,
			discount_cents: sale.discountCents,
			tax_cents: sale.taxCents,
			total_cents: sale.totalCents,
			rounding_cents: sale.roundingCents,
			tenders: JSON.stringify(sale.tenders),
			record: JSON.stringify(sale),
			is_flagged: isFlagged ? 1 : 0,
			received_at: receivedAt
		})
		.execute();
	await trx
		.insertInto('sale_lines')
		.values(
			sale.lines.map((l) => ({
				sale_id: sale.saleId,
				line_id: l.lineId,
				shop_id: shopId,
				item_id: l.itemId,
				release_id: l.releaseId,
				description: l.description,
				kind: l.kind,
				quantity: l.quantity,
				unit_price_cents: l.unitPriceCents,
				discount_cents: l.discountCents,
				tax_class_id: l.taxClassId,
				tax_rate_bp: l.taxRateBp,
				tax_cents: l.taxCents,
				total_cents: l.totalCents,
				label_id: l.consignment?.labelId ?? null,
				share_cents: l.consignment?.shareCents ?? null
			}))
		)
		.execute();
	const payables = sale.lines.flatMap((l) =>
		l.consignment && l.consignment.shareCents !== 0
			? [
					{
						id: newId(),
						shop_id: shopId,
						label_id: l.consignment.labelId,
						kind: 'sale' as const,
						amount_cents: l.consignment.shareCents,
						ref_id: `${sale.saleId}/${l.lineId}`,
						at: receivedAt
					}
				]
			: []
	);
	if (payables.length > 0) await trx.insertInto('payable_entries').values(payables).execute();
	const { seq } = await appendChange(trx, shopId, 'sale', sale.saleId, {
		...sale,
		deviceId,
		isFlagged,
		flags: [...new Set(flags.map((f) => f.kind))]
	});
	return { serverSeq: seq };
}

async function applyReturn(ctx: ApplyContext, ret: ReturnRecord): Promise<Applied> {
	const { trx, shopId, deviceId, op, receivedAt, newId, flags } = ctx;
	const existing = await trx
		.selectFrom('returns')
		.select('op_id')
		.where('id', '=', ret.returnId)
		.executeTakeFirst();
	if (existing !== undefined) {
		return {
			serverSeq: null,
			isDuplicateRecord: `return ${ret.returnId} is already recorded by op ${existing.op_id}`
		};
	}
	const known = await knownItems(
		ctx,
		ret.lines.map((l) => l.itemId)
	);
	for (const line of ret.lines) {
		if (!known.has(line.itemId)) {
			flags.push({
				kind: 'unknown_item',
				subject: ret.returnId,
				detail: { itemId: line.itemId, lineId: line.lineId, quantity: line.quantity }
			});
			continue;
		}
		// A damaged copy is refunded but never re-enters stock.
		if (!line.restock) continue;
		await recordMovement(trx, {
			shopId,
			itemId: line.itemId,
			delta: line.quantity,
			reason: 'return',
			refKind: 'return',
			refId: ret.returnId,
			at: receivedAt,
			by: deviceId
		});
	}
	const isFlagged = flags.length > 0;
	await trx
		.insertInto('returns')
		.values({
			id: ret.returnId,
			shop_id: shopId,
			device_id: deviceId,
			op_id: op.opId,
			receipt_no: ret.receiptNo,
			original_sale_id: ret.originalSaleId,
			clerk_id: ret.clerkId,
			approved_by_manager_id: ret.approvedByManagerId,
			currency: ret.currency,
			business_day: ret.businessDay,
			completed_at: ret.completedAt,
			reason: ret.reason,
			refund_cents: ret.refundCents,
			refunds: JSON.stringify(ret.refunds),
			record: JSON.stringify(ret),
			is_flagged: isFlagged ? 1 : 0,
			received_at: receivedAt
		})
		.execute();
	await trx
		.insertInto('return_lines')
		.values(
			ret.lines.map((l) => ({
				return_id: ret.returnId,
				line_id: l.lineId,
				shop_id: shopId,
				original_line_id: l.originalLineId,
				item_id: l.itemId,
				quantity: l.quantity,
				refund_cents: l.refundCents,
				tax_cents: l.taxCents,
				restock: l.restock ? (1 as const) : (0 as const),
				label_id: l.consignment?.labelId ?? null,
				share_cents: l.consignment?.shareCents ?? null
			}))
		)
		.execute();
	const payables = ret.lines.flatMap((l) =>
		l.consignment && l.consignment.shareCents !== 0
			? [
					{
						id: newId(),
						shop_id: shopId,
						label_id: l.consignment.labelId,
						kind: 'return' as const,
						amount_cents: -l.consignment.shareCents,
						ref_id: `${ret.returnId}/${l.lineId}`,
						at: receivedAt
					}
				]
			: []
	);
	if (payables.length > 0) await trx.insertInto('payable_entries').values(payables).execute();
	const { seq } = await appendChange(trx, shopId, 'return', ret.returnId, {
		...ret,
		deviceId,
		isFlagged,
		flags: [...new Set(flags.map((f) => f.kind))]
	});
	return { serverSeq: seq };
}

/**
 * A trade-in: each record bought becomes a used item (id made on the tablet) with one copy in
 * stock. A line whose item id is taken or whose tax class or release the server does not know is
 * flagged and gets no item: the cash was paid all the same, so the op is never refused.
 */
async function applyTradeIn(ctx: ApplyContext, tradeIn: TradeInRecord): Promise<Applied> {
	const { trx, shopId, deviceId, receivedAt, flags } = ctx;
	const ids = tradeIn.lines.map((l) => l.itemId);
	const taken = await knownItems(ctx, ids);
	const taxClasses = new Set(
		(
			await trx
				.selectFrom('tax_classes')
				.select('id')
				.where('shop_id', '=', shopId)
				.where('id', 'in', [...new Set(tradeIn.lines.map((l) => l.taxClassId))])
				.execute()
		).map((r) => r.id)
	);
	const releaseIds = tradeIn.lines.flatMap((l) => (l.releaseId === null ? [] : [l.releaseId]));
	const releases = new Set(
		releaseIds.length === 0
			? []
			: (
					await trx
						.selectFrom('releases')
						.select('id')
						.where('shop_id', '=', shopId)
						.where('id', 'in', [...new Set(releaseIds)])
						.execute()
				).map((r) => r.id)
	);
	let lastSeq: number | null = null;
	for (const line of tradeIn.lines) {
		const problem = taken.has(line.itemId)
			? 'item id already exists'
			: !taxClasses.has(line.taxClassId)
				? `unknown tax class ${line.taxClassId}`
				: line.releaseId !== null && !releases.has(line.releaseId)
					? `unknown release ${line.releaseId}`
					: null;
		if (problem !== null) {
			flags.push({
				kind: 'unknown_item',
				subject: tradeIn.tradeInId,
				detail: { itemId: line.itemId, lineId: line.lineId, problem }
			});
			continue;
		}
		await trx
			.insertInto('items')
			.values({
				id: line.itemId,
				shop_id: shopId,
				release_id: line.releaseId,
				title: line.description,
				kind: 'used',
				sku: null,
				price_cents: line.priceCents ?? 0,
				cost_cents: line.costBasisCents,
				tax_class_id: line.taxClassId,
				media_grade: line.mediaGrade,
				sleeve_grade: line.sleeveGrade,
				updated_at: receivedAt
			})
			.execute();
		const item = await trx
			.selectFrom('items')
			.selectAll()
			.where('id', '=', line.itemId)
			.executeTakeFirstOrThrow();
		await appendChange(trx, shopId, 'item', item.id, itemSnapshot(item));
		await recordMovement(trx, {
			shopId,
			itemId: line.itemId,
			delta: 1,
			reason: 'trade_in',
			refKind: 'trade_in',
			refId: tradeIn.tradeInId,
			at: receivedAt,
			by: deviceId
		});
		lastSeq = (
			await trx
				.selectFrom('shops')
				.select('change_seq')
				.where('id', '=', shopId)
				.executeTakeFirstOrThrow()
		).change_seq;
	}
	return { serverSeq: lastSeq };
}

async function insertFlags(
	trx: Kysely<Schema>,
	shopId: string,
	at: string,
	newId: () => string,
	flags: readonly PendingFlag[]
): Promise<void> {
	if (flags.length === 0) return;
	await trx
		.insertInto('review_flags')
		.values(
			flags.map((f) => ({
				id: newId(),
				shop_id: shopId,
				kind: f.kind,
				subject: f.subject,
				detail: JSON.stringify(f.detail),
				created_at: at,
				resolved_at: null,
				resolved_by: null
			}))
		)
		.execute();
}

function opIdOf(raw: unknown): string {
	const opId = (raw as { opId?: unknown } | null)?.opId;
	return typeof opId === 'string' ? opId : '';
}

function kindOf(raw: unknown): string | null {
	const kind = (raw as { kind?: unknown } | null)?.kind;
	return typeof kind === 'string' ? kind.slice(0, 64) : null;
}
