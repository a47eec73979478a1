import { readCsvRows, readDiscogsInventory } from '@deadwax/core/discogs';
import { createStores } from '@deadwax/db';
import {
	createTestStore,
	discogsExportFromShopCsv,
	fixMisfiledGrades,
	scaleDiscogsExport,
	seedOfficeShop
} from '@deadwax/db/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compared, round, type BenchContext, type Metric } from '../metric.ts';
import { openRawSqlite } from '../raw-sqlite.ts';

const ROWS = 100_000;

/**
 * The office's Discogs import and export at 100,000 listings on SQLite, made from the real shop
 * inventory in tests/fixtures/discogs (747 listings cycled with fresh listing ids):
 * - import through the store (parse, check every row and column, one all-or-nothing transaction
 *   writing releases, items, ledger movements, levels and feed entries) against a raw papaparse
 *   parse of the same file, and against raw better-sqlite3 inserts of the same rows;
 * - re-importing the same file (idempotent: nothing written) against the same parse;
 * - export of the 100,000 copies against a raw SELECT of the same rows.
 */
export async function measure(ctx: BenchContext): Promise<Metric[]> {
	const real = readFileSync(
		join(ctx.root, 'tests/fixtures/discogs/lemezordog_discogs_inventory_via_api_unas_format.csv'),
		'utf8'
	);
	const file = scaleDiscogsExport(fixMisfiledGrades(discogsExportFromShopCsv(real)), ROWS, 'EUR');
	ctx.log(`  ${ROWS} listings, ${(file.length / 1e6).toFixed(1)} MB`);

	let started = performance.now();
	const parsedRows = readCsvRows(file).length - 2; // header and the final empty line
	const parseMs = performance.now() - started;
	if (parsedRows !== ROWS) throw new Error(`papaparse read ${parsedRows} rows, expected ${ROWS}`);
	started = performance.now();
	const checked = readDiscogsInventory(file, { currency: 'EUR' });
	const checkMs = performance.now() - started;
	if (!checked.ok) throw new Error('the generated file must be valid');

	const store = await createTestStore('sqlite');
	const raw = await createTestStore('sqlite');
	try {
		const f = await seedOfficeShop(store.database.db, {
			shopId: 'bench',
			now: () => '2026-03-01T10:00:00.000Z'
		});
		const discogs = createStores(store.database).office.discogs;
		ctx.log('  importing through the store');
		started = performance.now();
		const first = await discogs.importText({ actor: f.manager, text: file });
		const importMs = performance.now() - started;
		if (!first.ok || first.created !== ROWS)
			throw new Error(`import created ${first.ok ? first.created : 'nothing'}`);

		started = performance.now();
		const again = await discogs.importText({ actor: f.manager, text: file });
		const reimportMs = performance.now() - started;
		if (!again.ok || again.unchanged !== ROWS) throw new Error('re-import must change nothing');

		started = performance.now();
		const exported = await discogs.exportText('bench');
		const exportMs = performance.now() - started;
		if (exported !== file)
			throw new Error('the export must give back the imported file byte for byte');

		// Raw floor: the same rows as plain prepared inserts in one transaction, no checks, no feed JSON.
		await seedOfficeShop(raw.database.db, { shopId: 'bench' });
		const db = await openRawSqlite(raw);
		const release = db.prepare(
			"INSERT INTO releases (id, shop_id, artist, title, label, catno, format, genres, updated_at) VALUES (?, 'bench', ?, ?, ?, ?, 'LP', '[]', 'now')"
		);
		const item = db.prepare(
			"INSERT INTO items (id, shop_id, release_id, kind, sku, price_cents, tax_class_id, media_grade, sleeve_grade, bin, notes, discogs_listing_id, updated_at) VALUES (?, 'bench', ?, 'used', ?, ?, 'bench-records', ?, ?, ?, ?, ?, 'now')"
		);
		const move = db.prepare(
			"INSERT INTO stock_movements (id, shop_id, item_id, delta, reason, at) VALUES (?, 'bench', ?, ?, 'receive', 'now')"
		);
		const level = db.prepare(
			"INSERT INTO stock_levels (shop_id, item_id, on_hand) VALUES ('bench', ?, ?)"
		);
		const rawInsert = db.transaction(() => {
			checked.listings.forEach((l, i) => {
				const releaseId = `r${i}`;
				release.run(releaseId, l.artist, l.title, l.label, l.catno);
				item.run(
					`i${i}`,
					releaseId,
					String(2000000000000 + i),
					l.priceCents,
					l.mediaGrade,
					l.sleeveGrade,
					l.location,
					l.comments,
					l.listingId
				);
				move.run(`m${i}`, `i${i}`, l.quantity);
				level.run(`i${i}`, l.quantity);
			});
		});
		started = performance.now();
		rawInsert();
		const rawInsertMs = performance.now() - started;
		started = performance.now();
		const selected = db
			.prepare(
				"SELECT i.*, r.artist, r.title, r.label, r.catno, s.on_hand FROM items i JOIN stock_levels s ON s.item_id = i.id LEFT JOIN releases r ON r.id = i.release_id WHERE i.shop_id = 'bench' AND s.on_hand > 0 ORDER BY i.id"
			)
			.all().length;
		const rawSelectMs = performance.now() - started;
		db.close();
		if (selected !== ROWS) throw new Error(`raw select read ${selected} rows`);

		const perSec = (ms: number): number => round(ROWS / (ms / 1000), 0);
		ctx.log(
			`  import ${round(importMs / 1000, 1)} s (check alone ${round(checkMs / 1000, 2)} s), re-import ${round(reimportMs / 1000, 1)} s, export ${round(exportMs / 1000, 1)} s`
		);
		return [
			compared({
				name: 'Discogs import, 100,000 listings, SQLite: all checks and one transaction (rows/s)',
				value: perSec(importMs),
				unit: 'rows/s',
				baseline: { name: 'raw papaparse parse of the same file (rows/s)', value: perSec(parseMs) }
			}),
			compared({
				name: 'Discogs import, 100,000 listings, SQLite, against the database floor (rows/s)',
				value: perSec(importMs),
				unit: 'rows/s',
				baseline: {
					name: 'raw better-sqlite3 inserts of the same rows, one transaction (rows/s)',
					value: perSec(rawInsertMs)
				}
			}),
			compared({
				name: 'Discogs re-import of the same 100,000 listings: nothing written (rows/s)',
				value: perSec(reimportMs),
				unit: 'rows/s',
				baseline: { name: 'raw papaparse parse of the same file (rows/s)', value: perSec(parseMs) }
			}),
			compared({
				name: 'Discogs export of 100,000 used copies, byte-compatible (rows/s)',
				value: perSec(exportMs),
				unit: 'rows/s',
				baseline: { name: 'raw SELECT of the same rows (rows/s)', value: perSec(rawSelectMs) }
			})
		];
	} finally {
		await store.dispose();
		await raw.dispose().catch(() => undefined);
	}
}
