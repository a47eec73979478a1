import { createStores } from '@deadwax/db';
import { createTestStore, seedSyncShop } from '@deadwax/db/testing';
import { saleOp, saleRecord } from '@deadwax/sync/testing';
import { compared, round, type BenchContext, type Metric } from '../metric.ts';
import { openRawSqlite } from '../raw-sqlite.ts';

const OPS = 5_000;
const BATCH = 100;
const ITEMS = 200;
const AT = '2026-03-01T10:00:00.000Z';
/** What writeOp below runs per op: movement, level, two seq bumps, two feed entries, sale, line, op. */
const RAW_STATEMENTS_PER_OP = 9;

/**
 * Server push apply on SQLite: 5,000 one-line sales pushed in batches of 100 through the real
 * applyPush (opId check, ledger movement and level, sale rows, two feed entries, one transaction
 * per op), against raw better-sqlite3 prepared inserts of the same rows with the same
 * one-transaction-per-op and the same pragmas, on a fresh copy of the same schema. Then one more
 * batch through a store that counts the statements Kysely sends (BEGIN and COMMIT aside), beside
 * the raw writer's statements per op.
 */
export async function measure(ctx: BenchContext): Promise<Metric[]> {
	const items = Object.fromEntries(
		Array.from({ length: ITEMS }, (_, i) => [`push-${i}`, 1_000_000])
	);
	/** A one-line sale of one of the items, as a tablet pushes it. */
	const saleOfItem = (i: number) =>
		saleOp(
			saleRecord([{ itemId: `push-${i % ITEMS}`, unitPriceCents: 1999 }], { completedAt: AT }),
			{ deviceId: 'bench', deviceSeq: i + 1, deviceTime: AT }
		);
	const ops = Array.from({ length: OPS }, (_, i) => saleOfItem(i));

	const applied = await createTestStore('sqlite');
	const raw = await createTestStore('sqlite');
	try {
		await seedSyncShop(applied.database.db, { shopId: 'push', items });
		await seedSyncShop(raw.database.db, { shopId: 'push', items });
		const { sync } = createStores(applied.database, { now: () => AT });
		ctx.log(`  applying ${OPS} ops through applyPush`);
		let started = performance.now();
		for (let i = 0; i < OPS; i += BATCH) {
			await sync.push({ shopId: 'push', deviceId: 'bench', ops: ops.slice(i, i + BATCH) });
		}
		const appliedOpsPerSec = OPS / ((performance.now() - started) / 1000);

		let statements = 0;
		const counting = applied.database.db.withPlugin({
			transformQuery: ({ node }) => {
				statements++;
				return node;
			},
			transformResult: ({ result }) => Promise.resolve(result)
		});
		const counted = createStores({ ...applied.database, db: counting }, { now: () => AT });
		const more = Array.from({ length: BATCH }, (_, i) => saleOfItem(OPS + i));
		await counted.sync.push({ shopId: 'push', deviceId: 'bench', ops: more });
		const statementsPerOp = statements / BATCH;

		const db = await openRawSqlite(raw);
		const bump = db.prepare(
			'UPDATE shops SET change_seq = change_seq + 1 WHERE id = ? RETURNING change_seq'
		);
		const insertOp = db.prepare(
			'INSERT INTO applied_ops (op_id, shop_id, device_id, device_seq, kind, server_seq, status, reason, payload, device_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)'
		);
		const insertMove = db.prepare(
			"INSERT INTO stock_movements (id, shop_id, item_id, delta, reason, ref_kind, ref_id, at, by) VALUES (?, ?, ?, ?, 'sale', 'sale', ?, ?, ?)"
		);
		const upsertLevel = db.prepare(
			'INSERT INTO stock_levels (shop_id, item_id, on_hand) VALUES (?, ?, ?) ON CONFLICT (shop_id, item_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand RETURNING on_hand'
		);
		const insertChange = db.prepare(
			'INSERT INTO changes (shop_id, seq, entity, entity_id, data) VALUES (?, ?, ?, ?, ?)'
		);
		const insertSale = db.prepare(
			'INSERT INTO sales (id, shop_id, device_id, op_id, receipt_no, clerk_id, currency, business_day, completed_at, subtotal_cents, discount_cents, tax_cents, total_cents, rounding_cents, tenders, record, is_flagged, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)'
		);
		const insertLine = db.prepare(
			'INSERT INTO sale_lines (sale_id, line_id, shop_id, item_id, release_id, description, kind, quantity, unit_price_cents, discount_cents, tax_class_id, tax_rate_ppm, tax_cents, total_cents, label_id, share_cents) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)'
		);
		const writeOp = db.transaction((op: (typeof ops)[number]) => {
			const sale = op.payload;
			const line = sale.lines[0]!;
			insertMove.run(
				crypto.randomUUID(),
				'push',
				line.itemId,
				-line.quantity,
				sale.saleId,
				AT,
				'bench'
			);
			const { on_hand } = upsertLevel.get('push', line.itemId, -line.quantity) as {
				on_hand: number;
			};
			const stockSeq = (bump.get('push') as { change_seq: number }).change_seq;
			insertChange.run(
				'push',
				stockSeq,
				'stock',
				line.itemId,
				JSON.stringify({ itemId: line.itemId, onHand: on_hand })
			);
			insertSale.run(
				sale.saleId,
				'push',
				'bench',
				op.opId,
				sale.receiptNo,
				sale.clerkId,
				sale.currency,
				sale.businessDay,
				sale.completedAt,
				sale.subtotalCents,
				sale.discountCents,
				sale.taxCents,
				sale.totalCents,
				sale.roundingCents,
				JSON.stringify(sale.tenders),
				JSON.stringify(sale),
				AT
			);
			insertLine.run(
				sale.saleId,
				line.lineId,
				'push',
				line.itemId,
				line.description,
				line.kind,
				line.quantity,
				line.unitPriceCents,
				line.discountCents,
				line.taxClassId,
				line.taxRatePpm,
				line.taxCents,
				line.totalCents
			);
			const saleSeq = (bump.get('push') as { change_seq: number }).change_seq;
			insertChange.run('push', saleSeq, 'sale', sale.saleId, JSON.stringify(sale));
			insertOp.run(
				op.opId,
				'push',
				'bench',
				op.deviceSeq,
				op.kind,
				saleSeq,
				'applied',
				JSON.stringify(op),
				op.deviceTime,
				AT
			);
		});
		const rawOps = ops.map((op) => ({
			...op,
			opId: crypto.randomUUID(),
			payload: { ...op.payload, saleId: crypto.randomUUID() }
		}));
		ctx.log(`  inserting the same rows with raw better-sqlite3`);
		started = performance.now();
		for (const op of rawOps) writeOp(op);
		const rawOpsPerSec = OPS / ((performance.now() - started) / 1000);
		db.close();

		return [
			compared({
				name: 'sync: server push apply, SQLite, batches of 100',
				value: round(appliedOpsPerSec, 0),
				unit: 'ops/s',
				baseline: {
					name: 'raw better-sqlite3 inserts of the same rows',
					value: round(rawOpsPerSec, 0)
				}
			}),
			compared({
				name: 'sync: server push apply, statements per one-line sale (BEGIN, COMMIT aside)',
				value: round(statementsPerOp, 2),
				unit: 'statements',
				baseline: {
					name: 'raw better-sqlite3 statements per op',
					value: RAW_STATEMENTS_PER_OP
				},
				goal: { max: 8.05 }
			})
		];
	} finally {
		await applied.dispose();
		await raw.dispose().catch(() => undefined);
	}
}
