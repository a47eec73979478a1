import { businessDayOf, DomainError, statement } from '@deadwax/core';
import type {
	CurrencyAmount,
	Dashboard,
	LabelPortalStore,
	PayoutMethod,
	PayoutView,
	PortalShop,
	ReleaseFigures,
	ReturnTarget,
	SalesPoint,
	ShopBalance,
	ShopStockFigures,
	StatementPeriod
} from '@deadwax/sync';
import { sql, type Kysely } from 'kysely';
import { lockShopFeed } from '../change-feed.ts';
import { recordAudit } from '../office/audit.ts';
import type { Schema, Shop } from '../schema.ts';
import { visibleShops } from './carriers.ts';
import type { LabelDeps } from './deps.ts';
import { checkPeriod, monthsBetween, releaseKey, sellThrough } from './figures.ts';
import { labelLedger } from './ledger.ts';
import { loadRequests, OPEN_STATUSES, targetItems } from './requests.ts';

export const MAX_REQUEST_NOTE = 500;

/** No shop has this id: it stands in for an empty `in (…)` list, which SQL does not allow. */
const NO_SHOP = '';

function portalShop(shop: Shop): PortalShop {
	return {
		id: shop.id,
		name: shop.name,
		currency: shop.currency,
		timezone: shop.timezone,
		locale: shop.locale
	};
}

async function labelName(db: Kysely<Schema>, labelId: string): Promise<string> {
	const label = await db
		.selectFrom('labels')
		.select('name')
		.where('id', '=', labelId)
		.executeTakeFirst();
	if (label === undefined) throw new DomainError('not_found', `No label with id ${labelId}`);
	return label.name;
}

/** Per shop and return target: the running figures of one dashboard cell. */
interface Cell extends ShopStockFigures {
	key: string;
	artist: string | null;
	title: string;
	catno: string | null;
	format: string | null;
}

interface ReleaseInfo {
	id: string;
	artist: string;
	title: string;
	catno: string | null;
	catno_key: string | null;
	format: string;
	discogs_release_id: number | null;
}

function targetKey(shopId: string, target: ReturnTarget): string {
	return `${shopId}|${target.kind}:${target.id}`;
}

function totalsByCurrency(amounts: readonly CurrencyAmount[]): CurrencyAmount[] {
	const totals = new Map<string, number>();
	for (const a of amounts) totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.cents);
	return [...totals].map(([currency, cents]) => ({ currency, cents }));
}

/** The label portal's reads and the label's own writes (return requests), scoped by labelId. */
export function createLabelPortalStore({ db, now, newId }: LabelDeps): LabelPortalStore {
	return {
		async overview(viewer) {
			const name = await labelName(db, viewer.labelId);
			const shops = await visibleShops(db, viewer);
			return { labelId: viewer.labelId, labelName: name, shops: shops.map(portalShop) };
		},

		async dashboard({ labelId, accountId, from, to }) {
			checkPeriod(from, to);
			const name = await labelName(db, labelId);
			const shops = await visibleShops(db, { labelId, accountId });
			const currencyOf = new Map(shops.map((s) => [s.id, s.currency]));
			// Every query below is limited to these shops; `in ()` is not SQL, so none matches NO_SHOP.
			const shopIds = shops.length === 0 ? [NO_SHOP] : shops.map((s) => s.id);

			// Summed in the database: a row per item and side of the period, and per day and shop for
			// the chart, however many lines were sold. Grouped by the output name `in_period`, as the
			// CASE's bound dates would not match a repeat of the expression on PostgreSQL.
			const saleInPeriod = sql<number>`case when ${sql.ref('s.business_day')} between ${from} and ${to} then 1 else 0 end`;
			const returnInPeriod = sql<number>`case when ${sql.ref('r.business_day')} between ${from} and ${to} then 1 else 0 end`;
			const [items, sold, returned, saleDays, returnDays, owed, payouts, open] = await Promise.all([
				db
					.selectFrom('items as i')
					.leftJoin('releases as r', 'r.id', 'i.release_id')
					.leftJoin('stock_levels as s', (join) =>
						join.onRef('s.item_id', '=', 'i.id').onRef('s.shop_id', '=', 'i.shop_id')
					)
					.select([
						'i.id',
						'i.shop_id',
						'i.release_id',
						'i.title as item_title',
						'r.artist',
						'r.title',
						'r.catno',
						'r.catno_key',
						'r.format',
						'r.discogs_release_id',
						's.on_hand'
					])
					.where('i.label_id', '=', labelId)
					.where('i.shop_id', 'in', shopIds)
					.execute(),
				db
					.selectFrom('sale_lines as l')
					.innerJoin('sales as s', 's.id', 'l.sale_id')
					.select((eb) => [
						'l.shop_id',
						'l.item_id',
						'l.release_id',
						saleInPeriod.as('in_period'),
						eb.fn.max('l.description').as('description'),
						eb.fn.sum<number>('l.quantity').as('units'),
						eb.fn.sum<number>('l.total_cents').as('revenue'),
						eb.fn.sum<number>('l.share_cents').as('share')
					])
					.where('l.label_id', '=', labelId)
					.where('l.shop_id', 'in', shopIds)
					.groupBy(['l.shop_id', 'l.item_id', 'l.release_id', sql.ref('in_period')])
					.execute(),
				db
					.selectFrom('return_lines as l')
					.innerJoin('returns as r', 'r.id', 'l.return_id')
					.select((eb) => [
						'l.shop_id',
						'l.item_id',
						returnInPeriod.as('in_period'),
						eb.fn.sum<number>('l.quantity').as('units'),
						eb.fn.sum<number>('l.refund_cents').as('refund'),
						eb.fn.sum<number>('l.share_cents').as('share')
					])
					.where('l.label_id', '=', labelId)
					.where('l.shop_id', 'in', shopIds)
					.groupBy(['l.shop_id', 'l.item_id', sql.ref('in_period')])
					.execute(),
				db
					.selectFrom('sale_lines as l')
					.innerJoin('sales as s', 's.id', 'l.sale_id')
					.select((eb) => [
						's.business_day',
						'l.shop_id',
						eb.fn.sum<number>('l.quantity').as('units'),
						eb.fn.sum<number>('l.share_cents').as('share')
					])
					.where('l.label_id', '=', labelId)
					.where('l.shop_id', 'in', shopIds)
					.where('s.business_day', '>=', from)
					.where('s.business_day', '<=', to)
					.groupBy(['s.business_day', 'l.shop_id'])
					.execute(),
				db
					.selectFrom('return_lines as l')
					.innerJoin('returns as r', 'r.id', 'l.return_id')
					.select((eb) => [
						'r.business_day',
						'l.shop_id',
						eb.fn.sum<number>('l.quantity').as('units'),
						eb.fn.sum<number>('l.share_cents').as('share')
					])
					.where('l.label_id', '=', labelId)
					.where('l.shop_id', 'in', shopIds)
					.where('r.business_day', '>=', from)
					.where('r.business_day', '<=', to)
					.groupBy(['r.business_day', 'l.shop_id'])
					.execute(),
				db
					.selectFrom('payable_entries')
					.select((eb) => ['shop_id', eb.fn.sum<number>('amount_cents').as('balance')])
					.where('label_id', '=', labelId)
					.where('shop_id', 'in', shopIds)
					.groupBy('shop_id')
					.execute(),
				db
					.selectFrom('label_payouts')
					.select((eb) => ['shop_id', eb.fn.max('business_day').as('last_day')])
					.where('label_id', '=', labelId)
					.where('shop_id', 'in', shopIds)
					.groupBy('shop_id')
					.execute(),
				db
					.selectFrom('label_return_requests')
					.select((eb) => [
						'shop_id',
						'target_kind',
						'target_id',
						eb.fn.sum<number>('quantity').as('quantity')
					])
					.where('label_id', '=', labelId)
					.where('shop_id', 'in', shopIds)
					.where('status', 'in', OPEN_STATUSES)
					.groupBy(['shop_id', 'target_kind', 'target_id'])
					.execute()
			]);

			// Releases named by sale lines whose item the shop no longer has.
			const knownReleases = new Map<string, ReleaseInfo>();
			for (const i of items) {
				if (i.release_id !== null && i.title !== null && i.artist !== null && i.format !== null) {
					knownReleases.set(i.release_id, {
						id: i.release_id,
						artist: i.artist,
						title: i.title,
						catno: i.catno,
						catno_key: i.catno_key,
						format: i.format,
						discogs_release_id: i.discogs_release_id
					});
				}
			}
			const missing = [
				...new Set(
					sold
						.map((s) => s.release_id)
						.filter((id): id is string => id !== null && !knownReleases.has(id))
				)
			];
			if (missing.length > 0) {
				const rows = await db
					.selectFrom('releases')
					.select(['id', 'artist', 'title', 'catno', 'catno_key', 'format', 'discogs_release_id'])
					.where('id', 'in', missing)
					.execute();
				for (const r of rows) knownReleases.set(r.id, r);
			}

			const cells = new Map<string, Cell>();
			const itemTarget = new Map<string, Cell>();
			function cellFor(
				shopId: string,
				target: ReturnTarget,
				describe: () => Pick<Cell, 'key' | 'artist' | 'title' | 'catno' | 'format'>
			): Cell {
				const k = targetKey(shopId, target);
				let cell = cells.get(k);
				if (cell === undefined) {
					cell = {
						...describe(),
						shopId,
						target,
						onHand: 0,
						requestedBack: 0,
						soldInPeriod: 0,
						soldAllTime: 0,
						revenueInPeriodCents: 0,
						revenueAllTimeCents: 0,
						shareInPeriodCents: 0,
						shareAllTimeCents: 0,
						currency: currencyOf.get(shopId) ?? ''
					};
					cells.set(k, cell);
				}
				return cell;
			}
			const describeRelease = (release: ReleaseInfo) => () => ({
				key: releaseKey(release),
				artist: release.artist,
				title: release.title,
				catno: release.catno,
				format: release.format
			});

			for (const i of items) {
				const release = i.release_id === null ? undefined : knownReleases.get(i.release_id);
				const cell =
					release === undefined
						? cellFor(i.shop_id, { kind: 'item', id: i.id }, () => ({
								key: `item:${i.shop_id}:${i.id}`,
								artist: null,
								title: i.item_title ?? '(untitled item)',
								catno: null,
								format: null
							}))
						: cellFor(i.shop_id, { kind: 'release', id: release.id }, describeRelease(release));
				cell.onHand += i.on_hand ?? 0;
				itemTarget.set(`${i.shop_id}|${i.id}`, cell);
			}

			const points = new Map<string, SalesPoint>();
			function addPoint(day: string, shopId: string, units: number, shareCents: number): void {
				const k = `${day}|${shopId}`;
				const point = points.get(k) ?? { day, shopId, units: 0, shareCents: 0 };
				point.units += units;
				point.shareCents += shareCents;
				points.set(k, point);
			}

			for (const s of sold) {
				const release = s.release_id === null ? undefined : knownReleases.get(s.release_id);
				const cell =
					itemTarget.get(`${s.shop_id}|${s.item_id}`) ??
					(release === undefined
						? cellFor(s.shop_id, { kind: 'item', id: s.item_id }, () => ({
								key: `item:${s.shop_id}:${s.item_id}`,
								artist: null,
								title: s.description ?? '(unknown item)',
								catno: null,
								format: null
							}))
						: cellFor(s.shop_id, { kind: 'release', id: release.id }, describeRelease(release)));
				const units = Number(s.units ?? 0);
				const revenue = Number(s.revenue ?? 0);
				const share = Number(s.share ?? 0);
				cell.soldAllTime += units;
				cell.revenueAllTimeCents += revenue;
				cell.shareAllTimeCents += share;
				if (Number(s.in_period) === 1) {
					cell.soldInPeriod += units;
					cell.revenueInPeriodCents += revenue;
					cell.shareInPeriodCents += share;
				}
			}
			for (const r of returned) {
				const cell =
					itemTarget.get(`${r.shop_id}|${r.item_id}`) ??
					cellFor(r.shop_id, { kind: 'item', id: r.item_id }, () => ({
						key: `item:${r.shop_id}:${r.item_id}`,
						artist: null,
						title: '(returned item)',
						catno: null,
						format: null
					}));
				const units = Number(r.units ?? 0);
				const refund = Number(r.refund ?? 0);
				const share = Number(r.share ?? 0);
				cell.soldAllTime -= units;
				cell.revenueAllTimeCents -= refund;
				cell.shareAllTimeCents -= share;
				if (Number(r.in_period) === 1) {
					cell.soldInPeriod -= units;
					cell.revenueInPeriodCents -= refund;
					cell.shareInPeriodCents -= share;
				}
			}
			for (const d of saleDays) {
				addPoint(d.business_day, d.shop_id, Number(d.units ?? 0), Number(d.share ?? 0));
			}
			for (const d of returnDays) {
				addPoint(d.business_day, d.shop_id, -Number(d.units ?? 0), -Number(d.share ?? 0));
			}
			for (const o of open) {
				const cell = cells.get(targetKey(o.shop_id, { kind: o.target_kind, id: o.target_id }));
				if (cell !== undefined) cell.requestedBack += Number(o.quantity ?? 0);
			}

			const byKey = new Map<string, Cell[]>();
			for (const cell of cells.values())
				byKey.set(cell.key, [...(byKey.get(cell.key) ?? []), cell]);
			const shopOrder = new Map(shops.map((s, index) => [s.id, index]));
			const releases = [...byKey.values()].map((group): ReleaseFigures => {
				const first = group[0]!;
				const onHand = group.reduce((sum, c) => sum + c.onHand, 0);
				const soldAllTime = group.reduce((sum, c) => sum + c.soldAllTime, 0);
				return {
					key: first.key,
					artist: first.artist,
					title: first.title,
					catno: first.catno,
					format: first.format,
					shops: group
						.sort((a, b) => (shopOrder.get(a.shopId) ?? 0) - (shopOrder.get(b.shopId) ?? 0))
						.map(
							({ key: _k, artist: _a, title: _t, catno: _c, format: _f, ...figures }) => figures
						),
					onHand,
					soldInPeriod: group.reduce((sum, c) => sum + c.soldInPeriod, 0),
					soldAllTime,
					sellThrough: sellThrough(soldAllTime, onHand)
				};
			});
			releases.sort(
				(a, b) =>
					(a.artist ?? '').localeCompare(b.artist ?? '') ||
					a.title.localeCompare(b.title) ||
					a.key.localeCompare(b.key)
			);

			const owedByShop = new Map(owed.map((o) => [o.shop_id, Number(o.balance ?? 0)]));
			const lastPayout = new Map(payouts.map((p) => [p.shop_id, p.last_day]));
			const balances = shops.map((shop): ShopBalance => ({
				shopId: shop.id,
				currency: shop.currency,
				balanceCents: owedByShop.get(shop.id) ?? 0,
				shareInPeriodCents: [...cells.values()]
					.filter((c) => c.shopId === shop.id)
					.reduce((sum, c) => sum + c.shareInPeriodCents, 0),
				lastPayoutDay: lastPayout.get(shop.id) ?? null
			}));
			const dashboard: Dashboard = {
				labelId,
				labelName: name,
				from,
				to,
				shops: shops.map(portalShop),
				releases,
				balances,
				totalOwed: totalsByCurrency(
					balances.map((b) => ({ currency: b.currency, cents: b.balanceCents }))
				),
				sales: [...points.values()].sort((a, b) =>
					a.day === b.day ? a.shopId.localeCompare(b.shopId) : a.day < b.day ? -1 : 1
				),
				asOf: now()
			};
			return dashboard;
		},

		async statementPeriods(viewer) {
			const { labelId } = viewer;
			await labelName(db, labelId);
			const shops = await visibleShops(db, viewer);
			const zone = new Map(shops.map((s) => [s.id, s.timezone]));
			const ledger = await labelLedger(db, {
				labelId,
				shopId: null,
				timeZoneOf: (id) => zone.get(id) ?? 'UTC'
			});
			const at = now();
			const periods: StatementPeriod[] = [];
			for (const shop of shops) {
				const entries = ledger.filter((l) => l.shopId === shop.id).map((l) => l.entry);
				const first = entries[0];
				if (first === undefined) continue;
				const today = businessDayOf(at, shop.timezone);
				const last = entries[entries.length - 1]!.businessDay;
				for (const month of monthsBetween(first.businessDay, last > today ? last : today)) {
					const s = statement(entries, { labelId, from: month.from, to: month.to });
					periods.push({
						shopId: shop.id,
						shopName: shop.name,
						currency: shop.currency,
						month: month.month,
						from: month.from,
						to: month.to,
						openingCents: s.openingCents,
						closingCents: s.closingCents,
						salesCents: s.salesCents,
						returnsCents: s.returnsCents,
						payoutsCents: s.payoutsCents
					});
				}
			}
			const order = new Map(shops.map((s, index) => [s.id, index]));
			return periods.sort((a, b) =>
				a.month === b.month
					? (order.get(a.shopId) ?? 0) - (order.get(b.shopId) ?? 0)
					: a.month < b.month
						? 1
						: -1
			);
		},

		async statement({ labelId, accountId, shopId, from, to }) {
			checkPeriod(from, to);
			await labelName(db, labelId);
			const shop = (await visibleShops(db, { labelId, accountId })).find((s) => s.id === shopId);
			if (shop === undefined) {
				// Messages to a label never echo the ids it sent: a guess learns nothing, not even its own reflection.
				throw new DomainError('not_found', 'That shop does not carry your label');
			}
			const ledger = await labelLedger(db, { labelId, shopId, timeZoneOf: () => shop.timezone });
			const s = statement(
				ledger.map((l) => l.entry),
				{ labelId, from, to }
			);
			const lines = new Map(ledger.map((l) => [l.entry.entryId, l.line]));
			return {
				shopId,
				shopName: shop.name,
				currency: shop.currency,
				from,
				to,
				openingCents: s.openingCents,
				salesCents: s.salesCents,
				returnsCents: s.returnsCents,
				payoutsCents: s.payoutsCents,
				closingCents: s.closingCents,
				lines: s.entries.map((e) => lines.get(e.entryId)!)
			};
		},

		async payouts(viewer) {
			const shops = await visibleShops(db, viewer);
			if (shops.length === 0) return [];
			const rows = await db
				.selectFrom('label_payouts as p')
				.innerJoin('shops', 'shops.id', 'p.shop_id')
				.innerJoin('labels', 'labels.id', 'p.label_id')
				.leftJoin('staff', 'staff.id', 'p.by')
				.select([
					'p.id',
					'p.shop_id',
					'shops.name as shop_name',
					'p.label_id',
					'labels.name as label_name',
					'p.amount_cents',
					'p.currency',
					'p.business_day',
					'p.method',
					'p.reference',
					'p.at',
					'staff.name as by_name'
				])
				.where('p.label_id', '=', viewer.labelId)
				.where(
					'p.shop_id',
					'in',
					shops.map((s) => s.id)
				)
				.orderBy('p.business_day', 'desc')
				.orderBy('p.at', 'desc')
				.execute();
			return rows.map(payoutView);
		},

		async returnRequests(viewer) {
			const shops = await visibleShops(db, viewer);
			return loadRequests(db, { labelId: viewer.labelId, shopIds: shops.map((s) => s.id) });
		},

		async requestReturn({ labelId, accountId, shopId, target, quantity, note }) {
			const at = now();
			const id = newId();
			await db.transaction().execute(async (trx) => {
				if (!(await visibleShops(trx, { labelId, accountId })).some((s) => s.id === shopId)) {
					throw new DomainError('not_found', 'That shop does not carry your label');
				}
				const items = await targetItems(trx, { shopId, labelId, target });
				if (items.length === 0) {
					throw new DomainError(
						'not_found',
						'None of your consigned copies at that shop match that release'
					);
				}
				// Serializes requests for the shop, so two at once cannot both promise the same copies.
				await lockShopFeed(trx, shopId);
				const onHand = items.reduce((sum, i) => sum + Math.max(0, i.on_hand), 0);
				const asked = await trx
					.selectFrom('label_return_requests')
					.select((eb) => eb.fn.sum<number>('quantity').as('quantity'))
					.where('label_id', '=', labelId)
					.where('shop_id', '=', shopId)
					.where('target_kind', '=', target.kind)
					.where('target_id', '=', target.id)
					.where('status', 'in', OPEN_STATUSES)
					.executeTakeFirst();
				const alreadyAsked = Number(asked?.quantity ?? 0);
				const available = Math.max(0, onHand - alreadyAsked);
				if (quantity > available) {
					throw new DomainError(
						'invalid_input',
						`quantity must be at most ${available} (got ${quantity}): ${onHand} unsold on hand, ${alreadyAsked} already asked for`
					);
				}
				await trx
					.insertInto('label_return_requests')
					.values({
						id,
						shop_id: shopId,
						label_id: labelId,
						target_kind: target.kind,
						target_id: target.id,
						quantity,
						note,
						status: 'requested',
						shop_note: null,
						created_at: at,
						decided_at: null,
						decided_by: null,
						packed_at: null,
						document_id: null,
						updated_at: at
					})
					.execute();
				await recordAudit(trx, {
					id: newId(),
					shopId,
					actorKind: 'label',
					actorId: labelId,
					action: 'label.return_requested',
					subject: id,
					detail: { target, quantity },
					at
				});
			});
			const [view] = await loadRequests(db, { labelId, id });
			return view!;
		},

		async cancelReturn({ labelId, accountId, requestId }) {
			const at = now();
			await db.transaction().execute(async (trx) => {
				const row = await trx
					.selectFrom('label_return_requests')
					.select(['status', 'shop_id'])
					.where('id', '=', requestId)
					.where('label_id', '=', labelId)
					.executeTakeFirst();
				const shops = await visibleShops(trx, { labelId, accountId });
				if (row === undefined || !shops.some((s) => s.id === row.shop_id)) {
					throw new DomainError('not_found', 'You have no return request with that id');
				}
				const result = await trx
					.updateTable('label_return_requests')
					.set({ status: 'cancelled', updated_at: at })
					.where('id', '=', requestId)
					.where('label_id', '=', labelId)
					.where('status', '=', 'requested')
					.executeTakeFirst();
				if (result.numUpdatedRows === 0n) {
					throw new DomainError(
						'conflict',
						`The shop has already answered this request (${row.status}); it can no longer be withdrawn`
					);
				}
				await recordAudit(trx, {
					id: newId(),
					shopId: row.shop_id,
					actorKind: 'label',
					actorId: labelId,
					action: 'label.return_cancelled',
					subject: requestId,
					detail: {},
					at
				});
			});
			const [view] = await loadRequests(db, { labelId, id: requestId });
			return view!;
		}
	};
}

export function payoutView(r: {
	id: string;
	shop_id: string;
	shop_name: string;
	label_id: string;
	label_name: string;
	amount_cents: number;
	currency: string;
	business_day: string;
	method: PayoutMethod;
	reference: string | null;
	at: string;
	by_name: string | null;
}): PayoutView {
	return {
		id: r.id,
		shopId: r.shop_id,
		shopName: r.shop_name,
		labelId: r.label_id,
		labelName: r.label_name,
		amountCents: r.amount_cents,
		currency: r.currency,
		businessDay: r.business_day,
		method: r.method,
		reference: r.reference,
		recordedAt: r.at,
		recordedByName: r.by_name
	};
}
