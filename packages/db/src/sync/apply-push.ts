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
import { appendChanges, chunked, lockShopFeed } from '../change-feed.ts';
import { writeMovements } from '../ledger.ts';
import * as office from '../office/index.ts';
import * as register from '../register/index.ts';
import type { Item, Schema } from '../schema.ts';
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

/** An op as it arrived, its id, and what parsing it gave. */
interface PushedOp {
	raw: unknown;
	opId: string;
	parsed: ReturnType<typeof operationSchema.safeParse>;
}

/** An applied_ops row as far as a repeat of the op needs it. */
interface StoredOp {
	shop_id: string;
	status: string;
	reason: string | null;
}

/**
 * What one push's ops need to know about rows written before them, read once per push instead of
 * once per op: which op ids are recorded, which sale and return ids (and by which op), and which
 * of the lines' items the shop has. Kept current as each op commits. A positive answer never goes
 * stale (these rows are never deleted, nor moved to another shop); a negative one can (another
 * push committing meanwhile), so an op applied on these facts is backed by the primary keys of
 * applied_ops, sales and returns, and redone with every check in its transaction when one fires.
 */
interface BatchFacts {
	ops: Map<string, StoredOp>;
	sales: Map<string, string>;
	returns: Map<string, string>;
	items: Set<string>;
}

/** What an op's transaction learnt, merged into the batch's facts once it has committed. */
interface Learnt {
	sales: [string, string][];
	returns: [string, string][];
	items: string[];
}

/**
 * Applies a device's pushed ops, each in its own transaction with its applied_ops row, so each
 * takes effect at most once however often it arrives. Never throws for a bad op: a malformed one,
 * or one no store could hold (see conflictIn), is recorded as `rejected` (with an `invalid_op`
 * review flag) and the rest still apply. A sale is never refused for its stock: unknown items and
 * stock going below zero are applied and flagged. Throws only when the store fails, and then the
 * op in flight left nothing behind. What the ops need to know about earlier writes is read once
 * for the whole push (see BatchFacts), not once per op.
 */
export async function applyPush(
	deps: SyncDeps,
	{ shopId, deviceId, ops }: { shopId: string; deviceId: string; ops: readonly unknown[] }
): Promise<PushOutput> {
	const pushed = ops.map((raw) => ({
		raw,
		opId: opIdOf(raw),
		parsed: operationSchema.safeParse(raw)
	}));
	const facts = await readBatchFacts(deps.db, shopId, pushed);
	const results: OpResult[] = [];
	for (const op of pushed) results.push(await applyOp(deps, shopId, deviceId, op, facts));
	return { results, serverTime: deps.now() };
}

async function readBatchFacts(
	db: Kysely<Schema>,
	shopId: string,
	pushed: readonly PushedOp[]
): Promise<BatchFacts> {
	const facts: BatchFacts = {
		ops: new Map(),
		sales: new Map(),
		returns: new Map(),
		items: new Set()
	};
	const saleIds: string[] = [];
	const returnIds: string[] = [];
	const itemIds = new Set<string>();
	for (const { parsed } of pushed) {
		if (!parsed.success) continue;
		const op = parsed.data;
		if (op.kind === 'sale.completed') saleIds.push(op.payload.saleId);
		if (op.kind === 'sale.returned') returnIds.push(op.payload.returnId);
		if (
			op.kind === 'sale.completed' ||
			op.kind === 'sale.returned' ||
			op.kind === 'trade_in.completed'
		) {
			for (const line of op.payload.lines) itemIds.add(line.itemId);
		}
	}
	for (const ids of chunked([...new Set(pushed.map((p) => p.opId))])) {
		const rows = await db
			.selectFrom('applied_ops')
			.select(['op_id', 'shop_id', 'status', 'reason'])
			.where('op_id', 'in', ids)
			.execute();
		for (const { op_id, ...stored } of rows) facts.ops.set(op_id, stored);
	}
	for (const ids of chunked([...new Set(saleIds)])) {
		const rows = await db
			.selectFrom('sales')
			.select(['id', 'op_id'])
			.where('id', 'in', ids)
			.execute();
		for (const r of rows) facts.sales.set(r.id, r.op_id);
	}
	for (const ids of chunked([...new Set(returnIds)])) {
		const rows = await db
			.selectFrom('returns')
			.select(['id', 'op_id'])
			.where('id', 'in', ids)
			.execute();
		for (const r of rows) facts.returns.set(r.id, r.op_id);
	}
	for (const ids of chunked([...itemIds])) {
		const rows = await db
			.selectFrom('items')
			.select('id')
			.where('shop_id', '=', shopId)
			.where('id', 'in', ids)
			.execute();
		for (const r of rows) facts.items.add(r.id);
	}
	return facts;
}

/** The answer to an op already recorded (in this shop, or, refused, in another). */
function repeatOf(opId: string, shopId: string, stored: StoredOp): OpResult {
	if (stored.shop_id !== shopId) {
		return { opId, status: 'rejected', reason: `opId ${opId} is already used by another shop` };
	}
	const reason = `already ${stored.status}${stored.reason ? `: ${stored.reason}` : ''}`;
	return { opId, status: 'duplicate', reason };
}

async function applyOp(
	deps: SyncDeps,
	shopId: string,
	deviceId: string,
	op: PushedOp,
	facts: BatchFacts
): Promise<OpResult> {
	const stored = facts.ops.get(op.opId);
	if (stored !== undefined) return repeatOf(op.opId, shopId, stored);
	let outcome: OpOutcome;
	try {
		outcome = await runOp(deps, shopId, deviceId, op, facts);
	} catch {
		// A negative fact went stale (this op, sale or return committed by a push running beside
		// this one) and a primary key refused the write, or the store failed; either way the
		// transaction left nothing behind. Again with every check inside the transaction: a stale
		// fact now gives the repeat's answer, a store failure throws.
		outcome = await runOp(deps, shopId, deviceId, op, null);
	}
	facts.ops.set(op.opId, outcome.stored);
	for (const [id, opId] of outcome.learnt.sales) facts.sales.set(id, opId);
	for (const [id, opId] of outcome.learnt.returns) facts.returns.set(id, opId);
	for (const id of outcome.learnt.items) facts.items.add(id);
	return outcome.result;
}

interface OpOutcome {
	result: OpResult;
	/** The op's applied_ops row, as a repeat of it later in the push needs it. */
	stored: StoredOp;
	learnt: Learnt;
}

/**
 * One op in its own transaction. With `facts`, trusts them (see BatchFacts); with null, checks
 * applied_ops, the sale or return ids and the items inside the transaction, after the feed lock.
 */
async function runOp(
	deps: SyncDeps,
	shopId: string,
	deviceId: string,
	{ raw, opId, parsed }: PushedOp,
	facts: BatchFacts | null
): Promise<OpOutcome> {
	const learnt: Learnt = { sales: [], returns: [], items: [] };
	return deps.db.transaction().execute(async (trx): Promise<OpOutcome> => {
		// Shop row first: serializes this shop's writers (see appendChange) before any other lock.
		await lockShopFeed(trx, shopId);
		if (facts === null) {
			const stored = await trx
				.selectFrom('applied_ops')
				.select(['shop_id', 'status', 'reason'])
				.where('op_id', '=', opId)
				.executeTakeFirst();
			if (stored !== undefined) return { result: repeatOf(opId, shopId, stored), stored, learnt };
		}
		const receivedAt = deps.now();
		const newId = deps.newId ?? uuidv7;
		// Parked as data, never applied: a malformed op, or a well-formed one no store could hold.
		const reject = async (reason: string, valid: Operation | null): Promise<OpOutcome> => {
			await trx
				.insertInto('applied_ops')
				.values({
					op_id: opId,
					shop_id: shopId,
					device_id: deviceId,
					device_seq: valid?.deviceSeq ?? null,
					kind: valid?.kind ?? kindOf(raw),
					server_seq: null,
					status: 'rejected',
					reason,
					payload: JSON.stringify(raw) ?? 'null',
					device_time: valid?.deviceTime ?? null,
					received_at: receivedAt
				})
				.execute();
			await insertFlags(trx, shopId, receivedAt, newId, [
				{ kind: 'invalid_op', subject: opId, detail: { deviceId, reason } }
			]);
			return {
				result: { opId, status: 'rejected', reason },
				stored: { shop_id: shopId, status: 'rejected', reason },
				learnt
			};
		};
		if (!parsed.success) {
			const reason = parsed.error.issues
				.map((i) => `${i.path.map(String).join('.') || 'op'}: ${i.message}`)
				.join('; ');
			return reject(reason, null);
		}
		const conflict = conflictIn(parsed.data);
		if (conflict !== null) return reject(conflict, parsed.data);

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
		const ctx: ApplyContext = {
			trx,
			shopId,
			deviceId,
			op,
			receivedAt,
			newId,
			flags,
			facts,
			learnt
		};
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
		const stored = { shop_id: shopId, status, reason };
		if (applied.isDuplicateRecord !== undefined) {
			// The record is already here under another op: nothing is lost, nothing is doubled.
			return {
				result: { opId, status: 'duplicate', reason: applied.isDuplicateRecord },
				stored,
				learnt
			};
		}
		const result: OpResult = reason === null ? { opId, status } : { opId, status, reason };
		return { result, stored, learnt };
	});
}

/**
 * What makes a well-formed op impossible to record, named by field like a schema issue, or null.
 * Such an op is rejected like a malformed one: applied, it would break a primary key on every try
 * (a sale's or return's line ids key its lines; a trade-in's item ids become items).
 */
function conflictIn(op: Operation): string | null {
	if (op.kind === 'sale.completed' || op.kind === 'sale.returned') {
		return repeatIn(op.payload.lines, 'lineId', 'line id');
	}
	if (op.kind === 'trade_in.completed') return repeatIn(op.payload.lines, 'itemId', 'item id');
	return null;
}

/** The first line repeating an earlier line's `key`, as `payload.lines.N.key: …`, or null. */
function repeatIn<K extends string>(
	lines: readonly Record<K, string>[],
	key: K,
	what: string
): string | null {
	const first = new Map<string, number>();
	for (const [i, line] of lines.entries()) {
		const earlier = first.get(line[key]);
		if (earlier !== undefined) {
			return `payload.lines.${i}.${key}: repeats ${what} ${line[key]} of payload.lines.${earlier}`;
		}
		first.set(line[key], i);
	}
	return null;
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
	/** The push's facts to trust, or null to check everything in the transaction (see runOp). */
	facts: BatchFacts | null;
	learnt: Learnt;
};

/** Which of `itemIds` the shop has: those the facts know, and the rest looked up under the lock. */
async function knownItems(ctx: ApplyContext, itemIds: readonly string[]): Promise<Set<string>> {
	const known = new Set<string>();
	const unsure: string[] = [];
	for (const id of new Set(itemIds)) {
		if (ctx.facts?.items.has(id) === true) known.add(id);
		else unsure.push(id);
	}
	if (unsure.length === 0) return known;
	const rows = await ctx.trx
		.selectFrom('items')
		.select('id')
		.where('shop_id', '=', ctx.shopId)
		.where('id', 'in', unsure)
		.execute();
	for (const { id } of rows) {
		known.add(id);
		ctx.learnt.items.push(id);
	}
	return known;
}

/** The op that already recorded sale or return `id`, if one did. */
async function recordedBy(
	ctx: ApplyContext,
	table: 'sales' | 'returns',
	id: string
): Promise<string | undefined> {
	if (ctx.facts !== null) return ctx.facts[table].get(id);
	const row = await ctx.trx
		.selectFrom(table)
		.select('op_id')
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.op_id;
}

async function applySale(ctx: ApplyContext, sale: SaleRecord): Promise<Applied> {
	const { trx, shopId, deviceId, op, receivedAt, newId, flags } = ctx;
	const recordedByOp = await recordedBy(ctx, 'sales', sale.saleId);
	if (recordedByOp !== undefined) {
		return {
			serverSeq: null,
			isDuplicateRecord: `sale ${sale.saleId} is already recorded by op ${recordedByOp}`
		};
	}
	const known = await knownItems(
		ctx,
		sale.lines.map((l) => l.itemId)
	);
	const sold: SaleRecord['lines'] = [];
	for (const line of sale.lines) {
		if (known.has(line.itemId)) {
			sold.push(line);
			continue;
		}
		flags.push({
			kind: 'unknown_item',
			subject: sale.saleId,
			detail: { itemId: line.itemId, lineId: line.lineId, quantity: line.quantity }
		});
	}
	const { movements, changes } = await writeMovements(
		trx,
		shopId,
		sold.map((line) => ({
			itemId: line.itemId,
			delta: -line.quantity,
			reason: 'sale' as const,
			refKind: 'sale',
			refId: sale.saleId,
			at: receivedAt,
			by: deviceId
		}))
	);
	const onHandAfter = new Map<string, number>();
	sold.forEach((line, i) => onHandAfter.set(line.itemId, movements[i]!.onHand));
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
				tax_rate_ppm: l.taxRatePpm,
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
	// Each line's new level, then the sale: one reservation of seqs, one insert.
	const appended = await appendChanges(trx, shopId, [
		...changes,
		{
			entity: 'sale',
			entityId: sale.saleId,
			data: { ...sale, deviceId, isFlagged, flags: [...new Set(flags.map((f) => f.kind))] }
		}
	]);
	ctx.learnt.sales.push([sale.saleId, op.opId]);
	return { serverSeq: appended?.seq ?? null };
}

async function applyReturn(ctx: ApplyContext, ret: ReturnRecord): Promise<Applied> {
	const { trx, shopId, deviceId, op, receivedAt, newId, flags } = ctx;
	const recordedByOp = await recordedBy(ctx, 'returns', ret.returnId);
	if (recordedByOp !== undefined) {
		return {
			serverSeq: null,
			isDuplicateRecord: `return ${ret.returnId} is already recorded by op ${recordedByOp}`
		};
	}
	const known = await knownItems(
		ctx,
		ret.lines.map((l) => l.itemId)
	);
	const restocked: ReturnRecord['lines'] = [];
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
		if (line.restock) restocked.push(line);
	}
	const { changes } = await writeMovements(
		trx,
		shopId,
		restocked.map((line) => ({
			itemId: line.itemId,
			delta: line.quantity,
			reason: 'return' as const,
			refKind: 'return',
			refId: ret.returnId,
			at: receivedAt,
			by: deviceId
		}))
	);
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
	const appended = await appendChanges(trx, shopId, [
		...changes,
		{
			entity: 'return',
			entityId: ret.returnId,
			data: { ...ret, deviceId, isFlagged, flags: [...new Set(flags.map((f) => f.kind))] }
		}
	]);
	ctx.learnt.returns.push([ret.returnId, op.opId]);
	return { serverSeq: appended?.seq ?? null };
}

/**
 * A trade-in: each record bought becomes a used item (id made on the tablet) with one copy in
 * stock. A line whose item id is taken (in any shop) or whose tax class or release the server does
 * not know is flagged and gets no item: the cash was paid all the same, so the op is never refused
 * for it. Lines repeating an item id are refused before this (see conflictIn).
 */
async function applyTradeIn(ctx: ApplyContext, tradeIn: TradeInRecord): Promise<Applied> {
	const { trx, shopId, deviceId, receivedAt, flags } = ctx;
	const ids = tradeIn.lines.map((l) => l.itemId);
	const taken = await knownItems(ctx, ids);
	// Item ids key items across shops: an id another shop's item has is taken all the same.
	const unsure = ids.filter((id) => !taken.has(id));
	if (unsure.length > 0) {
		const elsewhere = await trx
			.selectFrom('items')
			.select('id')
			.where('id', 'in', unsure)
			.execute();
		for (const { id } of elsewhere) taken.add(id);
	}
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
	const placed: TradeInRecord['lines'] = [];
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
		placed.push(line);
	}
	// The trade-in as the register keeps it, so its store-credit voucher reaches every register.
	const isFlagged = flags.length > 0;
	const record = {
		entity: 'trade_in' as const,
		entityId: tradeIn.tradeInId,
		data: { ...tradeIn, deviceId, isFlagged, flags: [...new Set(flags.map((f) => f.kind))] }
	};
	if (placed.length === 0) {
		const appended = await appendChanges(trx, shopId, [record]);
		return { serverSeq: appended?.seq ?? null };
	}
	const items = new Map<string, Item>();
	for (const chunk of chunked(placed)) {
		const rows = await trx
			.insertInto('items')
			.values(
				chunk.map((line) => ({
					id: line.itemId,
					shop_id: shopId,
					release_id: line.releaseId,
					title: line.description,
					kind: 'used' as const,
					sku: null,
					price_cents: line.priceCents ?? 0,
					cost_cents: line.costBasisCents,
					tax_class_id: line.taxClassId,
					media_grade: line.mediaGrade,
					sleeve_grade: line.sleeveGrade,
					updated_at: receivedAt
				}))
			)
			.returningAll()
			.execute();
		for (const row of rows) items.set(row.id, row);
	}
	const { changes } = await writeMovements(
		trx,
		shopId,
		placed.map((line) => ({
			itemId: line.itemId,
			delta: 1,
			reason: 'trade_in' as const,
			refKind: 'trade_in',
			refId: tradeIn.tradeInId,
			at: receivedAt,
			by: deviceId
		}))
	);
	// Per record, as bought: the new item, then its one copy in stock; then the trade-in.
	const appended = await appendChanges(trx, shopId, [
		...placed.flatMap((line, i) => {
			const item = items.get(line.itemId);
			if (item === undefined) throw new Error(`traded-in item ${line.itemId} was not written`);
			return [
				{ entity: 'item' as const, entityId: item.id, data: itemSnapshot(item) },
				changes[i]!
			];
		}),
		record
	]);
	ctx.learnt.items.push(...placed.map((l) => l.itemId));
	return { serverSeq: appended?.seq ?? null };
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
