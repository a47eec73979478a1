import BetterSqlite3 from 'better-sqlite3';
import { createStores } from '@deadwax/db';
import { createTestStore, seedLabelLogin, seedLabelWorld } from '@deadwax/db/testing';
import { compared, median, round, type BenchContext, type Metric } from '../metric.ts';

const LINES = 50_000;
const ITEMS = 200;
const RUNS = 7;

async function timed(fn: () => unknown): Promise<number> {
	const runs: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await fn();
		runs.push(performance.now() - started);
	}
	return median(runs);
}

/**
 * The label portal's reads for a big label on SQLite: 50,000 sold copies over two years across
 * 200 releases at one shop (a small label sells far fewer). The dashboard (polled every 10 s while
 * a label has it open) against one raw grouped SUM of the same sale lines, the floor of any such
 * page; a month's statement (which reads the label's whole ledger for its opening balance)
 * against a raw SELECT of the same payable entries.
 */
export async function measure(ctx: BenchContext): Promise<Metric[]> {
	const store = await createTestStore('sqlite');
	try {
		const db = store.database.db;
		const w = await seedLabelWorld(db, 'bench');
		ctx.log(`  seeding ${LINES} sale lines`);
		await db.transaction().execute(async (trx) => {
			for (let i = 0; i < ITEMS; i++) {
				await trx
					.insertInto('releases')
					.values({
						id: `b-r${i}`,
						shop_id: w.shopA,
						artist: `Artist ${i}`,
						title: `Title ${i}`,
						label: null,
						catno: `SV ${i}`,
						catno_key: `SV${i}`,
						format: 'LP',
						year: 2020,
						discogs_release_id: null,
						genres: '[]',
						updated_at: '2024-01-01T00:00:00.000Z'
					})
					.execute();
				await trx
					.insertInto('items')
					.values({
						id: `b-i${i}`,
						shop_id: w.shopA,
						release_id: `b-r${i}`,
						title: null,
						kind: 'new',
						price_cents: 2000,
						tax_class_id: w.taxClassA,
						label_id: w.labelId,
						updated_at: '2024-01-01T00:00:00.000Z'
					})
					.execute();
				await trx
					.insertInto('stock_levels')
					.values({ shop_id: w.shopA, item_id: `b-i${i}`, on_hand: 10 })
					.execute();
			}
		});
		const start = Date.parse('2024-03-01T12:00:00Z');
		for (let batch = 0; batch < LINES / 500; batch++) {
			await db.transaction().execute(async (trx) => {
				const rows = Array.from({ length: 500 }, (_, j) => {
					const n = batch * 500 + j;
					const at = new Date(start + Math.floor((n / LINES) * 730) * 86_400_000).toISOString();
					return { n, id: `b-s${n}`, at };
				});
				await trx
					.insertInto('sales')
					.values(
						rows.map(({ n, id, at }) => ({
							id,
							shop_id: w.shopA,
							device_id: 'bench',
							op_id: id,
							receipt_no: `R${n}`,
							clerk_id: 'bench',
							currency: 'EUR',
							business_day: at.slice(0, 10),
							completed_at: at,
							subtotal_cents: 2000,
							discount_cents: 0,
							tax_cents: 0,
							total_cents: 2000,
							rounding_cents: 0,
							tenders: '[]',
							record: '{}',
							is_flagged: 0 as const,
							received_at: at
						}))
					)
					.execute();
				await trx
					.insertInto('sale_lines')
					.values(
						rows.map(({ n, id }) => ({
							sale_id: id,
							line_id: '1',
							shop_id: w.shopA,
							item_id: `b-i${n % ITEMS}`,
							release_id: `b-r${n % ITEMS}`,
							description: `Title ${n % ITEMS}`,
							kind: 'new',
							quantity: 1,
							unit_price_cents: 2000,
							discount_cents: 0,
							tax_class_id: w.taxClassA,
							tax_rate_ppm: 0,
							tax_cents: 0,
							total_cents: 2000,
							label_id: w.labelId,
							share_cents: 1000
						}))
					)
					.execute();
				await trx
					.insertInto('payable_entries')
					.values(
						rows.map(({ n, id, at }) => ({
							id: `b-e${n}`,
							shop_id: w.shopA,
							label_id: w.labelId,
							kind: 'sale' as const,
							amount_cents: 1000,
							ref_id: `${id}/1`,
							at
						}))
					)
					.execute();
			});
		}

		const viewer = await seedLabelLogin(db, {
			id: 'bench-login',
			labelId: w.labelId,
			shops: [w.shopA, w.shopB]
		});
		const { portal } = createStores(store.database, {
			now: () => '2026-03-10T12:00:00.000Z'
		}).labels;
		const dashboardMs = await timed(() =>
			portal.dashboard({ ...viewer, from: '2026-02-01', to: '2026-02-28' })
		);
		const statementMs = await timed(() =>
			portal.statement({
				...viewer,
				shopId: w.shopA,
				from: '2026-02-01',
				to: '2026-02-28'
			})
		);

		const raw = new BetterSqlite3(store.url.slice('file:'.length), { readonly: true });
		const grouped = raw.prepare(
			'SELECT l.shop_id, l.item_id, sum(l.quantity), sum(l.total_cents), sum(l.share_cents) FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE l.label_id = ? GROUP BY l.shop_id, l.item_id'
		);
		const entries = raw.prepare('SELECT * FROM payable_entries WHERE label_id = ? AND shop_id = ?');
		const rawGroupMs = await timed(() => grouped.all(w.labelId));
		const rawEntriesMs = await timed(() => entries.all(w.labelId, w.shopA));
		raw.close();

		ctx.log(
			`  dashboard ${round(dashboardMs)} ms (raw SUM ${round(rawGroupMs)} ms), statement ${round(statementMs)} ms (raw SELECT ${round(rawEntriesMs)} ms)`
		);
		return [
			compared({
				name: `Label dashboard, ${LINES.toLocaleString('en-US')} sold copies, SQLite, median (ms)`,
				value: round(dashboardMs),
				unit: 'ms',
				baseline: { name: 'raw grouped SUM of the same sale lines (ms)', value: round(rawGroupMs) },
				goal: { max: 1000 }
			}),
			compared({
				name: `Label statement for one month, ${LINES.toLocaleString('en-US')}-entry ledger, SQLite, median (ms)`,
				value: round(statementMs),
				unit: 'ms',
				baseline: {
					name: 'raw SELECT of the same payable entries (ms)',
					value: round(rawEntriesMs)
				},
				goal: { max: 2000 }
			})
		];
	} finally {
		await store.dispose();
	}
}
