import {
	DomainError,
	classifyBarcode,
	describeCents,
	inStoreBarcode,
	normaliseCatalogNumber,
	parseBarcode,
	parseInStoreBarcode,
	parseMediaGrade,
	parseSleeveGrade
} from '@deadwax/core';
import { RELEASE_FORMATS } from '@deadwax/core/discogs';
import type {
	CatalogLists,
	CatalogStore,
	CodeMatch,
	ItemFields,
	ItemQuery,
	OfficeActor,
	ReleaseFields,
	ReleaseView
} from '@deadwax/sync';
import { sql, type Kysely } from 'kysely';
import { appendChange, lockShopFeed } from '../change-feed.ts';
import { recordMovement } from '../ledger.ts';
import type { Item, Release, Schema } from '../schema.ts';
import { itemSnapshot, releaseSnapshot } from '../snapshots.ts';
import { recordAudit } from './audit.ts';
import { staleEditError, type FieldLabel } from './conflict.ts';
import type { OfficeDeps } from './deps.ts';
import {
	barcodesOf,
	loadItemView,
	releaseStats,
	selectItemRows,
	toItemViews,
	toReleaseView
} from './views.ts';

/** A barcode as stored: 13 digits (UPC-A and EAN-8 zero-padded), or null when not valid. */
export function gtin13(text: string): string | null {
	const c = classifyBarcode(text);
	return c.kind === 'valid' ? c.gtin.slice(1) : null;
}

/** `%text%` for LIKE, with LIKE's own wildcards taken literally. */
function contains(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Trimmed text, or null when nothing is left. */
function optionalText(value: string | null): string | null {
	const trimmed = value?.trim() ?? '';
	return trimmed === '' ? null : trimmed;
}

/** Checks and normalises release fields; throws `invalid_input` naming the field. */
export function normaliseReleaseFields(fields: ReleaseFields): ReleaseFields {
	const artist = fields.artist.trim();
	const title = fields.title.trim();
	if (artist === '') throw new DomainError('invalid_input', 'artist must not be empty');
	if (title === '') throw new DomainError('invalid_input', 'title must not be empty');
	if (!(RELEASE_FORMATS as readonly string[]).includes(fields.format)) {
		throw new DomainError(
			'invalid_input',
			`format must be one of ${RELEASE_FORMATS.join(', ')} (got ${JSON.stringify(fields.format)})`
		);
	}
	const barcodes: string[] = [];
	fields.barcodes.forEach((text, index) => {
		try {
			parseBarcode(text);
		} catch (error) {
			if (error instanceof DomainError) {
				throw new DomainError('invalid_input', `barcodes[${index}]: ${error.message}`, {
					cause: error
				});
			}
			throw error;
		}
		const key = gtin13(text);
		if (key !== null && !barcodes.includes(key)) barcodes.push(key);
	});
	return {
		artist,
		title,
		label: optionalText(fields.label),
		catno: optionalText(fields.catno),
		format: fields.format,
		year: fields.year,
		discogsReleaseId: fields.discogsReleaseId,
		genres: [...new Set(fields.genres.map((g) => g.trim()).filter((g) => g !== ''))],
		// Sorted, as barcodesOf reads them back, so snapshots compare equal.
		barcodes: barcodes.sort()
	};
}

const RELEASE_FIELDS: readonly FieldLabel[] = [
	{ key: 'artist', label: 'artist' },
	{ key: 'title', label: 'title' },
	{ key: 'label', label: 'label' },
	{ key: 'catno', label: 'catalog number' },
	{ key: 'format', label: 'format' },
	{ key: 'year', label: 'year' },
	{ key: 'discogsReleaseId', label: 'Discogs release id' },
	{ key: 'genres', label: 'genres' },
	{ key: 'barcodes', label: 'barcodes' }
];

function itemFieldLabels(currency: string): FieldLabel[] {
	const money = (v: unknown): string =>
		typeof v === 'number' ? describeCents(v, currency) : '(empty)';
	return [
		{ key: 'releaseId', label: 'release' },
		{ key: 'title', label: 'title' },
		{ key: 'priceCents', label: 'price', show: money },
		{ key: 'costCents', label: 'cost', show: money },
		{ key: 'taxClassId', label: 'tax class' },
		{ key: 'mediaGrade', label: 'media grade' },
		{ key: 'sleeveGrade', label: 'sleeve grade' },
		{ key: 'bin', label: 'bin' },
		{ key: 'genre', label: 'genre' },
		{ key: 'labelId', label: 'consignment label' },
		{ key: 'notes', label: 'notes' },
		{ key: 'status', label: 'status' }
	];
}

/** The next in-store EAN-13 of the shop (prefix 20), after the highest one in use. */
export async function nextInStoreSerial(db: Kysely<Schema>, shopId: string): Promise<number> {
	const row = await db
		.selectFrom('items')
		.select((eb) => eb.fn.max('sku').as('sku'))
		.where('shop_id', '=', shopId)
		.where('sku', 'like', '20%')
		.where(sql<number>`length(sku)`, '=', 13)
		.executeTakeFirst();
	const sku = row?.sku ?? null;
	return sku === null ? 1 : (parseInStoreBarcode(sku)?.serial ?? 0) + 1;
}

export function createCatalogStore({ db, now, newId }: OfficeDeps): CatalogStore {
	async function shopCurrency(shopId: string): Promise<string> {
		const shop = await db
			.selectFrom('shops')
			.select('currency')
			.where('id', '=', shopId)
			.executeTakeFirst();
		if (shop === undefined) throw new DomainError('not_found', `No shop with id ${shopId}`);
		return shop.currency;
	}

	async function releaseView(
		trx: Kysely<Schema>,
		shopId: string,
		row: Release
	): Promise<ReleaseView> {
		const barcodes = (await barcodesOf(trx, shopId, [row.id])).get(row.id) ?? [];
		const stats = (await releaseStats(trx, shopId, [row.id])).get(row.id) ?? {
			itemCount: 0,
			onHand: 0
		};
		return toReleaseView(row, barcodes, stats);
	}

	/** Checks references and grades of item fields; throws `invalid_input` or `not_found`. */
	async function checkItemFields(
		trx: Kysely<Schema>,
		shopId: string,
		fields: ItemFields
	): Promise<ItemFields> {
		if (!Number.isSafeInteger(fields.priceCents) || fields.priceCents < 0) {
			throw new DomainError(
				'invalid_input',
				`price must be a whole number of cents ≥ 0 (got ${fields.priceCents})`
			);
		}
		const taxClass = await trx
			.selectFrom('tax_classes')
			.select('id')
			.where('shop_id', '=', shopId)
			.where('id', '=', fields.taxClassId)
			.executeTakeFirst();
		if (taxClass === undefined) {
			throw new DomainError(
				'invalid_input',
				`tax class ${fields.taxClassId} is not one of this shop's`
			);
		}
		if (fields.releaseId !== null) {
			const release = await trx
				.selectFrom('releases')
				.select('id')
				.where('shop_id', '=', shopId)
				.where('id', '=', fields.releaseId)
				.executeTakeFirst();
			if (release === undefined)
				throw new DomainError('not_found', `No release with id ${fields.releaseId}`);
		} else if (optionalText(fields.title) === null) {
			throw new DomainError(
				'invalid_input',
				'title must not be empty for an item without a release'
			);
		}
		if (fields.labelId !== null) {
			const label = await trx
				.selectFrom('labels')
				.select('id')
				.where('id', '=', fields.labelId)
				.executeTakeFirst();
			if (label === undefined)
				throw new DomainError('not_found', `No label with id ${fields.labelId}`);
		}
		let mediaGrade: string | null = null;
		let sleeveGrade: string | null = null;
		if (fields.kind === 'used') {
			if (fields.mediaGrade === null || fields.mediaGrade.trim() === '') {
				throw new DomainError('invalid_input', 'media grade is required for a used copy');
			}
			mediaGrade = parseMediaGrade(fields.mediaGrade);
			sleeveGrade =
				fields.sleeveGrade === null || fields.sleeveGrade.trim() === ''
					? null
					: parseSleeveGrade(fields.sleeveGrade);
		}
		return {
			releaseId: fields.releaseId,
			title: optionalText(fields.title),
			kind: fields.kind,
			priceCents: fields.priceCents,
			costCents: fields.costCents,
			taxClassId: fields.taxClassId,
			mediaGrade,
			sleeveGrade,
			bin: optionalText(fields.bin),
			genre: optionalText(fields.genre),
			labelId: fields.labelId,
			notes: optionalText(fields.notes),
			status: fields.status
		};
	}

	function itemColumns(fields: ItemFields) {
		return {
			release_id: fields.releaseId,
			title: fields.title,
			kind: fields.kind,
			price_cents: fields.priceCents,
			cost_cents: fields.costCents,
			tax_class_id: fields.taxClassId,
			media_grade: fields.mediaGrade,
			sleeve_grade: fields.sleeveGrade,
			bin: fields.bin,
			genre: fields.genre,
			label_id: fields.labelId,
			notes: fields.notes,
			status: fields.status
		};
	}

	async function writeBarcodes(
		trx: Kysely<Schema>,
		shopId: string,
		releaseId: string,
		barcodes: readonly string[]
	) {
		await trx.deleteFrom('release_barcodes').where('release_id', '=', releaseId).execute();
		if (barcodes.length > 0) {
			await trx
				.insertInto('release_barcodes')
				.values(barcodes.map((barcode) => ({ shop_id: shopId, release_id: releaseId, barcode })))
				.execute();
		}
	}

	async function audit(
		trx: Kysely<Schema>,
		actor: OfficeActor,
		action: string,
		subject: string,
		detail: Record<string, unknown>,
		at: string
	) {
		await recordAudit(trx, {
			id: newId(),
			shopId: actor.shopId,
			actorKind: 'staff',
			actorId: actor.staffId,
			action,
			subject,
			detail,
			at
		});
	}

	return {
		async lists(shopId: string): Promise<CatalogLists> {
			const shop = await db
				.selectFrom('shops')
				.select(['currency', 'locale', 'timezone'])
				.where('id', '=', shopId)
				.executeTakeFirst();
			if (shop === undefined) throw new DomainError('not_found', `No shop with id ${shopId}`);
			const taxClasses = await db
				.selectFrom('tax_classes')
				.select(['id', 'name', 'rate_ppm'])
				.where('shop_id', '=', shopId)
				.where('active', '=', 1)
				.orderBy('name')
				.execute();
			const labels = await db
				.selectFrom('labels')
				.leftJoin('consignment_agreements as a', (join) =>
					join.onRef('a.label_id', '=', 'labels.id').on('a.shop_id', '=', shopId)
				)
				.select(['labels.id', 'labels.name', 'a.id as agreement_id', 'a.active'])
				.where((eb) =>
					eb.or([
						eb('a.id', 'is not', null),
						eb.exists(
							eb
								.selectFrom('items')
								.select('items.id')
								.whereRef('items.label_id', '=', 'labels.id')
								.where('items.shop_id', '=', shopId)
						)
					])
				)
				.orderBy('labels.name')
				.execute();
			const bins = await db
				.selectFrom('items')
				.select('bin')
				.distinct()
				.where('shop_id', '=', shopId)
				.where('bin', 'is not', null)
				.orderBy('bin')
				.execute();
			return {
				taxClasses: taxClasses.map((t) => ({ id: t.id, name: t.name, ratePpm: t.rate_ppm })),
				labels: labels.map((l) => ({
					id: l.id,
					name: l.name,
					agreementId: l.agreement_id,
					isActive: l.active === 1
				})),
				bins: bins.map((b) => b.bin).filter((b): b is string => b !== null),
				currency: shop.currency,
				locale: shop.locale,
				timezone: shop.timezone
			};
		},

		async searchReleases({ shopId, search, limit, offset }) {
			let query = db.selectFrom('releases').where('releases.shop_id', '=', shopId);
			const term = search.trim();
			if (term !== '') {
				const pattern = contains(term);
				const key = normaliseCatalogNumber(term);
				const barcode = gtin13(term);
				query = query.where((eb) =>
					eb.or([
						eb(eb.fn('lower', ['releases.artist']), 'like', pattern),
						eb(eb.fn('lower', ['releases.title']), 'like', pattern),
						eb(eb.fn('lower', ['releases.label']), 'like', pattern),
						...(key === null ? [] : [eb('releases.catno_key', 'like', `%${key}%`)]),
						...(barcode === null
							? []
							: [
									eb.exists(
										eb
											.selectFrom('release_barcodes as b')
											.select('b.barcode')
											.whereRef('b.release_id', '=', 'releases.id')
											.where('b.barcode', '=', barcode)
									)
								])
					])
				);
			}
			const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
			const rows = await query
				.selectAll('releases')
				.orderBy('releases.artist')
				.orderBy('releases.title')
				.orderBy('releases.id')
				.limit(limit)
				.offset(offset)
				.execute();
			const ids = rows.map((r) => r.id);
			const barcodes = await barcodesOf(db, shopId, ids);
			const stats = await releaseStats(db, shopId, ids);
			return {
				releases: rows.map((r) =>
					toReleaseView(r, barcodes.get(r.id) ?? [], stats.get(r.id) ?? { itemCount: 0, onHand: 0 })
				),
				total: Number(total?.n ?? 0)
			};
		},

		async releaseById({ shopId, releaseId }) {
			const row = await db
				.selectFrom('releases')
				.selectAll()
				.where('shop_id', '=', shopId)
				.where('id', '=', releaseId)
				.executeTakeFirst();
			if (row === undefined) throw new DomainError('not_found', `No release with id ${releaseId}`);
			const itemRows = await selectItemRows(db, shopId)
				.where('items.release_id', '=', releaseId)
				.orderBy('items.kind')
				.orderBy('items.id')
				.execute();
			return {
				release: await releaseView(db, shopId, row),
				items: await toItemViews(db, shopId, itemRows)
			};
		},

		async createRelease({ actor, fields }) {
			const clean = normaliseReleaseFields(fields);
			const at = now();
			const id = newId();
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const row = await trx
					.insertInto('releases')
					.values({
						id,
						shop_id: actor.shopId,
						artist: clean.artist,
						title: clean.title,
						label: clean.label,
						catno: clean.catno,
						catno_key: clean.catno === null ? null : normaliseCatalogNumber(clean.catno),
						format: clean.format,
						year: clean.year,
						discogs_release_id: clean.discogsReleaseId,
						genres: JSON.stringify(clean.genres),
						updated_at: at
					})
					.returningAll()
					.executeTakeFirstOrThrow();
				await writeBarcodes(trx, actor.shopId, id, clean.barcodes);
				await appendChange(trx, actor.shopId, 'release', id, releaseSnapshot(row, clean.barcodes));
				await audit(
					trx,
					actor,
					'release.created',
					id,
					{ artist: clean.artist, title: clean.title },
					at
				);
				return releaseView(trx, actor.shopId, row);
			});
		},

		async updateRelease({ actor, releaseId, version, fields }) {
			const clean = normaliseReleaseFields(fields);
			const at = now();
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const current = await trx
					.selectFrom('releases')
					.selectAll()
					.where('shop_id', '=', actor.shopId)
					.where('id', '=', releaseId)
					.executeTakeFirst();
				if (current === undefined)
					throw new DomainError('not_found', `No release with id ${releaseId}`);
				if (current.version !== version) {
					const barcodes = (await barcodesOf(trx, actor.shopId, [releaseId])).get(releaseId) ?? [];
					throw await staleEditError({
						db: trx,
						shopId: actor.shopId,
						entity: 'release',
						entityName: 'release',
						entityId: releaseId,
						baseVersion: version,
						current: releaseSnapshot(current, barcodes),
						submitted: { ...clean },
						fields: RELEASE_FIELDS
					});
				}
				const row = await trx
					.updateTable('releases')
					.set({
						artist: clean.artist,
						title: clean.title,
						label: clean.label,
						catno: clean.catno,
						catno_key: clean.catno === null ? null : normaliseCatalogNumber(clean.catno),
						format: clean.format,
						year: clean.year,
						discogs_release_id: clean.discogsReleaseId,
						genres: JSON.stringify(clean.genres),
						version: version + 1,
						updated_at: at
					})
					.where('id', '=', releaseId)
					.where('version', '=', version)
					.returningAll()
					.executeTakeFirstOrThrow();
				await writeBarcodes(trx, actor.shopId, releaseId, clean.barcodes);
				await appendChange(
					trx,
					actor.shopId,
					'release',
					releaseId,
					releaseSnapshot(row, clean.barcodes)
				);
				await audit(trx, actor, 'release.updated', releaseId, { version: row.version }, at);
				return releaseView(trx, actor.shopId, row);
			});
		},

		async listItems(query: ItemQuery) {
			let q = selectItemRows(db, query.shopId);
			if (query.kind !== undefined) q = q.where('items.kind', '=', query.kind);
			if (query.bin !== undefined) q = q.where('items.bin', '=', query.bin);
			if (query.labelId !== undefined) q = q.where('items.label_id', '=', query.labelId);
			if (query.isInStock === true) q = q.where('stock_levels.on_hand', '>', 0);
			const term = query.search?.trim() ?? '';
			if (term !== '') {
				const pattern = contains(term);
				const key = normaliseCatalogNumber(term);
				const barcode = gtin13(term);
				q = q.where((eb) =>
					eb.or([
						eb(eb.fn('lower', ['releases.artist']), 'like', pattern),
						eb(eb.fn('lower', ['releases.title']), 'like', pattern),
						eb(eb.fn('lower', ['items.title']), 'like', pattern),
						eb('items.sku', '=', term),
						...(key === null ? [] : [eb('releases.catno_key', 'like', `%${key}%`)]),
						...(barcode === null
							? []
							: [
									eb('items.sku', '=', barcode),
									eb.exists(
										eb
											.selectFrom('release_barcodes as b')
											.select('b.barcode')
											.whereRef('b.release_id', '=', 'items.release_id')
											.where('b.barcode', '=', barcode)
									)
								])
					])
				);
			}
			const total = await q
				.clearSelect()
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirst();
			const rows = await q
				.orderBy('releases.artist')
				.orderBy('releases.title')
				.orderBy('items.id')
				.limit(query.limit)
				.offset(query.offset)
				.execute();
			return { items: await toItemViews(db, query.shopId, rows), total: Number(total?.n ?? 0) };
		},

		async itemById({ shopId, itemId }) {
			const view = await loadItemView(db, shopId, itemId);
			if (view === undefined) throw new DomainError('not_found', `No item with id ${itemId}`);
			return view;
		},

		async createItem({ actor, itemId, fields, quantity }) {
			const at = now();
			const id = itemId ?? newId();
			const copies = quantity ?? (fields.kind === 'used' ? 1 : 0);
			if (!Number.isSafeInteger(copies) || copies < 0) {
				throw new DomainError(
					'invalid_input',
					`quantity must be a whole number ≥ 0 (got ${copies})`
				);
			}
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const clean = await checkItemFields(trx, actor.shopId, fields);
				const taken = await trx
					.selectFrom('items')
					.select('id')
					.where('id', '=', id)
					.executeTakeFirst();
				if (taken !== undefined)
					throw new DomainError('conflict', `An item with id ${id} already exists`);
				const sku =
					clean.kind === 'used' ? inStoreBarcode(await nextInStoreSerial(trx, actor.shopId)) : null;
				const row: Item = await trx
					.insertInto('items')
					.values({ id, shop_id: actor.shopId, sku, ...itemColumns(clean), updated_at: at })
					.returningAll()
					.executeTakeFirstOrThrow();
				await appendChange(trx, actor.shopId, 'item', id, itemSnapshot(row));
				if (copies > 0) {
					await recordMovement(trx, {
						id: newId(),
						shopId: actor.shopId,
						itemId: id,
						delta: copies,
						reason: 'receive',
						refKind: 'item',
						refId: id,
						at,
						by: actor.staffId
					});
				}
				await audit(
					trx,
					actor,
					'item.created',
					id,
					{ kind: clean.kind, sku, quantity: copies },
					at
				);
				const view = await loadItemView(trx, actor.shopId, id);
				if (view === undefined) throw new Error(`item ${id} vanished inside its own transaction`);
				return view;
			});
		},

		async updateItem({ actor, itemId, version, fields }) {
			const at = now();
			const currency = await shopCurrency(actor.shopId);
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const current = await trx
					.selectFrom('items')
					.selectAll()
					.where('shop_id', '=', actor.shopId)
					.where('id', '=', itemId)
					.executeTakeFirst();
				if (current === undefined) throw new DomainError('not_found', `No item with id ${itemId}`);
				if (current.version !== version) {
					throw await staleEditError({
						db: trx,
						shopId: actor.shopId,
						entity: 'item',
						entityName: 'item',
						entityId: itemId,
						baseVersion: version,
						current: itemSnapshot(current),
						submitted: { ...fields },
						fields: itemFieldLabels(currency)
					});
				}
				if (fields.kind !== current.kind) {
					throw new DomainError(
						'invalid_input',
						`kind cannot change from ${current.kind} to ${fields.kind}; create a new item instead`
					);
				}
				const clean = await checkItemFields(trx, actor.shopId, fields);
				const before = itemSnapshot(current);
				const row = await trx
					.updateTable('items')
					.set({ ...itemColumns(clean), version: version + 1, updated_at: at })
					.where('id', '=', itemId)
					.where('version', '=', version)
					.returningAll()
					.executeTakeFirstOrThrow();
				const after = itemSnapshot(row);
				await appendChange(trx, actor.shopId, 'item', itemId, after);
				const changed = Object.keys(after).filter(
					(k) =>
						!['version', 'updatedAt'].includes(k) &&
						JSON.stringify(before[k as keyof typeof before]) !==
							JSON.stringify(after[k as keyof typeof after])
				);
				await audit(trx, actor, 'item.updated', itemId, { version: row.version, changed }, at);
				const view = await loadItemView(trx, actor.shopId, itemId);
				if (view === undefined)
					throw new Error(`item ${itemId} vanished inside its own transaction`);
				return view;
			});
		},

		async findByCode({ shopId, code }): Promise<CodeMatch> {
			const trimmed = code.trim();
			const c = classifyBarcode(trimmed);
			const sku = c.kind === 'valid' ? c.digits : trimmed;
			const bySku = await selectItemRows(db, shopId)
				.where('items.sku', '=', sku)
				.executeTakeFirst();
			if (bySku !== undefined) {
				const [item] = await toItemViews(db, shopId, [bySku]);
				if (item !== undefined) return { kind: 'item', item };
			}
			const barcode = gtin13(trimmed);
			if (barcode !== null) {
				const releases = await db
					.selectFrom('release_barcodes as b')
					.innerJoin('releases', 'releases.id', 'b.release_id')
					.selectAll('releases')
					.where('b.shop_id', '=', shopId)
					.where('b.barcode', '=', barcode)
					.orderBy('releases.id')
					.execute();
				const release = releases[0];
				if (release !== undefined) {
					const itemRows = await selectItemRows(db, shopId)
						.where('items.release_id', '=', release.id)
						.orderBy('items.kind')
						.orderBy('items.id')
						.execute();
					return {
						kind: 'release',
						release: await releaseView(db, shopId, release),
						items: await toItemViews(db, shopId, itemRows)
					};
				}
			}
			return { kind: 'none', code: trimmed };
		}
	};
}
