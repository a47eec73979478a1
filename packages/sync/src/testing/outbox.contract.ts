import { describe, expect, test } from 'vitest';
import type { Outbox } from '../outbox.ts';
import { saleOp, saleRecord } from './fixtures.ts';

function op(deviceSeq: number, itemId = 'item-a', quantity = 1) {
	return saleOp(saleRecord([{ itemId, quantity }]), { deviceSeq });
}

/** The behaviour every Outbox must have. Call once per implementation with a factory of empty outboxes. */
export function outboxContract(name: string, create: () => Promise<Outbox>): void {
	describe(`Outbox contract: ${name}`, () => {
		test('hands pending ops back lowest deviceSeq first, whatever the insertion order', async () => {
			const outbox = await create();
			const [a, b, c] = [op(2), op(1), op(3)];
			for (const o of [a, b, c]) await outbox.enqueue(o, []);
			const pending = await outbox.pending(10);
			expect(pending.map((e) => e.deviceSeq)).toEqual([1, 2, 3]);
			expect(pending[0]!.op).toEqual(b);
		});

		test('respects the limit when peeking', async () => {
			const outbox = await create();
			for (let seq = 1; seq <= 5; seq++) await outbox.enqueue(op(seq), []);
			expect((await outbox.pending(2)).map((e) => e.deviceSeq)).toEqual([1, 2]);
		});

		test('keeps one entry when the same opId is enqueued twice', async () => {
			const outbox = await create();
			const o = op(1);
			await outbox.enqueue(o, [{ itemId: 'item-a', delta: -1 }]);
			await outbox.enqueue(o, [{ itemId: 'item-a', delta: -1 }]);
			expect(await outbox.pending(10)).toHaveLength(1);
			expect((await outbox.stockDeltas()).get('item-a')).toBe(-1);
		});

		test('stops handing out acked ops but keeps counting their stock until purged', async () => {
			const outbox = await create();
			const [a, b] = [op(1), op(2)];
			await outbox.enqueue(a, [{ itemId: 'item-a', delta: -1 }]);
			await outbox.enqueue(b, [{ itemId: 'item-a', delta: -2 }]);
			await outbox.markAcked([a.opId]);
			expect((await outbox.pending(10)).map((e) => e.opId)).toEqual([b.opId]);
			expect(await outbox.ackedIds()).toEqual([a.opId]);
			expect((await outbox.stockDeltas(['item-a'])).get('item-a')).toBe(-3);
			await outbox.purgeAcked([a.opId]);
			expect(await outbox.ackedIds()).toEqual([]);
			expect((await outbox.stockDeltas(['item-a'])).get('item-a')).toBe(-2);
		});

		test('ignores acks of unknown ids and never purges a pending op', async () => {
			const outbox = await create();
			const a = op(1);
			await outbox.enqueue(a, []);
			await outbox.markAcked(['00000000-0000-7000-8000-000000000000']);
			await outbox.purgeAcked([a.opId]);
			expect((await outbox.pending(10)).map((e) => e.opId)).toEqual([a.opId]);
		});

		test('parks a rejected op with its reason, out of the queue and out of the stock view', async () => {
			const outbox = await create();
			const [a, b] = [op(1), op(2)];
			await outbox.enqueue(a, [{ itemId: 'item-a', delta: -1 }]);
			await outbox.enqueue(b, [{ itemId: 'item-a', delta: -1 }]);
			await outbox.markRejected(a.opId, 'payload.lines: a sale needs at least one line');
			expect((await outbox.pending(10)).map((e) => e.opId)).toEqual([b.opId]);
			const rejected = await outbox.rejected();
			expect(rejected.map((e) => [e.opId, e.reason])).toEqual([
				[a.opId, 'payload.lines: a sale needs at least one line']
			]);
			expect((await outbox.stockDeltas()).get('item-a')).toBe(-1);
			await outbox.purgeAcked([a.opId]);
			expect(await outbox.rejected()).toHaveLength(1);
		});

		test('sums deltas per item and filters to the items asked for', async () => {
			const outbox = await create();
			await outbox.enqueue(op(1), [
				{ itemId: 'item-a', delta: -1 },
				{ itemId: 'item-b', delta: -2 }
			]);
			await outbox.enqueue(op(2), [{ itemId: 'item-b', delta: 1 }]);
			expect(await outbox.stockDeltas()).toEqual(
				new Map([
					['item-a', -1],
					['item-b', -1]
				])
			);
			expect(await outbox.stockDeltas(['item-b'])).toEqual(new Map([['item-b', -1]]));
		});

		test('reports the pending count and the oldest pending op', async () => {
			const outbox = await create();
			expect(await outbox.stats()).toEqual({ pendingCount: 0, oldestPending: undefined });
			const [a, b, c] = [op(1), op(2), op(3)];
			for (const o of [a, b, c]) await outbox.enqueue(o, []);
			await outbox.markAcked([a.opId]);
			const stats = await outbox.stats();
			expect(stats.pendingCount).toBe(2);
			expect(stats.oldestPending?.opId).toBe(b.opId);
		});
	});
}
