import { uuidv7 } from 'uuidv7';
import {
	cashMovedSchema,
	operationSchema,
	returnRecordSchema,
	saleRecordSchema,
	shiftClosedSchema,
	shiftOpenedSchema,
	tradeInRecordSchema,
	type CashMoved,
	type Operation,
	type ReturnRecord,
	type SaleRecord,
	type ShiftClosed,
	type ShiftOpened,
	type TradeInRecord
} from '@deadwax/core';
import { returnStockDeltas, saleStockDeltas, type StockDelta } from '../outbox.ts';
import { jsonBytes, MAX_PUSH_BYTES, type ChangeEntity, type PullOutput } from '../protocol.ts';
import { ENTITY_TABLES, type DeadwaxDb, type StockLevelRow } from './db.ts';
import { DexieOutbox } from './dexie-outbox.ts';

/** What pairing gave this register. The token authenticates every sync call. */
export type DeviceIdentity = {
	deviceId: string;
	deviceCode: string;
	shopId: string;
	token: string;
};

export type LocalStoreOptions = {
	/** Milliseconds since the epoch; injected so tests control deviceTime. */
	now?: () => number;
	/** Makes opIds; UUIDv7 by default. */
	newId?: () => string;
};

type MetaKey = 'device' | 'deviceSeq' | 'receiptSeq' | 'cursor' | 'highWater' | 'lastSyncAt';

/** Raised when the register is asked to do something it cannot: the message says what to fix. */
export class LocalStoreError extends Error {
	override readonly name = 'LocalStoreError';
}

/**
 * The register's local writes and reads. A sale, its stock effect and its outbox op are written in
 * ONE Dexie transaction, so a receipt never shows for a sale the sync loop could miss. Stock shown
 * = the server's last level + the deltas of ops the server has not reflected back yet.
 */
export class LocalStore {
	readonly db: DeadwaxDb;
	readonly outbox: DexieOutbox;
	readonly #now: () => number;
	readonly #newId: () => string;
	readonly #listeners = new Set<() => void>();

	constructor(db: DeadwaxDb, { now = () => Date.now(), newId = uuidv7 }: LocalStoreOptions = {}) {
		this.db = db;
		this.outbox = new DexieOutbox(db);
		this.#now = now;
		this.#newId = newId;
	}

	/** Calls `listener` after each committed local write that queued an op. Returns an unsubscribe. */
	onChange(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	async device(): Promise<DeviceIdentity | undefined> {
		return (await this.#meta('device')) as DeviceIdentity | undefined;
	}

	/** Stores the identity from pairing. Re-pairing after a revoke keeps every queued op. */
	async setDevice(identity: DeviceIdentity): Promise<void> {
		await this.db.meta.put({ key: 'device', value: identity });
	}

	/** The next receipt number of this register, e.g. "K7-000142": unique with no network. */
	async nextReceiptNo(): Promise<string> {
		return this.db.transaction('rw', this.db.meta, async () => {
			const device = await this.#requireDevice();
			const seq = ((await this.#meta('receiptSeq')) as number | undefined) ?? 0;
			await this.db.meta.put({ key: 'receiptSeq', value: seq + 1 });
			return `${device.deviceCode}-${String(seq + 1).padStart(6, '0')}`;
		});
	}

	/**
	 * Records a completed sale and queues its `sale.completed` op, atomically. Throws
	 * LocalStoreError, changing nothing, when the sale is malformed, already recorded, too large to
	 * push, or the register is not paired.
	 */
	async recordSale(sale: SaleRecord): Promise<Operation> {
		const parsed = saleRecordSchema.safeParse(sale);
		if (!parsed.success) throw new LocalStoreError(`sale is invalid: ${describe(parsed.error)}`);
		return this.#record('sale.completed', parsed.data, saleStockDeltas(parsed.data), async () => {
			if ((await this.db.sales.get(sale.saleId)) !== undefined) {
				throw new LocalStoreError(`sale ${sale.saleId} (${sale.receiptNo}) is already recorded`);
			}
			await this.db.sales.add({ ...parsed.data, origin: 'local' });
		});
	}

	/** Records a return and queues its `sale.returned` op, atomically. Throws like recordSale. */
	async recordReturn(ret: ReturnRecord): Promise<Operation> {
		const parsed = returnRecordSchema.safeParse(ret);
		if (!parsed.success) throw new LocalStoreError(`return is invalid: ${describe(parsed.error)}`);
		return this.#record('sale.returned', parsed.data, returnStockDeltas(parsed.data), async () => {
			if ((await this.db.returns.get(ret.returnId)) !== undefined) {
				throw new LocalStoreError(`return ${ret.returnId} (${ret.receiptNo}) is already recorded`);
			}
			await this.db.returns.add({ ...parsed.data, origin: 'local' });
		});
	}

	/**
	 * Records a trade-in and queues its `trade_in.completed` op, atomically; each record bought
	 * counts one copy of its new used item until the server's level includes it. Throws like recordSale.
	 */
	async recordTradeIn(tradeIn: TradeInRecord): Promise<Operation> {
		const parsed = tradeInRecordSchema.safeParse(tradeIn);
		if (!parsed.success)
			throw new LocalStoreError(`trade-in is invalid: ${describe(parsed.error)}`);
		const deltas = parsed.data.lines.map((l) => ({ itemId: l.itemId, delta: 1 }));
		return this.#record('trade_in.completed', parsed.data, deltas, async () => {
			if ((await this.db.tradeIns.get(tradeIn.tradeInId)) !== undefined) {
				throw new LocalStoreError(`trade-in ${tradeIn.tradeInId} is already recorded`);
			}
			await this.db.tradeIns.add({ ...parsed.data, origin: 'local' });
		});
	}

	/** Opens a till shift and queues `shift.opened`. Throws LocalStoreError while another is open. */
	async recordShiftOpened(shift: ShiftOpened): Promise<Operation> {
		const parsed = shiftOpenedSchema.safeParse(shift);
		if (!parsed.success) throw new LocalStoreError(`shift is invalid: ${describe(parsed.error)}`);
		return this.#record('shift.opened', parsed.data, [], async () => {
			const open = await this.db.shifts.filter((s) => s.closed === null).first();
			if (open !== undefined) {
				throw new LocalStoreError(`shift ${open.shiftId} is still open; close it first`);
			}
			await this.db.shifts.add({ ...parsed.data, closed: null });
		});
	}

	/** Records a paid-in, paid-out or no-sale and queues `cash.moved`. Throws unless its shift is open. */
	async recordCashMoved(move: CashMoved): Promise<Operation> {
		const parsed = cashMovedSchema.safeParse(move);
		if (!parsed.success)
			throw new LocalStoreError(`cash move is invalid: ${describe(parsed.error)}`);
		return this.#record('cash.moved', parsed.data, [], async () => {
			const shift = await this.db.shifts.get(move.shiftId);
			if (shift === undefined || shift.closed !== null) {
				throw new LocalStoreError(`shift ${move.shiftId} is not open; open a shift first`);
			}
			await this.db.cashMoves.add(parsed.data);
		});
	}

	/** Closes a shift with its counted cash and Z report and queues `shift.closed`. */
	async recordShiftClosed(closed: ShiftClosed): Promise<Operation> {
		const parsed = shiftClosedSchema.safeParse(closed);
		if (!parsed.success)
			throw new LocalStoreError(`shift close is invalid: ${describe(parsed.error)}`);
		return this.#record('shift.closed', parsed.data, [], async () => {
			const shift = await this.db.shifts.get(closed.shiftId);
			if (shift === undefined || shift.closed !== null) {
				throw new LocalStoreError(`shift ${closed.shiftId} is not open`);
			}
			await this.db.shifts.put({ ...shift, closed: parsed.data });
		});
	}

	/**
	 * Queues an op whose only local record is the outbox entry itself (a drawer count, a paid-out),
	 * validated against core's operationSchema. Sales and returns go through recordSale/recordReturn,
	 * which also keep their own rows.
	 */
	async recordOperation<K extends Operation['kind']>(
		kind: K,
		payload: Extract<Operation, { kind: K }>['payload'],
		stockDeltas: StockDelta[] = []
	): Promise<Operation> {
		return this.#record(kind, payload, stockDeltas, () => Promise.resolve());
	}

	/** The payload is checked by operationSchema inside, so it is typed loosely here. */
	async #record(
		kind: Operation['kind'],
		payload: unknown,
		stockDeltas: StockDelta[],
		writeEffect: () => Promise<void>
	): Promise<Operation> {
		const op = await this.db.transaction(
			'rw',
			[
				this.db.meta,
				this.db.sales,
				this.db.returns,
				this.db.tradeIns,
				this.db.shifts,
				this.db.cashMoves,
				this.db.outbox
			],
			async () => {
				const device = await this.#requireDevice();
				const deviceSeq = (((await this.#meta('deviceSeq')) as number | undefined) ?? 0) + 1;
				const op = operationSchema.parse({
					opId: this.#newId(),
					deviceId: device.deviceId,
					deviceSeq,
					deviceTime: new Date(this.#now()).toISOString(),
					kind,
					payload
				});
				const bytes = jsonBytes([op]);
				if (bytes > MAX_PUSH_BYTES) {
					throw new LocalStoreError(
						`${kind} is ${bytes} bytes, over the ${MAX_PUSH_BYTES}-byte push limit; split it into smaller receipts`
					);
				}
				await writeEffect();
				await this.db.meta.put({ key: 'deviceSeq', value: deviceSeq });
				await this.outbox.enqueue(op, stockDeltas);
				return op;
			}
		);
		for (const listener of this.#listeners) listener();
		return op;
	}

	/** On-hand shown for one item: the server's last level plus this register's unreflected deltas. */
	async stockOf(itemId: string): Promise<number> {
		return this.db.transaction('r', [this.db.stockLevels, this.db.outbox], async () => {
			const level = await this.db.stockLevels.get(itemId);
			const deltas = await this.outbox.stockDeltas([itemId]);
			return (level?.onHand ?? 0) + (deltas.get(itemId) ?? 0);
		});
	}

	/** On-hand of every item this register knows, as `stockOf` computes it. */
	async stockView(): Promise<Map<string, number>> {
		return this.db.transaction('r', [this.db.stockLevels, this.db.outbox], async () => {
			const view = new Map<string, number>();
			for (const level of await this.db.stockLevels.toArray()) view.set(level.itemId, level.onHand);
			for (const [itemId, delta] of await this.outbox.stockDeltas()) {
				view.set(itemId, (view.get(itemId) ?? 0) + delta);
			}
			return view;
		});
	}

	/** The last server seq applied here; 0 before the first pull. */
	async cursor(): Promise<number> {
		return ((await this.#meta('cursor')) as number | undefined) ?? 0;
	}

	/** The shop's latest seq as of the last page pulled. */
	async highWater(): Promise<number> {
		return ((await this.#meta('highWater')) as number | undefined) ?? 0;
	}

	async lastSyncAt(): Promise<number | null> {
		return ((await this.#meta('lastSyncAt')) as number | undefined) ?? null;
	}

	async setLastSyncAt(at: number): Promise<void> {
		await this.db.meta.put({ key: 'lastSyncAt', value: at });
	}

	/**
	 * Applies one pulled page atomically: every snapshot, the new cursor, and (on the page that
	 * catches up) the purge of acked ops whose effects the pulled levels now include. Changes at or
	 * below the stored cursor are skipped, so a replayed or stale page changes nothing.
	 */
	async applyPage(page: PullOutput, purgeAcked: readonly string[] = []): Promise<void> {
		const db = this.db;
		const tables = [...Object.values(ENTITY_TABLES).map((t) => db[t]), db.meta, db.outbox];
		await db.transaction('rw', tables, async () => {
			const cursor = await this.cursor();
			if (page.cursor < cursor) return;
			type Latest = Map<string, { seq: number; data: Record<string, unknown> | null }>;
			const latest = new Map<ChangeEntity, Latest>();
			for (const change of page.changes) {
				if (change.seq <= cursor) continue;
				// An entity this register has no table for (a newer server's) is passed over, not a failed page.
				if (!Object.hasOwn(ENTITY_TABLES, change.entity)) continue;
				let byId = latest.get(change.entity);
				if (!byId) latest.set(change.entity, (byId = new Map() as Latest));
				byId.set(change.entityId, { seq: change.seq, data: change.data });
			}
			for (const [entity, byId] of latest) {
				const puts: Record<string, unknown>[] = [];
				const putIds: string[] = [];
				const deletes: string[] = [];
				for (const [id, { seq, data }] of byId) {
					if (data === null) {
						deletes.push(id);
					} else {
						puts.push(toRow(entity, id, seq, data));
						putIds.push(id);
					}
				}
				const table = db[ENTITY_TABLES[entity]] as unknown as {
					bulkGet(keys: string[]): Promise<({ origin?: unknown } | undefined)[]>;
					bulkPut(rows: unknown[]): Promise<unknown>;
					bulkDelete(keys: string[]): Promise<void>;
				};
				if (puts.length > 0 && RECORDED_HERE.has(entity)) {
					// The server's copy of a record rung up here replaces it under the same key (never
					// counted twice) and stays 'local': this register's shift report counts it.
					const existing = await table.bulkGet(putIds);
					existing.forEach((row, i) => {
						if (row?.origin === 'local') puts[i]!['origin'] = 'local';
					});
				}
				if (puts.length > 0) await table.bulkPut(puts);
				if (deletes.length > 0) await table.bulkDelete(deletes);
			}
			await db.meta.bulkPut([
				{ key: 'cursor', value: page.cursor },
				{ key: 'highWater', value: page.highWater }
			]);
			await this.outbox.purgeAcked(purgeAcked);
		});
	}

	async #requireDevice(): Promise<DeviceIdentity> {
		const device = await this.device();
		if (!device)
			throw new LocalStoreError(
				'this register is not paired yet; pair it with a code from the office'
			);
		return device;
	}

	async #meta(key: MetaKey): Promise<unknown> {
		return (await this.db.meta.get(key))?.value;
	}
}

/** Entities a register also records itself: their rows say where they came from (`origin`). */
const RECORDED_HERE: ReadonlySet<ChangeEntity> = new Set(['sale', 'return', 'trade_in']);

/** The local row for a pulled snapshot: keyed by the change's entityId, stock reduced to its level. */
function toRow(
	entity: ChangeEntity,
	id: string,
	seq: number,
	data: Record<string, unknown>
): Record<string, unknown> {
	switch (entity) {
		case 'stock': {
			const row: StockLevelRow = { itemId: id, onHand: Number(data['onHand'] ?? 0), seq };
			return row;
		}
		case 'sale':
			return { ...data, saleId: id, origin: 'server' };
		case 'return':
			return { ...data, returnId: id, origin: 'server' };
		case 'trade_in':
			return { ...data, tradeInId: id, origin: 'server' };
		case 'shop':
		case 'tax_class':
		case 'staff':
		case 'release':
		case 'item':
		case 'label':
		case 'agreement':
			return { ...data, id };
	}
}

function describe(error: {
	issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
	return error.issues
		.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
		.join('; ');
}
