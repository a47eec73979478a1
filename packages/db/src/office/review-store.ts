import { DomainError } from '@deadwax/core';
import type {
	CatalogStore,
	OfficeActor,
	ReviewFlagKind,
	ReviewFlagView,
	ReviewResolution,
	ReviewStore
} from '@deadwax/sync';
import { sql, type Kysely } from 'kysely';
import { lockShopFeed } from '../change-feed.ts';
import { recordMovement, type MovementInput } from '../ledger.ts';
import type { Schema } from '../schema.ts';
import '../sync/schema.ts';
import { recordAudit } from './audit.ts';
import type { OfficeDeps } from './deps.ts';
import { describeItem } from './views.ts';

/** Which actions fit which flag. */
const ACTIONS: Record<ReviewFlagKind, readonly ReviewResolution['action'][]> = {
	oversell: ['recount', 'accept_negative', 'mark_found'],
	unknown_item: ['link_item', 'create_item', 'acknowledge'],
	clock_skew: ['acknowledge'],
	invalid_op: ['acknowledge']
};

interface FlagRow {
	id: string;
	kind: ReviewFlagKind;
	subject: string;
	detail: string;
	created_at: string;
	resolved_at: string | null;
	resolved_by: string | null;
	resolution: string | null;
}

/** The receipts an unknown_item flag's subject can be, and the table holding their lines. */
const RECEIPTS = {
	sale: { table: 'sales', lines: 'sale_lines', key: 'sale_id' },
	return: { table: 'returns', lines: 'return_lines', key: 'return_id' }
} as const;

/** A flag as stored. */
const FLAG_COLUMNS = [
	'id',
	'kind',
	'subject',
	'detail',
	'created_at',
	'resolved_at',
	'resolved_by',
	'resolution'
] as const;

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback;
}

function stringOr(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

/** ReviewStore over Kysely: the sync's review flags and the actions that resolve them. */
export function createReviewStore(
	{ db, now, newId }: OfficeDeps,
	catalog: CatalogStore
): ReviewStore {
	async function toViews(
		trx: Kysely<Schema>,
		shopId: string,
		rows: readonly FlagRow[]
	): Promise<ReviewFlagView[]> {
		const details = rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>);
		const itemIds = [
			...new Set(details.map((d) => stringOr(d.itemId)).filter((id): id is string => id !== null))
		];
		const subjects = [...new Set(rows.map((r) => r.subject))];
		const items = new Map<string, { description: string; onHand: number }>();
		if (itemIds.length > 0) {
			const itemRows = await trx
				.selectFrom('items')
				.leftJoin('releases', 'releases.id', 'items.release_id')
				.leftJoin('stock_levels', (join) =>
					join
						.onRef('stock_levels.item_id', '=', 'items.id')
						.onRef('stock_levels.shop_id', '=', 'items.shop_id')
				)
				.select([
					'items.id',
					'items.title',
					'releases.artist',
					'releases.title as release_title',
					'stock_levels.on_hand'
				])
				.where('items.shop_id', '=', shopId)
				.where('items.id', 'in', itemIds)
				.execute();
			for (const r of itemRows)
				items.set(r.id, { description: describeItem(r), onHand: r.on_hand ?? 0 });
		}
		const receipts = new Map<string, { receiptNo: string; deviceId: string }>();
		if (subjects.length > 0) {
			const sales = await trx
				.selectFrom('sales')
				.select(['id', 'receipt_no', 'device_id'])
				.where('id', 'in', subjects)
				.execute();
			const returns = await trx
				.selectFrom('returns')
				.select(['id', 'receipt_no', 'device_id'])
				.where('id', 'in', subjects)
				.execute();
			for (const r of [...sales, ...returns])
				receipts.set(r.id, { receiptNo: r.receipt_no, deviceId: r.device_id });
		}
		const deviceIds = [
			...new Set(
				[
					...details.map((d) => stringOr(d.deviceId)),
					...[...receipts.values()].map((r) => r.deviceId)
				].filter((id): id is string => id !== null)
			)
		];
		const devices = new Map<string, string>();
		if (deviceIds.length > 0) {
			const deviceRows = await trx
				.selectFrom('devices')
				.select(['id', 'name'])
				.where('id', 'in', deviceIds)
				.execute();
			for (const d of deviceRows) devices.set(d.id, d.name);
		}
		const resolverIds = [
			...new Set(rows.map((r) => r.resolved_by).filter((id): id is string => id !== null))
		];
		const resolvers = new Map<string, string>();
		if (resolverIds.length > 0) {
			const staff = await trx
				.selectFrom('staff')
				.select(['id', 'name'])
				.where('id', 'in', resolverIds)
				.execute();
			for (const s of staff) resolvers.set(s.id, s.name);
		}
		return rows.map((row, i) => {
			const detail = details[i] ?? {};
			const itemId = stringOr(detail.itemId);
			const item = itemId === null ? undefined : items.get(itemId);
			const receipt = receipts.get(row.subject);
			const deviceId = stringOr(detail.deviceId) ?? receipt?.deviceId ?? null;
			return {
				id: row.id,
				kind: row.kind,
				subject: row.subject,
				detail,
				createdAt: row.created_at,
				resolvedAt: row.resolved_at,
				resolvedBy: row.resolved_by,
				resolvedByName: row.resolved_by === null ? null : (resolvers.get(row.resolved_by) ?? null),
				resolution:
					row.resolution === null ? null : (JSON.parse(row.resolution) as ReviewResolution),
				itemId,
				itemDescription: item?.description ?? null,
				onHand: item?.onHand ?? null,
				receiptNo: receipt?.receiptNo ?? null,
				deviceName: deviceId === null ? null : (devices.get(deviceId) ?? null)
			};
		});
	}

	async function loadFlag(trx: Kysely<Schema>, shopId: string, flagId: string): Promise<FlagRow> {
		const row = await trx
			.selectFrom('review_flags')
			.select(FLAG_COLUMNS)
			.where('shop_id', '=', shopId)
			.where('id', '=', flagId)
			.executeTakeFirst();
		if (row === undefined) throw new DomainError('not_found', `No review flag with id ${flagId}`);
		return row;
	}

	async function currentOnHand(
		trx: Kysely<Schema>,
		shopId: string,
		itemId: string
	): Promise<number> {
		const level = await trx
			.selectFrom('stock_levels')
			.select('on_hand')
			.where('shop_id', '=', shopId)
			.where('item_id', '=', itemId)
			.executeTakeFirst();
		return level?.on_hand ?? 0;
	}

	/**
	 * Re-points line `lineId` of the shop's sale or return `receiptId` to `itemId`. Null when the shop
	 * has no such receipt; else the line as it was (undefined when the receipt has no such line).
	 */
	async function relinkLine(
		trx: Kysely<Schema>,
		kind: keyof typeof RECEIPTS,
		shopId: string,
		receiptId: string,
		lineId: string,
		itemId: string
	) {
		const { table, lines, key } = RECEIPTS[kind];
		const receipt = await trx
			.selectFrom(table)
			.select('id')
			.where('id', '=', receiptId)
			.where('shop_id', '=', shopId)
			.executeTakeFirst();
		if (receipt === undefined) return null;
		const line = await trx
			.selectFrom(lines)
			.selectAll()
			.where(sql.ref(key), '=', receiptId)
			.where('line_id', '=', lineId)
			.executeTakeFirst();
		await trx
			.updateTable(lines)
			.set({ item_id: itemId })
			.where(sql.ref(key), '=', receiptId)
			.where('line_id', '=', lineId)
			.execute();
		return { line };
	}

	/**
	 * The stock movement an unknown item's line should have made, now that `itemId` names a real
	 * item: a sale line's copies out, a restocked return line's copies in, a stock document line's
	 * delta (or, for a count, the difference to what was counted). Re-points sale and return lines
	 * to the item so reports count them.
	 */
	async function moveForUnknownLine(
		trx: Kysely<Schema>,
		actor: OfficeActor,
		flag: FlagRow,
		detail: Record<string, unknown>,
		itemId: string,
		at: string
	): Promise<void> {
		const lineId = stringOr(detail.lineId);
		const base: Omit<MovementInput, 'delta' | 'reason'> = {
			id: newId(),
			shopId: actor.shopId,
			itemId,
			at,
			by: actor.staffId
		};
		if (lineId !== null) {
			const sold = await relinkLine(trx, 'sale', actor.shopId, flag.subject, lineId, itemId);
			if (sold !== null) {
				await recordMovement(trx, {
					...base,
					delta: -(sold.line?.quantity ?? numberOr(detail.quantity, 1)),
					reason: 'sale',
					refKind: 'sale',
					refId: flag.subject
				});
				return;
			}
			const returned = await relinkLine(trx, 'return', actor.shopId, flag.subject, lineId, itemId);
			if (returned !== null) {
				const line = returned.line;
				if (line !== undefined && 'restock' in line && line.restock === 1) {
					await recordMovement(trx, {
						...base,
						delta: line.quantity,
						reason: 'return',
						refKind: 'return',
						refId: flag.subject
					});
				}
				return;
			}
		}
		const document = await trx
			.selectFrom('stock_documents')
			.select(['id', 'kind'])
			.where('id', '=', flag.subject)
			.where('shop_id', '=', actor.shopId)
			.executeTakeFirst();
		if (document !== undefined) {
			const delta =
				document.kind === 'count'
					? numberOr(detail.countedQty, 0) - (await currentOnHand(trx, actor.shopId, itemId))
					: numberOr(detail.delta, 0);
			if (delta !== 0) {
				await recordMovement(trx, {
					...base,
					delta,
					reason: document.kind,
					refKind: 'document',
					refId: document.id
				});
			}
		}
	}

	return {
		async list({ shopId, isResolved, limit }) {
			const rows = await db
				.selectFrom('review_flags')
				.select(FLAG_COLUMNS)
				.where('shop_id', '=', shopId)
				.where('resolved_at', isResolved ? 'is not' : 'is', null)
				.orderBy(isResolved ? 'resolved_at' : 'created_at', isResolved ? 'desc' : 'asc')
				.orderBy('id')
				.limit(limit)
				.execute();
			return toViews(db, shopId, rows);
		},

		async openCount(shopId) {
			const row = await db
				.selectFrom('review_flags')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('shop_id', '=', shopId)
				.where('resolved_at', 'is', null)
				.executeTakeFirstOrThrow();
			return Number(row.n);
		},

		async resolve({ actor, flagId, resolution }) {
			const first = await loadFlag(db, actor.shopId, flagId);
			if (!ACTIONS[first.kind].includes(resolution.action)) {
				throw new DomainError(
					'invalid_input',
					`${resolution.action} does not resolve a ${first.kind} flag; use ${ACTIONS[first.kind].join(', ')}`
				);
			}
			const detail = JSON.parse(first.detail) as Record<string, unknown>;
			const flaggedItemId = stringOr(detail.itemId);
			if (first.resolved_at === null && resolution.action === 'create_item') {
				if (flaggedItemId === null)
					throw new DomainError('invalid_input', 'this flag names no item id to create');
				const exists = await db
					.selectFrom('items')
					.select('id')
					.where('id', '=', flaggedItemId)
					.executeTakeFirst();
				// Created by an earlier attempt whose second step failed: link to it instead.
				if (exists === undefined) {
					await catalog.createItem({
						actor,
						itemId: flaggedItemId,
						fields: resolution.fields,
						quantity: 0
					});
				}
			}
			const at = now();
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const flag = await loadFlag(trx, actor.shopId, flagId);
				if (flag.resolved_at !== null) {
					throw new DomainError(
						'conflict',
						`This flag was already resolved at ${flag.resolved_at}`
					);
				}
				switch (resolution.action) {
					case 'recount':
					case 'mark_found': {
						if (flaggedItemId === null)
							throw new DomainError('invalid_input', 'this flag names no item');
						const onHand = await currentOnHand(trx, actor.shopId, flaggedItemId);
						const target =
							resolution.action === 'recount' ? resolution.countedQty : Math.max(onHand, 0);
						if (target !== onHand) {
							await recordMovement(trx, {
								id: newId(),
								shopId: actor.shopId,
								itemId: flaggedItemId,
								delta: target - onHand,
								reason: resolution.action === 'recount' ? 'count' : 'adjust',
								refKind: 'review_flag',
								refId: flag.id,
								at,
								by: actor.staffId
							});
						}
						break;
					}
					case 'link_item':
					case 'create_item': {
						const itemId = resolution.action === 'link_item' ? resolution.itemId : flaggedItemId;
						if (itemId === null)
							throw new DomainError('invalid_input', 'this flag names no item id');
						const item = await trx
							.selectFrom('items')
							.select('id')
							.where('shop_id', '=', actor.shopId)
							.where('id', '=', itemId)
							.executeTakeFirst();
						if (item === undefined) throw new DomainError('not_found', `No item with id ${itemId}`);
						await moveForUnknownLine(trx, actor, flag, detail, itemId, at);
						break;
					}
					case 'accept_negative':
					case 'acknowledge':
						break;
				}
				await trx
					.updateTable('review_flags')
					.set({
						resolved_at: at,
						resolved_by: actor.staffId,
						resolution: JSON.stringify(resolution)
					})
					.where('id', '=', flag.id)
					.execute();
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: 'review.resolved',
					subject: flag.id,
					detail: { kind: flag.kind, action: resolution.action, flagSubject: flag.subject },
					at
				});
				const [view] = await toViews(trx, actor.shopId, [
					{
						...flag,
						resolved_at: at,
						resolved_by: actor.staffId,
						resolution: JSON.stringify(resolution)
					}
				]);
				if (view === undefined) throw new Error('a resolved flag has no view');
				return view;
			});
		}
	};
}
