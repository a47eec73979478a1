import { Dexie } from 'dexie';
import type { Operation } from '@deadwax/core';
import {
	newOutboxEntry,
	sumDeltas,
	type Outbox,
	type OutboxEntry,
	type StockDelta
} from '../outbox.ts';
import type { DeadwaxDb } from './db.ts';

const inState = (state: OutboxEntry['state']) =>
	[
		[state, Dexie.minKey],
		[state, Dexie.maxKey]
	] as const;

/**
 * The outbox in the register's IndexedDB. Every method runs in its own transaction, or joins the
 * caller's when called inside `db.transaction(…)` that includes the outbox table (LocalStore does
 * this so a sale and its op commit together).
 */
export class DexieOutbox implements Outbox {
	readonly #db: DeadwaxDb;

	constructor(db: DeadwaxDb) {
		this.#db = db;
	}

	async enqueue(op: Operation, stockDeltas: readonly StockDelta[]): Promise<void> {
		await this.#db.transaction('rw', this.#db.outbox, async () => {
			if ((await this.#db.outbox.get(op.opId)) === undefined) {
				await this.#db.outbox.add(newOutboxEntry(op, stockDeltas));
			}
		});
	}

	pending(limit: number): Promise<OutboxEntry[]> {
		const [lower, upper] = inState('pending');
		return this.#db.outbox.where('[state+deviceSeq]').between(lower, upper).limit(limit).toArray();
	}

	async markAcked(opIds: readonly string[]): Promise<void> {
		await this.#db.outbox
			.where('opId')
			.anyOf([...opIds])
			.and((e) => e.state === 'pending')
			.modify({ state: 'acked' });
	}

	async markRejected(opId: string, reason: string): Promise<void> {
		await this.#db.outbox
			.where('opId')
			.equals(opId)
			.and((e) => e.state === 'pending')
			.modify({ state: 'rejected', reason });
	}

	async ackedIds(): Promise<string[]> {
		const [lower, upper] = inState('acked');
		const keys = await this.#db.outbox
			.where('[state+deviceSeq]')
			.between(lower, upper)
			.primaryKeys();
		return keys;
	}

	async purgeAcked(opIds: readonly string[]): Promise<void> {
		if (opIds.length === 0) return;
		await this.#db.outbox
			.where('opId')
			.anyOf([...opIds])
			.and((e) => e.state === 'acked')
			.delete();
	}

	async stockDeltas(itemIds?: readonly string[]): Promise<Map<string, number>> {
		if (itemIds === undefined) return sumDeltas(await this.#db.outbox.toArray());
		const entries = await this.#db.outbox
			.where('itemIds')
			.anyOf([...itemIds])
			.distinct()
			.toArray();
		return sumDeltas(entries, new Set(itemIds));
	}

	async stats(): Promise<{ pendingCount: number; oldestPending: OutboxEntry | undefined }> {
		const [lower, upper] = inState('pending');
		return this.#db.transaction('r', this.#db.outbox, async () => {
			const range = this.#db.outbox.where('[state+deviceSeq]').between(lower, upper);
			return { pendingCount: await range.count(), oldestPending: await range.first() };
		});
	}

	rejected(): Promise<OutboxEntry[]> {
		const [lower, upper] = inState('rejected');
		return this.#db.outbox.where('[state+deviceSeq]').between(lower, upper).toArray();
	}
}
