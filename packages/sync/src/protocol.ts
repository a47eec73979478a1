import { z } from 'zod';
import type { Operation } from '@deadwax/core';

/** Bump when an older peer could misread a message. Deploy the server before the registers. */
export const PROTOCOL_VERSION = 6;
// History:
// 1: push of opId-keyed operations with per-op results; pull of the per-shop change feed by seq.
// 2: op kinds trade_in.completed, shift.opened, cash.moved and shift.closed (a v1 server parks them as rejected).
// 3: op kinds stock.received, stock.counted, consignment.received and consignment.returned (office stock documents).
// 4: stock.counted lines carry the device's pendingDelta, so a count after an offline delivery is exact.
// 5: the change feed carries 'trade_in' (store-credit vouchers reach every register); a pull names its
//    protocolVersion, and a pull without one (a v4 register) is served without the newer entities.
// 6: tax rates in parts per million (sale lines' taxRatePpm, tax classes' ratePpm) so 8.875 % fits. The server
//    still applies a sale line with the v5 taxRateBp (read × 100) that an updated register finds in its outbox.

/** A push carries at most this many operations… */
export const MAX_PUSH_OPS = 100;
/** …and at most this many bytes of JSON-encoded operations (a sale bigger than this alone is refused at the till). */
export const MAX_PUSH_BYTES = 256 * 1024;
/** Largest page a pull may ask for. */
export const MAX_PULL_LIMIT = 1000;

/** Byte length of a value as it travels in a JSON body. */
export function jsonBytes(value: unknown): number {
	return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * One pushed operation as the wire accepts it: only the opId is checked at the door, so a single
 * malformed op is recorded by the server as `rejected` data instead of failing the whole batch and
 * stalling the outbox behind it. The server validates the rest with core's `operationSchema`.
 */
export const pushedOpSchema = z.looseObject({
	opId: z
		.string({ error: 'opId must be a string (a UUIDv7 made on the tablet)' })
		.min(1, { error: 'opId must not be empty' })
		.max(64, { error: 'opId is too long (max 64 characters)' })
});

export const pushInputSchema = z.object({
	protocolVersion: z
		.number({ error: 'protocolVersion must be a number' })
		.int()
		.refine((v) => v === PROTOCOL_VERSION, {
			error: (issue) =>
				`protocolVersion must be ${PROTOCOL_VERSION}, the server's (got ${String(issue.input)}); update this register`
		}),
	ops: z
		.array(pushedOpSchema)
		.max(MAX_PUSH_OPS, { error: `ops must hold at most ${MAX_PUSH_OPS} operations per push` })
		.refine((ops) => jsonBytes(ops) <= MAX_PUSH_BYTES, {
			error: `ops must be at most ${MAX_PUSH_BYTES} bytes of JSON per push; split the batch`
		})
});

export const opStatusSchema = z.enum(['applied', 'duplicate', 'flagged', 'rejected']);

export const opResultSchema = z.object({
	opId: z.string(),
	/**
	 * applied: effects written. duplicate: this opId was seen before; nothing applied again.
	 * flagged: applied, and a review flag was raised (oversell, unknown item, clock skew).
	 * rejected: structurally invalid; recorded with its reason, no effects. Never stalls the queue.
	 */
	status: opStatusSchema,
	reason: z.string().optional()
});

export const pushOutputSchema = z.object({
	results: z.array(opResultSchema),
	/** Server clock, so the tablet can estimate its own drift. */
	serverTime: z.string()
});

export const pullInputSchema = z.object({
	cursor: z
		.number({ error: 'cursor must be a number (the last seq this register applied, 0 at first)' })
		.int({ error: 'cursor must be a whole number' })
		.min(0, { error: 'cursor must be ≥ 0' }),
	limit: z
		.number({ error: 'limit must be a number' })
		.int({ error: 'limit must be a whole number' })
		.min(1, { error: 'limit must be ≥ 1' })
		.max(MAX_PULL_LIMIT, { error: `limit must be ≤ ${MAX_PULL_LIMIT}` }),
	/** The register's PROTOCOL_VERSION (since 5); absent from older registers. See `changesFor`. */
	protocolVersion: z.number({ error: 'protocolVersion must be a number' }).int().optional()
});

/** Entities in the per-shop change feed. Each change carries the entity's full new snapshot. */
export const changeEntitySchema = z.enum([
	'shop',
	'tax_class',
	'staff',
	'release',
	'item',
	'stock',
	'label',
	'agreement',
	'sale',
	'return',
	'trade_in'
]);

/**
 * The protocol version that introduced each entity added after the first: a register that speaks
 * an older protocol would not know where to keep it, so its pulls are served without it.
 */
export const ENTITY_SINCE: Readonly<Partial<Record<ChangeEntity, number>>> = { trade_in: 5 };

/**
 * The page as a register speaking `protocolVersion` (absent: 4, the last version without it) may
 * see it: changes of entities newer than that are left out, the cursor still moves past them.
 */
export function changesFor(protocolVersion: number | undefined, page: PullOutput): PullOutput {
	const version = protocolVersion ?? 4;
	const isKnown = (c: Change) => (ENTITY_SINCE[c.entity] ?? 0) <= version;
	return page.changes.every(isKnown) ? page : { ...page, changes: page.changes.filter(isKnown) };
}

export const changeSchema = z.object({
	seq: z.number().int().min(1),
	entity: changeEntitySchema,
	entityId: z.string(),
	/** The full new snapshot, or null when the entity was deleted. */
	data: z.record(z.string(), z.unknown()).nullable()
});

export const pullOutputSchema = z.object({
	changes: z.array(changeSchema),
	/** Pass this back as the next cursor: the seq of the last change returned (or the one sent). */
	cursor: z.number().int().min(0),
	hasMore: z.boolean(),
	/** The shop's latest seq when the page was read: `highWater - cursor` changes remain. */
	highWater: z.number().int().min(0)
});

/** The snapshot a 'stock' change carries (entityId is the item id). */
export const stockSnapshotSchema = z.looseObject({ onHand: z.number().int() });

export type PushInput = z.infer<typeof pushInputSchema>;
export type OpStatus = z.infer<typeof opStatusSchema>;
export type OpResult = z.infer<typeof opResultSchema>;
export type PushOutput = z.infer<typeof pushOutputSchema>;
export type PullInput = z.infer<typeof pullInputSchema>;
export type ChangeEntity = z.infer<typeof changeEntitySchema>;
export type Change = z.infer<typeof changeSchema>;
export type PullOutput = z.infer<typeof pullOutputSchema>;

/** What a register sends: well-formed operations (the wire is looser on purpose, see `pushedOpSchema`). */
export type PushRequest = { protocolVersion: number; ops: Operation[] };

/**
 * Errors the server raises on sync calls that retrying cannot fix. The API puts the code first in
 * the message (`device_revoked: …`) so any client can tell them from a network failure.
 */
export type SyncErrorCode = 'device_revoked' | 'device_unknown' | 'protocol_mismatch';

export const SYNC_ERROR_CODES: readonly SyncErrorCode[] = [
	'device_revoked',
	'device_unknown',
	'protocol_mismatch'
];

/** Splits operations into pushes that respect MAX_PUSH_OPS and MAX_PUSH_BYTES, keeping order. */
export function chunkForPush<T>(
	ops: readonly T[],
	{ maxOps = MAX_PUSH_OPS, maxBytes = MAX_PUSH_BYTES } = {}
): T[][] {
	const batches: T[][] = [];
	let batch: T[] = [];
	// The JSON array costs 2 bytes for brackets plus 1 per separating comma.
	let bytes = 2;
	for (const op of ops) {
		const size = jsonBytes(op);
		const added = batch.length === 0 ? size : size + 1;
		if (batch.length > 0 && (batch.length >= maxOps || bytes + added > maxBytes)) {
			batches.push(batch);
			batch = [];
			bytes = 2;
		}
		bytes += batch.length === 0 ? size : size + 1;
		batch.push(op);
	}
	if (batch.length > 0) batches.push(batch);
	return batches;
}
