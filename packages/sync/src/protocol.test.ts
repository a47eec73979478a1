import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { operationSchema } from '@deadwax/core';
import { saleOp, saleRecord } from './testing/index.ts';
import {
	changesFor,
	chunkForPush,
	jsonBytes,
	MAX_PUSH_BYTES,
	PROTOCOL_VERSION,
	pullInputSchema,
	pullOutputSchema,
	pushInputSchema,
	pushOutputSchema
} from './protocol.ts';

/** Canonical JSON: object keys sorted, so the hash changes only when a schema does. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

test('pins PROTOCOL_VERSION to the wire schemas (bump it and add a history line when this fails)', () => {
	const wire = {
		operation: z.toJSONSchema(operationSchema, { io: 'input' }),
		pushInput: z.toJSONSchema(pushInputSchema, { io: 'input' }),
		pushOutput: z.toJSONSchema(pushOutputSchema, { io: 'input' }),
		pullInput: z.toJSONSchema(pullInputSchema, { io: 'input' }),
		pullOutput: z.toJSONSchema(pullOutputSchema, { io: 'input' })
	};
	const hash = createHash('sha256').update(canonical(wire)).digest('hex').slice(0, 16);
	expect({ PROTOCOL_VERSION, hash }).toEqual({ PROTOCOL_VERSION: 6, hash: 'ed66972be3a5cf5d' });
});

test('accepts a push of well-formed ops and refuses one over 100 ops, naming the limit', () => {
	const op = saleOp(saleRecord([{ itemId: 'a' }]));
	expect(pushInputSchema.safeParse({ protocolVersion: PROTOCOL_VERSION, ops: [op] }).success).toBe(
		true
	);
	const tooMany = pushInputSchema.safeParse({
		protocolVersion: PROTOCOL_VERSION,
		ops: Array.from({ length: 101 }, () => op)
	});
	expect(tooMany.error?.issues[0]?.message).toBe('ops must hold at most 100 operations per push');
});

test('lets a malformed op through the door so the server can park it instead of failing the batch', () => {
	const parsed = pushInputSchema.safeParse({
		protocolVersion: PROTOCOL_VERSION,
		ops: [{ opId: 'x', kind: 'sale.completed', payload: { nonsense: true } }]
	});
	expect(parsed.success).toBe(true);
});

test('refuses a push from another protocol version and says which one the server speaks', () => {
	const parsed = pushInputSchema.safeParse({ protocolVersion: 99, ops: [] });
	expect(parsed.error?.issues[0]?.message).toBe(
		`protocolVersion must be ${PROTOCOL_VERSION}, the server's (got 99); update this register`
	);
});

test('refuses a pull page larger than 1000', () => {
	expect(pullInputSchema.safeParse({ cursor: 0, limit: 1001 }).error?.issues[0]?.message).toBe(
		'limit must be ≤ 1000'
	);
});

test('splits ops into pushes under both the count and the byte limit, keeping their order', () => {
	const ops = Array.from({ length: 250 }, (_, i) => ({ opId: String(i), pad: 'x'.repeat(1000) }));
	const byCount = chunkForPush(ops);
	expect(byCount.map((b) => b.length)).toEqual([100, 100, 50]);
	const byBytes = chunkForPush(ops, { maxBytes: 10_000 });
	for (const batch of byBytes) expect(jsonBytes(batch)).toBeLessThanOrEqual(10_000);
	expect(byBytes.flat().map((o) => o.opId)).toEqual(ops.map((o) => o.opId));
	expect(chunkForPush(ops).every((b) => jsonBytes(b) <= MAX_PUSH_BYTES)).toBe(true);
});

test('serves a register that names no protocol (v4) its pull without trade-ins, moving its cursor past them', () => {
	const page = {
		changes: [
			{ seq: 1, entity: 'item' as const, entityId: 'u1', data: { id: 'u1' } },
			{ seq: 2, entity: 'trade_in' as const, entityId: 't1', data: { tradeInId: 't1' } }
		],
		cursor: 2,
		hasMore: false,
		highWater: 2
	};
	expect(changesFor(undefined, page)).toEqual({ ...page, changes: [page.changes[0]] });
	expect(changesFor(4, page).changes.map((c) => c.entity)).toEqual(['item']);
	expect(changesFor(PROTOCOL_VERSION, page)).toEqual(page);
	expect(pullInputSchema.safeParse({ cursor: 0, limit: 10 }).success).toBe(true);
});
