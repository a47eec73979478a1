import {
	agreementSnapshot,
	appendChange,
	itemSnapshot,
	labelSnapshot,
	recordMovement,
	releaseSnapshot,
	shopSnapshot,
	staffSnapshot,
	taxClassSnapshot,
	type Database,
	type Kysely,
	type Schema
} from '@deadwax/db';
import { barcodeKey, inStoreBarcode, normaliseCatalogNumber } from '@deadwax/core';
import { hashPin } from '@deadwax/sync';
import { readCatalogCsv, type CatalogRow } from './catalog-csv.ts';
import { seededRandom, type Random } from './prng.ts';
import { isPhysical, shelfFormat, type ShelfFormat } from './release-fields.ts';

/*
 * The demo shop: the real Discogs sample (tests/fixtures/discogs, CC0) as its catalog, with new
 * stock, used graded copies and consignment from three of the sample's own labels. No record is
 * invented; prices, quantities, grades and bins come from a seeded PRNG, so every install gets
 * the same shop.
 */

export const DEMO_SHOP_ID = 'demo';
export const DEMO_SHOP_NAME = 'Deadwax Demo Records';

/** Printed at startup so whoever runs `npm start` can sign in. */
export const DEMO_STAFF = [
	{ id: 'demo-owner', name: 'Ola Owner', role: 'owner', pin: '2468' },
	{ id: 'demo-manager', name: 'Mika Manager', role: 'manager', pin: '1357' },
	{ id: 'demo-clerk', name: 'Cleo Clerk', role: 'clerk', pin: '1234' }
] as const;

const TAX_CLASSES = [
	{ id: 'demo-records', name: 'Records (19 %)', ratePpm: 190000 },
	{ id: 'demo-merch', name: 'Merchandise (19 %)', ratePpm: 190000 },
	{ id: 'demo-zero', name: 'Zero-rated (0 %)', ratePpm: 0 }
] as const;

/** Labels of the sample with several physical releases each; their copies are on consignment. */
export const DEMO_CONSIGNORS = [
	{ labelId: 'label-jungle-cakes', name: 'Jungle Cakes', shareKind: 'percent', shareBp: 7000 },
	{ labelId: 'label-rasta-vibez', name: 'Rasta Vibez', shareKind: 'percent', shareBp: 6000 },
	{ labelId: 'label-svek', name: 'Svek', shareKind: 'fixed', shareCents: 700 }
] as const;

const NEW_STOCK_RELEASES = 300;
const USED_COPIES = 200;
const SEED = 0xdeadbeef;

/** Shelf prices of new copies, per format: a few real-looking price points each. */
const NEW_PRICES_CENTS: Readonly<Record<ShelfFormat, readonly number[]>> = {
	LP: [2199, 2499, 2799, 2999],
	'2xLP': [3199, 3499, 3999],
	'12"': [1199, 1299, 1499],
	'10"': [1099, 1299],
	'7"': [699, 799, 899],
	CD: [1299, 1499, 1699],
	Cassette: [999, 1199],
	'Box set': [6999, 8999, 11999],
	Other: [1999]
};

/** A mint used copy's price per format; lower grades take a share of it (USED_GRADE_PERCENT). */
const USED_MINT_CENTS: Readonly<Record<ShelfFormat, number>> = {
	LP: 2000,
	'2xLP': 2800,
	'12"': 1200,
	'10"': 1000,
	'7"': 600,
	CD: 800,
	Cassette: 600,
	'Box set': 5000,
	Other: 1000
};

/** Goldmine media grades, best first, with the share of the mint price each fetches. */
const USED_GRADE_PERCENT = [
	['M', 100],
	['NM', 90],
	['VG+', 70],
	['VG', 50],
	['G+', 35],
	['G', 25],
	['F', 15],
	['P', 10]
] as const;
/** How often each media grade turns up in a used bin (weights, same order as above). */
const GRADE_WEIGHTS = [3, 15, 30, 25, 12, 8, 4, 3];
const SLEEVE_ONLY = ['Generic', 'No Cover', 'Not Graded'] as const;

export interface DemoSummary {
	shopId: string;
	releases: number;
	barcodes: number;
	newItems: number;
	newCopies: number;
	usedItems: number;
	consignedItems: number;
	consignedCopies: number;
	labels: number;
	staff: number;
}

export interface SeedOptions {
	catalogPath: string;
	/** Server time as ISO-8601, stamped on every row. */
	now: string;
	/** PBKDF2 rounds for the demo PINs; only tests lower it. */
	pinIterations?: number;
}

/** True when the store hosts no shop yet: the demo is seeded only then. */
export async function hasNoShop(database: Database): Promise<boolean> {
	const row = await database.db.selectFrom('shops').select('id').limit(1).executeTakeFirst();
	return row === undefined;
}

/**
 * Seeds the demo shop in one transaction: all of it or none. Every copy enters through
 * recordMovement (receive / consign_in) and every entity write appends its snapshot to the
 * change feed, exactly as real writes do. Throws when the catalog CSV has a bad row.
 */
export async function seedDemoShop(database: Database, options: SeedOptions): Promise<DemoSummary> {
	const catalog = readCatalogCsv(options.catalogPath);
	const pinHashes = await Promise.all(
		DEMO_STAFF.map((s) =>
			hashPin(
				s.pin,
				options.pinIterations === undefined ? {} : { iterations: options.pinIterations }
			)
		)
	);
	return database.db.transaction().execute(async (trx) => {
		const seeder = new DemoSeeder(trx, options.now, seededRandom(SEED));
		await seeder.shop();
		await seeder.staff(pinHashes);
		await seeder.labels();
		const releases = await seeder.releases(catalog);
		await seeder.stock(releases);
		await trx
			.insertInto('audit_log')
			.values({
				id: 'demo-seeded',
				shop_id: DEMO_SHOP_ID,
				actor_kind: 'system',
				actor_id: null,
				action: 'demo.seeded',
				subject: DEMO_SHOP_ID,
				detail: JSON.stringify(seeder.summary),
				at: options.now
			})
			.execute();
		return seeder.summary;
	});
}

interface SeededRelease {
	id: string;
	row: CatalogRow;
	format: ShelfFormat;
}

class DemoSeeder {
	readonly summary: DemoSummary = {
		shopId: DEMO_SHOP_ID,
		releases: 0,
		barcodes: 0,
		newItems: 0,
		newCopies: 0,
		usedItems: 0,
		consignedItems: 0,
		consignedCopies: 0,
		labels: 0,
		staff: 0
	};
	readonly #trx: Kysely<Schema>;
	readonly #now: string;
	readonly #random: Random;

	constructor(trx: Kysely<Schema>, now: string, random: Random) {
		this.#trx = trx;
		this.#now = now;
		this.#random = random;
	}

	async shop(): Promise<void> {
		const shop = await this.#trx
			.insertInto('shops')
			.values({
				id: DEMO_SHOP_ID,
				name: DEMO_SHOP_NAME,
				currency: 'EUR',
				timezone: 'Europe/Berlin',
				locale: 'de-DE',
				tax_mode: 'inclusive',
				tax_rounding: 'line',
				created_at: this.#now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendChange(this.#trx, DEMO_SHOP_ID, 'shop', DEMO_SHOP_ID, shopSnapshot(shop));
		for (const c of TAX_CLASSES) {
			const row = await this.#trx
				.insertInto('tax_classes')
				.values({
					id: c.id,
					shop_id: DEMO_SHOP_ID,
					name: c.name,
					rate_ppm: c.ratePpm,
					updated_at: this.#now
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			await appendChange(this.#trx, DEMO_SHOP_ID, 'tax_class', c.id, taxClassSnapshot(row));
		}
	}

	async staff(pinHashes: readonly string[]): Promise<void> {
		for (const [i, s] of DEMO_STAFF.entries()) {
			const row = await this.#trx
				.insertInto('staff')
				.values({
					id: s.id,
					shop_id: DEMO_SHOP_ID,
					name: s.name,
					role: s.role,
					pin_hash: pinHashes[i]!,
					updated_at: this.#now
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			await appendChange(this.#trx, DEMO_SHOP_ID, 'staff', s.id, staffSnapshot(row));
			this.summary.staff++;
		}
	}

	async labels(): Promise<void> {
		for (const c of DEMO_CONSIGNORS) {
			const label = await this.#trx
				.insertInto('labels')
				.values({ id: c.labelId, name: c.name, contact: null, created_at: this.#now })
				.returningAll()
				.executeTakeFirstOrThrow();
			await appendChange(this.#trx, DEMO_SHOP_ID, 'label', c.labelId, labelSnapshot(label));
			const agreementId = `demo-agreement-${c.labelId.replace(/^label-/, '')}`;
			const agreement = await this.#trx
				.insertInto('consignment_agreements')
				.values({
					id: agreementId,
					shop_id: DEMO_SHOP_ID,
					label_id: c.labelId,
					share_kind: c.shareKind,
					share_bp: c.shareKind === 'percent' ? c.shareBp : null,
					share_cents: c.shareKind === 'fixed' ? c.shareCents : null,
					overrides: '{}',
					updated_at: this.#now
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			await appendChange(
				this.#trx,
				DEMO_SHOP_ID,
				'agreement',
				agreementId,
				agreementSnapshot(agreement)
			);
			this.summary.labels++;
		}
	}

	async releases(catalog: readonly CatalogRow[]): Promise<SeededRelease[]> {
		const seeded: SeededRelease[] = [];
		for (const row of catalog) {
			const id = `demo-rel-${row.discogsReleaseId}`;
			const format = shelfFormat(row.format, row.formatQty, row.formatDescriptions);
			const release = await this.#trx
				.insertInto('releases')
				.values({
					id,
					shop_id: DEMO_SHOP_ID,
					artist: row.artist,
					title: row.title,
					label: row.label,
					catno: row.catno,
					catno_key: row.catno === null ? null : normaliseCatalogNumber(row.catno),
					format,
					year: row.year,
					discogs_release_id: row.discogsReleaseId,
					genres: JSON.stringify(row.genres),
					updated_at: this.#now
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			// Stored as GTIN-14 keys (core's barcodeKey); Discogs often lists one barcode twice.
			const barcodes = [
				...new Set(row.barcodes.map(barcodeKey).filter((b): b is string => b !== null))
			];
			if (barcodes.length > 0) {
				await this.#trx
					.insertInto('release_barcodes')
					.values(barcodes.map((barcode) => ({ shop_id: DEMO_SHOP_ID, release_id: id, barcode })))
					.execute();
			}
			await appendChange(
				this.#trx,
				DEMO_SHOP_ID,
				'release',
				id,
				releaseSnapshot(release, barcodes)
			);
			this.summary.releases++;
			this.summary.barcodes += barcodes.length;
			seeded.push({ id, row, format });
		}
		return seeded;
	}

	async stock(releases: readonly SeededRelease[]): Promise<void> {
		const consignorOf = new Map<string, string>(DEMO_CONSIGNORS.map((c) => [c.name, c.labelId]));
		const physical = releases.filter((r) => isPhysical(r.format));
		const consigned = physical.filter((r) => r.row.label !== null && consignorOf.has(r.row.label));
		const shopOwned = this.#random.shuffle(physical.filter((r) => !consigned.includes(r)));

		for (const release of consigned) {
			const labelId = consignorOf.get(release.row.label ?? '')!;
			const itemId = `demo-con-${String(this.summary.consignedItems + 1).padStart(4, '0')}`;
			await this.#item({
				id: itemId,
				release,
				kind: 'new',
				priceCents: this.#newPrice(release.format),
				costCents: null,
				labelId
			});
			const copies = this.#random.int(2, 10);
			await this.#receive(itemId, copies, 'consign_in');
			this.summary.consignedItems++;
			this.summary.consignedCopies += copies;
		}

		for (const release of shopOwned.slice(0, NEW_STOCK_RELEASES)) {
			const itemId = `demo-new-${String(this.summary.newItems + 1).padStart(4, '0')}`;
			const priceCents = this.#newPrice(release.format);
			// A shop buys new stock at roughly 60 % of shelf price.
			await this.#item({
				id: itemId,
				release,
				kind: 'new',
				priceCents,
				costCents: Math.round((priceCents * 6) / 10),
				labelId: null
			});
			const copies = this.#random.int(1, 8);
			await this.#receive(itemId, copies, 'receive');
			this.summary.newItems++;
			this.summary.newCopies += copies;
		}

		const usedPool = shopOwned.slice(NEW_STOCK_RELEASES, NEW_STOCK_RELEASES + USED_COPIES);
		for (const [i, release] of usedPool.entries()) {
			// The first eight copies take each grade once, so the whole scale is on the shelf.
			const gradeIndex = i < USED_GRADE_PERCENT.length ? i : this.#weightedGrade();
			const [mediaGrade, percent] = USED_GRADE_PERCENT[gradeIndex]!;
			const sleeveGrade = this.#sleeveGrade(i, gradeIndex);
			const priceCents = Math.max(
				100,
				Math.round((USED_MINT_CENTS[release.format] * percent) / 100 / 50) * 50
			);
			const itemId = `demo-used-${String(this.summary.usedItems + 1).padStart(4, '0')}`;
			await this.#item({
				id: itemId,
				release,
				kind: 'used',
				priceCents,
				costCents: Math.round((priceCents * 4) / 10),
				labelId: null,
				sku: inStoreBarcode(this.summary.usedItems + 1),
				mediaGrade,
				sleeveGrade,
				bin: `${this.#random.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])}-${this.#random.int(1, 40)}`
			});
			await this.#receive(itemId, 1, 'receive');
			this.summary.usedItems++;
		}
	}

	#newPrice(format: ShelfFormat): number {
		return this.#random.pick(NEW_PRICES_CENTS[format]);
	}

	#weightedGrade(): number {
		const total = GRADE_WEIGHTS.reduce((a, b) => a + b, 0);
		let roll = this.#random.int(1, total);
		for (const [index, weight] of GRADE_WEIGHTS.entries()) {
			roll -= weight;
			if (roll <= 0) return index;
		}
		return GRADE_WEIGHTS.length - 1;
	}

	/** Sleeves sit near the media grade; now and then generic, missing or ungraded. */
	#sleeveGrade(i: number, mediaIndex: number): string {
		if (i >= USED_GRADE_PERCENT.length && i < USED_GRADE_PERCENT.length + SLEEVE_ONLY.length) {
			return SLEEVE_ONLY[i - USED_GRADE_PERCENT.length]!;
		}
		if (this.#random.next() < 0.1) return this.#random.pick(SLEEVE_ONLY);
		const shifted = Math.min(
			USED_GRADE_PERCENT.length - 1,
			Math.max(0, mediaIndex + this.#random.int(-1, 1))
		);
		return USED_GRADE_PERCENT[shifted]![0];
	}

	async #item(item: {
		id: string;
		release: SeededRelease;
		kind: 'new' | 'used';
		priceCents: number;
		costCents: number | null;
		labelId: string | null;
		sku?: string;
		mediaGrade?: string;
		sleeveGrade?: string;
		bin?: string;
	}): Promise<void> {
		const row = await this.#trx
			.insertInto('items')
			.values({
				id: item.id,
				shop_id: DEMO_SHOP_ID,
				release_id: item.release.id,
				kind: item.kind,
				sku: item.sku ?? null,
				price_cents: item.priceCents,
				cost_cents: item.costCents,
				tax_class_id: 'demo-records',
				media_grade: item.mediaGrade ?? null,
				sleeve_grade: item.sleeveGrade ?? null,
				bin: item.bin ?? null,
				genre: item.release.row.genres[0] ?? null,
				label_id: item.labelId,
				updated_at: this.#now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendChange(this.#trx, DEMO_SHOP_ID, 'item', item.id, itemSnapshot(row));
	}

	async #receive(itemId: string, copies: number, reason: 'receive' | 'consign_in'): Promise<void> {
		await recordMovement(this.#trx, {
			shopId: DEMO_SHOP_ID,
			itemId,
			delta: copies,
			reason,
			refKind: 'seed',
			refId: 'demo',
			at: this.#now,
			by: 'seed'
		});
	}
}
