import {
	DomainError,
	inStoreBarcode,
	isMediaGrade,
	normaliseCatalogNumber,
	parseSleeveGrade,
	type SleeveGrade
} from '@deadwax/core';
import {
	readDiscogsInventory,
	releaseFormatOfDiscogs,
	writeDiscogsInventory,
	type DiscogsListing,
	type DiscogsStatus
} from '@deadwax/core/discogs';
import type {
	DiscogsImportOutcome,
	DiscogsStore,
	ImportProgress,
	OfficeActor
} from '@deadwax/sync';
import type { Insertable, Kysely } from 'kysely';
import { lockShopFeed } from '../change-feed.ts';
import type { ItemsTable, ReleasesTable, Schema } from '../schema.ts';
import { itemSnapshot, releaseSnapshot } from '../snapshots.ts';
import { recordAudit } from './audit.ts';
import { nextInStoreSerial } from './catalog-store.ts';
import type { OfficeDeps } from './deps.ts';
import { appendChanges, chunked, type PendingChange } from './feed.ts';

/** At most this many problems travel back to the office; `problemCount` still counts them all. */
export const MAX_REPORTED_PROBLEMS = 2000;
/** Uploads older than this are abandoned and deleted when the next one starts. */
const UPLOAD_TTL_MS = 24 * 60 * 60_000;
/** Largest upload, in chunks. */
export const MAX_UPLOAD_CHUNKS = 400;

/** The Discogs columns Deadwax keeps on an imported item, as JSON in items.discogs. */
export interface DiscogsExtras {
	format: string;
	status: DiscogsStatus | null;
	listed: string | null;
	acceptOffer: boolean | null;
	externalId: string;
	weightGrams: number | null;
	formatQuantity: number | null;
}

function extrasOf(listing: DiscogsListing): DiscogsExtras {
	return {
		format: listing.format,
		status: listing.status,
		listed: listing.listed,
		acceptOffer: listing.acceptOffer,
		externalId: listing.externalId,
		weightGrams: listing.weightGrams,
		formatQuantity: listing.formatQuantity
	};
}

/** `2026-03-01T10:00:00.000Z` → `2026-03-01 10:00:00`, as Discogs writes `listed`. */
export function discogsTime(iso: string): string {
	return iso.slice(0, 19).replace('T', ' ');
}

function textOrNull(text: string): string | null {
	return text === '' ? null : text;
}

/** Identity of a release without a Discogs id: the same artist, title, label, catalog number and format. */
function releaseKey(r: {
	artist: string;
	title: string;
	label: string | null;
	catno: string | null;
	format: string;
}): string {
	const catno = r.catno === null ? '' : (normaliseCatalogNumber(r.catno) ?? '');
	return [
		r.artist.toLowerCase(),
		r.title.toLowerCase(),
		(r.label ?? '').toLowerCase(),
		catno,
		r.format
	].join('\u0000');
}

interface ExistingItem {
	id: string;
	sku: string | null;
	discogs_listing_id: string | null;
	release_id: string | null;
	price_cents: number;
	media_grade: string | null;
	sleeve_grade: string | null;
	bin: string | null;
	notes: string | null;
	discogs: string | null;
	status: string;
	version: number;
}

export function createDiscogsStore({ db, now, newId }: OfficeDeps): DiscogsStore {
	async function defaultTaxClass(trx: Kysely<Schema>, shopId: string): Promise<string> {
		const used = await trx
			.selectFrom('items')
			.innerJoin('tax_classes', 'tax_classes.id', 'items.tax_class_id')
			.select((eb) => ['items.tax_class_id', eb.fn.countAll<number>().as('n')])
			.where('items.shop_id', '=', shopId)
			.where('items.kind', '=', 'used')
			.where('tax_classes.active', '=', 1)
			.groupBy('items.tax_class_id')
			.orderBy('n', 'desc')
			.orderBy('items.tax_class_id')
			.executeTakeFirst();
		if (used !== undefined) return used.tax_class_id;
		const any = await trx
			.selectFrom('tax_classes')
			.select('id')
			.where('shop_id', '=', shopId)
			.where('active', '=', 1)
			.orderBy('name')
			.executeTakeFirst();
		if (any === undefined) {
			throw new DomainError(
				'invalid_input',
				'the shop has no active tax class to put imported copies in; add one first'
			);
		}
		return any.id;
	}

	async function importListings(
		actor: OfficeActor,
		listings: readonly DiscogsListing[],
		onProgress: ImportProgress | undefined
	): Promise<DiscogsImportOutcome> {
		const at = now();
		const importId = newId();
		return db.transaction().execute(async (trx) => {
			await lockShopFeed(trx, actor.shopId);
			const taxClassId = await defaultTaxClass(trx, actor.shopId);

			const existingItems = await trx
				.selectFrom('items')
				.select([
					'id',
					'sku',
					'discogs_listing_id',
					'release_id',
					'price_cents',
					'media_grade',
					'sleeve_grade',
					'bin',
					'notes',
					'discogs',
					'status',
					'version'
				])
				.where('shop_id', '=', actor.shopId)
				.where((eb) => eb.or([eb('discogs_listing_id', 'is not', null), eb('sku', 'is not', null)]))
				.execute();
			const byListing = new Map<string, ExistingItem>();
			const bySku = new Map<string, ExistingItem>();
			for (const item of existingItems) {
				if (item.discogs_listing_id !== null) byListing.set(item.discogs_listing_id, item);
				if (item.sku !== null) bySku.set(item.sku, item);
			}
			const releases = await trx
				.selectFrom('releases')
				.select(['id', 'artist', 'title', 'label', 'catno', 'format', 'discogs_release_id'])
				.where('shop_id', '=', actor.shopId)
				.execute();
			const releaseByDiscogs = new Map<number, string>();
			const releaseByText = new Map<string, string>();
			for (const r of releases) {
				if (r.discogs_release_id !== null && !releaseByDiscogs.has(r.discogs_release_id)) {
					releaseByDiscogs.set(r.discogs_release_id, r.id);
				}
				const key = releaseKey(r);
				if (!releaseByText.has(key)) releaseByText.set(key, r.id);
			}

			let serial = await nextInStoreSerial(trx, actor.shopId);
			const newReleases: Insertable<ReleasesTable>[] = [];
			const newItems: Insertable<ItemsTable>[] = [];
			const newStock: { itemId: string; quantity: number }[] = [];
			const updates: { id: string; version: number; set: Partial<Insertable<ItemsTable>> }[] = [];
			let unchanged = 0;

			for (const listing of listings) {
				let releaseId =
					listing.releaseId === null ? undefined : releaseByDiscogs.get(listing.releaseId);
				const textKey = releaseKey({
					artist: listing.artist,
					title: listing.title,
					label: textOrNull(listing.label),
					catno: textOrNull(listing.catno),
					format: releaseFormatOfDiscogs(listing.format)
				});
				releaseId ??= listing.releaseId === null ? releaseByText.get(textKey) : undefined;
				if (releaseId === undefined) {
					releaseId = newId();
					const catno = textOrNull(listing.catno);
					newReleases.push({
						id: releaseId,
						shop_id: actor.shopId,
						artist: listing.artist,
						title: listing.title,
						label: textOrNull(listing.label),
						catno,
						catno_key: catno === null ? null : normaliseCatalogNumber(catno),
						format: releaseFormatOfDiscogs(listing.format),
						year: null,
						discogs_release_id: listing.releaseId,
						genres: '[]',
						updated_at: at
					});
					if (listing.releaseId !== null) releaseByDiscogs.set(listing.releaseId, releaseId);
					else releaseByText.set(textKey, releaseId);
				}
				const columns = {
					release_id: releaseId,
					price_cents: listing.priceCents,
					media_grade: listing.mediaGrade,
					sleeve_grade: listing.sleeveGrade,
					bin: textOrNull(listing.location),
					notes: textOrNull(listing.comments),
					discogs: JSON.stringify(extrasOf(listing))
				};
				const existing =
					listing.listingId !== null
						? byListing.get(listing.listingId)
						: bySku.get(listing.externalId);
				if (existing === undefined) {
					const id = newId();
					newItems.push({
						id,
						shop_id: actor.shopId,
						title: null,
						kind: 'used',
						sku: inStoreBarcode(serial++),
						cost_cents: null,
						tax_class_id: taxClassId,
						genre: null,
						label_id: null,
						discogs_listing_id: listing.listingId,
						...columns,
						updated_at: at
					});
					if (listing.quantity > 0) newStock.push({ itemId: id, quantity: listing.quantity });
					continue;
				}
				const isSame =
					existing.release_id === columns.release_id &&
					existing.price_cents === columns.price_cents &&
					existing.media_grade === columns.media_grade &&
					existing.sleeve_grade === columns.sleeve_grade &&
					existing.bin === columns.bin &&
					existing.notes === columns.notes &&
					existing.discogs === columns.discogs &&
					existing.status === 'active';
				if (isSame) unchanged++;
				else {
					updates.push({
						id: existing.id,
						version: existing.version,
						set: {
							...columns,
							status: 'active',
							...(listing.listingId === null ? {} : { discogs_listing_id: listing.listingId })
						}
					});
				}
			}

			const total = listings.length;
			let done = unchanged;
			const changes: PendingChange[] = [];
			for (const chunk of chunked(newReleases)) {
				const rows = await trx.insertInto('releases').values(chunk).returningAll().execute();
				for (const row of rows)
					changes.push({ entity: 'release', entityId: row.id, data: releaseSnapshot(row, []) });
			}
			for (const chunk of chunked(newItems)) {
				const rows = await trx.insertInto('items').values(chunk).returningAll().execute();
				for (const row of rows)
					changes.push({ entity: 'item', entityId: row.id, data: itemSnapshot(row) });
				done += chunk.length;
				onProgress?.(done, total);
			}
			for (const chunk of chunked(newStock)) {
				await trx
					.insertInto('stock_movements')
					.values(
						chunk.map((s) => ({
							id: newId(),
							shop_id: actor.shopId,
							item_id: s.itemId,
							delta: s.quantity,
							reason: 'receive' as const,
							ref_kind: 'discogs_import',
							ref_id: importId,
							at,
							by: actor.staffId
						}))
					)
					.execute();
				// New items have no level row yet, so a plain insert is the ledger's upsert here.
				await trx
					.insertInto('stock_levels')
					.values(
						chunk.map((s) => ({ shop_id: actor.shopId, item_id: s.itemId, on_hand: s.quantity }))
					)
					.execute();
				for (const s of chunk)
					changes.push({
						entity: 'stock',
						entityId: s.itemId,
						data: { itemId: s.itemId, onHand: s.quantity }
					});
			}
			for (const update of updates) {
				const row = await trx
					.updateTable('items')
					.set({ ...update.set, version: update.version + 1, updated_at: at })
					.where('id', '=', update.id)
					.returningAll()
					.executeTakeFirstOrThrow();
				changes.push({ entity: 'item', entityId: row.id, data: itemSnapshot(row) });
				done++;
				if (done % 500 === 0) onProgress?.(done, total);
			}
			await appendChanges(trx, actor.shopId, changes);
			const outcome = {
				ok: true as const,
				listings: total,
				created: newItems.length,
				updated: updates.length,
				unchanged,
				releasesCreated: newReleases.length
			};
			if (outcome.created + outcome.updated > 0) {
				await recordAudit(trx, {
					id: importId,
					shopId: actor.shopId,
					actorKind: actor.kind ?? 'staff',
					actorId: actor.staffId,
					action: 'discogs.imported',
					subject: importId,
					detail: { ...outcome, copies: newStock.reduce((sum, s) => sum + s.quantity, 0) },
					at
				});
			}
			onProgress?.(total, total);
			return outcome;
		});
	}

	async function importText(
		actor: OfficeActor,
		text: string,
		onProgress?: ImportProgress
	): Promise<DiscogsImportOutcome> {
		const shop = await db
			.selectFrom('shops')
			.select('currency')
			.where('id', '=', actor.shopId)
			.executeTakeFirst();
		if (shop === undefined) throw new DomainError('not_found', `No shop with id ${actor.shopId}`);
		const read = readDiscogsInventory(text, { currency: shop.currency });
		if (!read.ok) {
			return {
				ok: false,
				problems: read.problems.slice(0, MAX_REPORTED_PROBLEMS),
				problemCount: read.problems.length
			};
		}
		return importListings(actor, read.listings, onProgress);
	}

	return {
		importText: ({ actor, text, onProgress }) => importText(actor, text, onProgress),

		async exportText(shopId: string): Promise<string> {
			const shop = await db
				.selectFrom('shops')
				.select('currency')
				.where('id', '=', shopId)
				.executeTakeFirst();
			if (shop === undefined) throw new DomainError('not_found', `No shop with id ${shopId}`);
			const rows = await db
				.selectFrom('items')
				.innerJoin('stock_levels', (join) =>
					join
						.onRef('stock_levels.item_id', '=', 'items.id')
						.onRef('stock_levels.shop_id', '=', 'items.shop_id')
				)
				.leftJoin('releases', 'releases.id', 'items.release_id')
				// One pass over the ledger for every item's first arrival, not a lookup per row.
				.leftJoin(
					(eb) =>
						eb
							.selectFrom('stock_movements')
							.select((m) => ['item_id', m.fn.min('at').as('first')])
							.where('shop_id', '=', shopId)
							.where('delta', '>', 0)
							.groupBy('item_id')
							.as('first_in'),
					(join) => join.onRef('first_in.item_id', '=', 'items.id')
				)
				.select([
					'items.id',
					'items.title',
					'items.sku',
					'items.price_cents',
					'items.media_grade',
					'items.sleeve_grade',
					'items.bin',
					'items.notes',
					'items.discogs_listing_id',
					'items.discogs',
					'releases.artist',
					'releases.title as release_title',
					'releases.label',
					'releases.catno',
					'releases.format',
					'releases.discogs_release_id',
					'stock_levels.on_hand'
				])
				.select('first_in.first as first_in')
				.where('items.shop_id', '=', shopId)
				.where('items.kind', '=', 'used')
				.where('items.status', '=', 'active')
				.where('stock_levels.on_hand', '>', 0)
				.orderBy('items.id')
				.execute();
			const listings: DiscogsListing[] = [];
			for (const row of rows) {
				if (row.media_grade === null || !isMediaGrade(row.media_grade)) continue;
				const extras = row.discogs === null ? null : (JSON.parse(row.discogs) as DiscogsExtras);
				let sleeveGrade: SleeveGrade | null = null;
				if (row.sleeve_grade !== null) sleeveGrade = parseSleeveGrade(row.sleeve_grade);
				listings.push({
					listingId: row.discogs_listing_id,
					artist: row.artist ?? '',
					title: row.release_title ?? row.title ?? '',
					label: row.label ?? '',
					catno: row.catno ?? '',
					format: extras?.format ?? row.format ?? '',
					releaseId: row.discogs_release_id,
					status: extras === null ? 'For Sale' : extras.status,
					priceCents: row.price_cents,
					listed:
						extras === null
							? row.first_in == null
								? null
								: discogsTime(row.first_in)
							: extras.listed,
					comments: row.notes ?? '',
					mediaGrade: row.media_grade,
					sleeveGrade,
					acceptOffer: extras === null ? false : extras.acceptOffer,
					externalId: extras === null ? (row.sku ?? '') : extras.externalId,
					weightGrams: extras?.weightGrams ?? null,
					formatQuantity: extras === null ? 1 : extras.formatQuantity,
					location: row.bin ?? '',
					quantity: row.on_hand
				});
			}
			return writeDiscogsInventory(listings, { currency: shop.currency });
		},

		async startUpload({ actor, chunkCount }) {
			if (!Number.isSafeInteger(chunkCount) || chunkCount < 1 || chunkCount > MAX_UPLOAD_CHUNKS) {
				throw new DomainError(
					'invalid_input',
					`chunkCount must be a whole number from 1 to ${MAX_UPLOAD_CHUNKS} (got ${chunkCount})`
				);
			}
			const at = now();
			const id = newId();
			const staleBefore = new Date(Date.parse(at) - UPLOAD_TTL_MS).toISOString();
			await db.transaction().execute(async (trx) => {
				const stale = trx
					.selectFrom('import_uploads')
					.select('id')
					.where('created_at', '<', staleBefore);
				await trx.deleteFrom('import_upload_chunks').where('upload_id', 'in', stale).execute();
				await trx.deleteFrom('import_uploads').where('created_at', '<', staleBefore).execute();
				await trx
					.insertInto('import_uploads')
					.values({
						id,
						shop_id: actor.shopId,
						created_by: actor.staffId,
						created_at: at,
						chunk_count: chunkCount
					})
					.execute();
			});
			return { uploadId: id };
		},

		async putChunk({ actor, uploadId, index, text }) {
			const upload = await db
				.selectFrom('import_uploads')
				.select('chunk_count')
				.where('id', '=', uploadId)
				.where('shop_id', '=', actor.shopId)
				.executeTakeFirst();
			if (upload === undefined)
				throw new DomainError('not_found', `No upload with id ${uploadId}; start the import again`);
			if (!Number.isSafeInteger(index) || index < 0 || index >= upload.chunk_count) {
				throw new DomainError(
					'invalid_input',
					`index must be from 0 to ${upload.chunk_count - 1} (got ${index})`
				);
			}
			// A retried chunk replaces itself.
			await db
				.insertInto('import_upload_chunks')
				.values({ upload_id: uploadId, idx: index, text })
				.onConflict((oc) => oc.columns(['upload_id', 'idx']).doUpdateSet({ text }))
				.execute();
		},

		async commitUpload({ actor, uploadId, onProgress }) {
			const upload = await db
				.selectFrom('import_uploads')
				.select('chunk_count')
				.where('id', '=', uploadId)
				.where('shop_id', '=', actor.shopId)
				.executeTakeFirst();
			if (upload === undefined)
				throw new DomainError('not_found', `No upload with id ${uploadId}; start the import again`);
			const chunks = await db
				.selectFrom('import_upload_chunks')
				.select(['idx', 'text'])
				.where('upload_id', '=', uploadId)
				.orderBy('idx')
				.execute();
			if (chunks.length !== upload.chunk_count) {
				const have = new Set(chunks.map((c) => c.idx));
				const missing = Array.from({ length: upload.chunk_count }, (_, i) => i).filter(
					(i) => !have.has(i)
				);
				throw new DomainError(
					'invalid_input',
					`upload ${uploadId} is missing chunks ${missing.slice(0, 20).join(', ')}`
				);
			}
			const outcome = await importText(actor, chunks.map((c) => c.text).join(''), onProgress);
			await db.transaction().execute(async (trx) => {
				await trx.deleteFrom('import_upload_chunks').where('upload_id', '=', uploadId).execute();
				await trx.deleteFrom('import_uploads').where('id', '=', uploadId).execute();
			});
			return outcome;
		}
	};
}
