import { sql, type Kysely, type Migration } from 'kysely';

/*
 * Tax rates move from whole basis points to parts per million, so a rate like New York City's
 * 8.875 % (88750 ppm) fits: tax_classes.rate_bp becomes rate_ppm and sale_lines.tax_rate_bp
 * becomes tax_rate_ppm, each × 100. The JSON that carries rates is rewritten the same way: each
 * sale's frozen record (lines' taxRateBp → taxRatePpm) and the change feed's tax class and sale
 * snapshots, so a register pulling the feed from the start only ever sees ppm.
 *
 * `down` divides by 100 and rounds half away from zero, so a rate that needs ppm is approximated.
 */

type Json = Record<string, unknown>;

/** A sale record or sale snapshot with its lines' taxRateBp as taxRatePpm (ppm → bp when `toBp`). */
function convertSale(sale: Json, toBp: boolean): Json {
	const lines = Array.isArray(sale.lines) ? (sale.lines as Json[]) : [];
	return { ...sale, lines: lines.map((line) => convertKey(line, 'taxRate', toBp)) };
}

/** Renames `${stem}Bp` to `${stem}Ppm` (× 100), or back (÷ 100, rounded) when `toBp`. */
function convertKey(row: Json, stem: string, toBp: boolean): Json {
	const [from, to] = toBp ? [`${stem}Ppm`, `${stem}Bp`] : [`${stem}Bp`, `${stem}Ppm`];
	const value = row[from];
	if (typeof value !== 'number') return row;
	const { [from]: _old, ...rest } = row;
	return { ...rest, [to]: toBp ? Math.round(value / 100) : value * 100 };
}

async function convertJson(db: Kysely<unknown>, toBp: boolean): Promise<void> {
	const marker = toBp ? '%Ppm%' : '%Bp%';
	const sales = await sql<{ id: string; record: string }>`
		select id, record from sales where record like ${marker}
	`.execute(db);
	for (const row of sales.rows) {
		const record = JSON.stringify(convertSale(JSON.parse(row.record) as Json, toBp));
		await sql`update sales set record = ${record} where id = ${row.id}`.execute(db);
	}
	const changes = await sql<{
		shop_id: string;
		seq: number | string;
		entity: string;
		data: string;
	}>`
		select shop_id, seq, entity, data from changes
		where entity in ('tax_class', 'sale') and data is not null and data like ${marker}
	`.execute(db);
	for (const row of changes.rows) {
		const parsed = JSON.parse(row.data) as Json;
		const data = JSON.stringify(
			row.entity === 'sale' ? convertSale(parsed, toBp) : convertKey(parsed, 'rate', toBp)
		);
		await sql`
			update changes set data = ${data} where shop_id = ${row.shop_id} and seq = ${row.seq}
		`.execute(db);
	}
}

export const taxPpm: Migration = {
	async up(db: Kysely<unknown>): Promise<void> {
		await db.schema.alterTable('tax_classes').renameColumn('rate_bp', 'rate_ppm').execute();
		await sql`update tax_classes set rate_ppm = rate_ppm * 100`.execute(db);
		await db.schema.alterTable('sale_lines').renameColumn('tax_rate_bp', 'tax_rate_ppm').execute();
		await sql`update sale_lines set tax_rate_ppm = tax_rate_ppm * 100`.execute(db);
		await convertJson(db, false);
	},

	async down(db: Kysely<unknown>): Promise<void> {
		await convertJson(db, true);
		// (x + 50) / 100 in integer arithmetic: rates are ≥ 0, so this rounds half up.
		await sql`update sale_lines set tax_rate_ppm = (tax_rate_ppm + 50) / 100`.execute(db);
		await db.schema.alterTable('sale_lines').renameColumn('tax_rate_ppm', 'tax_rate_bp').execute();
		await sql`update tax_classes set rate_ppm = (rate_ppm + 50) / 100`.execute(db);
		await db.schema.alterTable('tax_classes').renameColumn('rate_ppm', 'rate_bp').execute();
	}
};
