import { operationSchema, type Operation } from '@deadwax/core';
import type { SyncTransport } from '../client/transport.ts';
import { SyncRejectedError } from '../client/transport.ts';
import { changesFor } from '../protocol.ts';
import type {
	Change,
	OpResult,
	PullInput,
	PullOutput,
	PushOutput,
	PushRequest
} from '../protocol.ts';
import { returnStockDeltas, saleStockDeltas } from '../outbox.ts';

/**
 * A reference server in memory with the production semantics that matter to the client: each op
 * applied at most once (opId key), malformed ops parked as `rejected`, sales never refused (stock
 * may go negative, flagged), and a gap-free change feed. For unit tests of the sync engine.
 */
export class MemorySyncServer {
	readonly levels = new Map<string, number>();
	readonly changes: Change[] = [];
	readonly applied = new Map<string, OpResult>();
	readonly sales = new Map<string, Operation>();
	readonly returns = new Map<string, Operation>();
	readonly oversells: { saleId: string; itemId: string }[] = [];
	#revoked = new Set<string>();

	/** Sets an item's stock as a receive would, appending its level to the feed. */
	receive(itemId: string, quantity: number): void {
		this.#move(itemId, quantity);
	}

	revoke(deviceId: string): void {
		this.#revoked.add(deviceId);
	}

	push(deviceId: string, request: PushRequest): PushOutput {
		if (this.#revoked.has(deviceId)) {
			throw new SyncRejectedError('device_revoked', 'device_revoked: this register was revoked');
		}
		const results = request.ops.map((raw) => this.#apply(raw as unknown));
		return { results, serverTime: new Date(0).toISOString() };
	}

	pull(deviceId: string, { cursor, limit, protocolVersion }: PullInput): PullOutput {
		if (this.#revoked.has(deviceId)) {
			throw new SyncRejectedError('device_revoked', 'device_revoked: this register was revoked');
		}
		const changes = this.changes.filter((c) => c.seq > cursor).slice(0, limit);
		const last = changes.at(-1)?.seq ?? cursor;
		const highWater = this.changes.length;
		return changesFor(protocolVersion, {
			changes,
			cursor: last,
			hasMore: last < highWater,
			highWater
		});
	}

	/** A transport that calls this server in-process as `deviceId`. */
	transport(deviceId: string): SyncTransport {
		return {
			push: (request) =>
				Promise.resolve().then(() => this.push(deviceId, structuredClone(request))),
			pull: (request) => Promise.resolve().then(() => structuredClone(this.pull(deviceId, request)))
		};
	}

	#apply(raw: unknown): OpResult {
		const opId = (raw as { opId: string }).opId;
		const stored = this.applied.get(opId);
		if (stored) return { opId, status: 'duplicate', reason: `already ${stored.status}` };
		const parsed = operationSchema.safeParse(raw);
		if (!parsed.success) {
			const result: OpResult = {
				opId,
				status: 'rejected',
				reason: parsed.error.issues[0]?.message ?? 'invalid'
			};
			this.applied.set(opId, result);
			return result;
		}
		const op = parsed.data;
		let isFlagged = false;
		if (op.kind === 'sale.completed') {
			for (const { itemId, delta } of saleStockDeltas(op.payload)) {
				if (this.#move(itemId, delta) < 0) {
					isFlagged = true;
					this.oversells.push({ saleId: op.payload.saleId, itemId });
				}
			}
			this.sales.set(op.payload.saleId, op);
			this.#append('sale', op.payload.saleId, { ...op.payload });
		} else if (op.kind === 'sale.returned') {
			for (const { itemId, delta } of returnStockDeltas(op.payload)) this.#move(itemId, delta);
			this.returns.set(op.payload.returnId, op);
			this.#append('return', op.payload.returnId, { ...op.payload });
		} else if (op.kind === 'trade_in.completed') {
			for (const line of op.payload.lines) this.#move(line.itemId, 1);
			this.#append('trade_in', op.payload.tradeInId, { ...op.payload });
		}
		const result: OpResult = { opId, status: isFlagged ? 'flagged' : 'applied' };
		this.applied.set(opId, result);
		return result;
	}

	#move(itemId: string, delta: number): number {
		const onHand = (this.levels.get(itemId) ?? 0) + delta;
		this.levels.set(itemId, onHand);
		this.#append('stock', itemId, { itemId, onHand });
		return onHand;
	}

	#append(entity: Change['entity'], entityId: string, data: Record<string, unknown>): void {
		this.changes.push({ seq: this.changes.length + 1, entity, entityId, data });
	}
}

export type Faults = {
	/** Probability that a request never reaches the server. */
	dropRequest?: number;
	/** Probability that the server applies a request but its response is lost. */
	dropResponse?: number;
	/** Probability that a request is delivered twice (the second copy's response is discarded). */
	duplicate?: number;
};

/** Wraps a transport with network faults drawn from `random`; a lost message throws like fetch does. */
export function faultyTransport(
	inner: SyncTransport,
	faults: Faults,
	random: () => number
): SyncTransport {
	const deliver = async <I, O>(call: (input: I) => Promise<O>, input: I): Promise<O> => {
		if (random() < (faults.dropRequest ?? 0)) throw new TypeError('fetch failed (request dropped)');
		const output = await call(input);
		if (random() < (faults.duplicate ?? 0)) await call(input);
		if (random() < (faults.dropResponse ?? 0))
			throw new TypeError('fetch failed (response dropped)');
		return output;
	};
	return {
		push: (request) => deliver((r) => inner.push(r), request),
		pull: (request) => deliver((r) => inner.pull(r), request)
	};
}
