import { DomainError } from '@deadwax/core';
import type {
	AgedStockRow,
	DayRange,
	EndOfDayRegister,
	PayableRow,
	ReportStore,
	SalesByDayRow,
	SalesByKeyRow,
	StockSplitRow
} from '@deadwax/sync';
import '../sync/schema.ts';
import type { OfficeDeps } from './deps.ts';
import { describeItem } from './views.ts';

/** Longest range a report covers, so a typo in a year cannot scan a decade. */
export const MAX_REPORT_DAYS = 400;
const DAY_MS = 24 * 60 * 60_000;

/** Every business day from `from` to `to`, both included; throws `invalid_input` for a bad range. */
export function daysOf({ from, to }: { from: string; to: string }): string[] {
	const start = Date.parse(`${from}T00:00:00Z`);
	const end = Date.parse(`${to}T00:00:00Z`);
	if (Number.isNaN(start) || Number.isNaN(end)) {
		throw new DomainError(
			'invalid_input',
			`from and to must be dates YYYY-MM-DD (got ${from}, ${to})`
		);
	}
	if (end < start)
		throw new DomainError('invalid_input', `to (${to}) must not be before from (${from})`);
	const count = Math.round((end - start) / DAY_MS) + 1;
	if (count > MAX_REPORT_DAYS) {
		throw new DomainError(
			'invalid_input',
			`a report covers at most ${MAX_REPORT_DAYS} days (got ${count})`
		);
	}
	return Array.from({ length: count }, (_, i) =>
		new Date(start + i * DAY_MS).toISOString().slice(0, 10)
	);
}

interface TenderLike {
	kind: string;
	amountCents: number;
}

function addTenders(into: Record<string, number>, json: string, sign: 1 | -1): void {
	for (const tender of JSON.parse(json) as TenderLike[]) {
		into[tender.kind] = (into[tender.kind] ?? 0) + sign * tender.amountCents;
	}
}

function byKey(
	rows: readonly { key: string; units: number; totalCents: number }[]
): SalesByKeyRow[] {
	const totals = new Map<string, SalesByKeyRow>();
	for (const row of rows) {
		const current = totals.get(row.key) ?? { key: row.key, units: 0, totalCents: 0 };
		current.units += row.units;
		current.totalCents += row.totalCents;
		totals.set(row.key, current);
	}
	return [...totals.values()].sort(
		(a, b) => b.totalCents - a.totalCents || a.key.localeCompare(b.key)
	);
}

/** ReportStore over Kysely. Sales count by the business day the register stamped them with. */
export function createReportStore({ db }: OfficeDeps): ReportStore {
	function saleLinesIn(range: DayRange) {
		daysOf(range);
		return db
			.selectFrom('sale_lines as l')
			.innerJoin('sales as s', 's.id', 'l.sale_id')
			.leftJoin('items', 'items.id', 'l.item_id')
			.leftJoin('releases', 'releases.id', 'items.release_id')
			.leftJoin('labels', 'labels.id', 'l.label_id')
			.where('s.shop_id', '=', range.shopId)
			.where('s.business_day', '>=', range.from)
			.where('s.business_day', '<=', range.to);
	}

	return {
		async salesByDay(range) {
			const days = daysOf(range);
			const sales = await db
				.selectFrom('sales')
				.select((eb) => [
					'business_day',
					eb.fn.countAll<number>().as('sales'),
					eb.fn.sum<number>('total_cents').as('gross'),
					eb.fn.sum<number>('tax_cents').as('tax')
				])
				.where('shop_id', '=', range.shopId)
				.where('business_day', '>=', range.from)
				.where('business_day', '<=', range.to)
				.groupBy('business_day')
				.execute();
			const units = await db
				.selectFrom('sale_lines as l')
				.innerJoin('sales as s', 's.id', 'l.sale_id')
				.select((eb) => ['s.business_day', eb.fn.sum<number>('l.quantity').as('units')])
				.where('s.shop_id', '=', range.shopId)
				.where('s.business_day', '>=', range.from)
				.where('s.business_day', '<=', range.to)
				.groupBy('s.business_day')
				.execute();
			const refunds = await db
				.selectFrom('returns')
				.select((eb) => ['business_day', eb.fn.sum<number>('refund_cents').as('refunds')])
				.where('shop_id', '=', range.shopId)
				.where('business_day', '>=', range.from)
				.where('business_day', '<=', range.to)
				.groupBy('business_day')
				.execute();
			const rows = new Map<string, SalesByDayRow>(
				days.map((day) => [
					day,
					{ day, sales: 0, units: 0, grossCents: 0, refundsCents: 0, netCents: 0, taxCents: 0 }
				])
			);
			for (const s of sales) {
				const row = rows.get(s.business_day);
				if (row === undefined) continue;
				row.sales = Number(s.sales);
				row.grossCents = Number(s.gross ?? 0);
				row.taxCents = Number(s.tax ?? 0);
			}
			for (const u of units) {
				const row = rows.get(u.business_day);
				if (row !== undefined) row.units = Number(u.units ?? 0);
			}
			for (const r of refunds) {
				const row = rows.get(r.business_day);
				if (row !== undefined) row.refundsCents = Number(r.refunds ?? 0);
			}
			for (const row of rows.values()) row.netCents = row.grossCents - row.refundsCents;
			return [...rows.values()];
		},

		async salesByFormat(range) {
			const rows = await saleLinesIn(range)
				.select(['releases.format', 'l.quantity', 'l.total_cents'])
				.execute();
			return byKey(
				rows.map((r) => ({
					key: r.format ?? 'Other',
					units: r.quantity,
					totalCents: r.total_cents
				}))
			);
		},

		async salesByLabel(range) {
			const rows = await saleLinesIn(range)
				.select(['labels.name as consignor', 'releases.label', 'l.quantity', 'l.total_cents'])
				.execute();
			return byKey(
				rows.map((r) => ({
					key: r.consignor ?? r.label ?? '(no label)',
					units: r.quantity,
					totalCents: r.total_cents
				}))
			);
		},

		async consignmentVsOwned(range) {
			const stock = await db
				.selectFrom('items')
				.leftJoin('stock_levels', (join) =>
					join
						.onRef('stock_levels.item_id', '=', 'items.id')
						.onRef('stock_levels.shop_id', '=', 'items.shop_id')
				)
				.select(['items.label_id', 'items.price_cents', 'stock_levels.on_hand'])
				.where('items.shop_id', '=', range.shopId)
				.where('stock_levels.on_hand', '>', 0)
				.execute();
			const sold = await saleLinesIn(range)
				.select(['l.label_id', 'l.quantity', 'l.total_cents'])
				.execute();
			const split: Record<'owned' | 'consigned', StockSplitRow> = {
				owned: { kind: 'owned', items: 0, units: 0, retailCents: 0, soldUnits: 0, soldCents: 0 },
				consigned: {
					kind: 'consigned',
					items: 0,
					units: 0,
					retailCents: 0,
					soldUnits: 0,
					soldCents: 0
				}
			};
			for (const s of stock) {
				const row = split[s.label_id === null ? 'owned' : 'consigned'];
				const onHand = s.on_hand ?? 0;
				row.items++;
				row.units += onHand;
				row.retailCents += onHand * s.price_cents;
			}
			for (const s of sold) {
				const row = split[s.label_id === null ? 'owned' : 'consigned'];
				row.soldUnits += s.quantity;
				row.soldCents += s.total_cents;
			}
			return [split.owned, split.consigned];
		},

		async bestSellers(range) {
			const rows = await saleLinesIn(range)
				.select([
					'l.item_id',
					'l.description',
					'l.quantity',
					'l.total_cents',
					'items.title',
					'releases.artist',
					'releases.title as release_title',
					'releases.format'
				])
				.execute();
			const totals = new Map<
				string,
				{
					itemId: string;
					description: string;
					format: string | null;
					units: number;
					totalCents: number;
				}
			>();
			for (const r of rows) {
				const current = totals.get(r.item_id) ?? {
					itemId: r.item_id,
					description: r.artist === null && r.title === null ? r.description : describeItem(r),
					format: r.format,
					units: 0,
					totalCents: 0
				};
				current.units += r.quantity;
				current.totalCents += r.total_cents;
				totals.set(r.item_id, current);
			}
			return [...totals.values()]
				.sort(
					(a, b) =>
						b.units - a.units ||
						b.totalCents - a.totalCents ||
						a.description.localeCompare(b.description)
				)
				.slice(0, range.limit);
		},

		async agedStock({ shopId, asOf, limit }) {
			const rows = await db
				.selectFrom('items')
				.innerJoin('stock_levels', (join) =>
					join
						.onRef('stock_levels.item_id', '=', 'items.id')
						.onRef('stock_levels.shop_id', '=', 'items.shop_id')
				)
				.leftJoin('releases', 'releases.id', 'items.release_id')
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
					'items.kind',
					'items.bin',
					'items.price_cents',
					'stock_levels.on_hand',
					'releases.artist',
					'releases.title as release_title'
				])
				.select('first_in.first as since')
				.where('items.shop_id', '=', shopId)
				.where('stock_levels.on_hand', '>', 0)
				.orderBy('since')
				.orderBy('items.id')
				.limit(limit)
				.execute();
			const asOfMs = Date.parse(asOf);
			return rows.map((r): AgedStockRow => ({
				itemId: r.id,
				description: describeItem(r),
				kind: r.kind,
				bin: r.bin,
				onHand: r.on_hand,
				priceCents: r.price_cents,
				since: r.since ?? null,
				ageDays:
					r.since == null ? null : Math.max(0, Math.floor((asOfMs - Date.parse(r.since)) / DAY_MS))
			}));
		},

		async payablePerLabel(shopId) {
			const entries = await db
				.selectFrom('payable_entries')
				.select(['label_id', 'kind', 'amount_cents'])
				.where('shop_id', '=', shopId)
				.execute();
			const units = await db
				.selectFrom('sale_lines')
				.select((eb) => ['label_id', eb.fn.sum<number>('quantity').as('units')])
				.where('shop_id', '=', shopId)
				.where('label_id', 'is not', null)
				.groupBy('label_id')
				.execute();
			const agreements = await db
				.selectFrom('consignment_agreements')
				.select('label_id')
				.where('shop_id', '=', shopId)
				.execute();
			const labelIds = [
				...new Set([...agreements.map((a) => a.label_id), ...entries.map((e) => e.label_id)])
			];
			const names = new Map<string, string>();
			if (labelIds.length > 0) {
				const labels = await db
					.selectFrom('labels')
					.select(['id', 'name'])
					.where('id', 'in', labelIds)
					.execute();
				for (const l of labels) names.set(l.id, l.name);
			}
			const rows = new Map<string, PayableRow>(
				labelIds.map((id) => [
					id,
					{
						labelId: id,
						labelName: names.get(id) ?? id,
						owedCents: 0,
						paidCents: 0,
						balanceCents: 0,
						unitsSold: 0
					}
				])
			);
			for (const e of entries) {
				const row = rows.get(e.label_id);
				if (row === undefined) continue;
				if (e.kind === 'payout') row.paidCents -= e.amount_cents;
				else row.owedCents += e.amount_cents;
				row.balanceCents += e.amount_cents;
			}
			for (const u of units) {
				const row = u.label_id === null ? undefined : rows.get(u.label_id);
				if (row !== undefined) row.unitsSold = Number(u.units ?? 0);
			}
			return [...rows.values()].sort(
				(a, b) => b.balanceCents - a.balanceCents || a.labelName.localeCompare(b.labelName)
			);
		},

		async endOfDay({ shopId, businessDay }) {
			daysOf({ from: businessDay, to: businessDay });
			const shop = await db
				.selectFrom('shops')
				.select('currency')
				.where('id', '=', shopId)
				.executeTakeFirst();
			if (shop === undefined) throw new DomainError('not_found', `No shop with id ${shopId}`);
			const sales = await db
				.selectFrom('sales')
				.select(['device_id', 'total_cents', 'tax_cents', 'tenders', 'is_flagged'])
				.where('shop_id', '=', shopId)
				.where('business_day', '=', businessDay)
				.execute();
			const returns = await db
				.selectFrom('returns')
				.select(['device_id', 'refund_cents', 'refunds', 'is_flagged'])
				.where('shop_id', '=', shopId)
				.where('business_day', '=', businessDay)
				.execute();
			const deviceIds = [
				...new Set([...sales.map((s) => s.device_id), ...returns.map((r) => r.device_id)])
			];
			const names = new Map<string, string>();
			if (deviceIds.length > 0) {
				const devices = await db
					.selectFrom('devices')
					.select(['id', 'name', 'code'])
					.where('id', 'in', deviceIds)
					.execute();
				for (const d of devices) names.set(d.id, `${d.name} (${d.code})`);
			}
			const registers = new Map<string, EndOfDayRegister>();
			const registerOf = (deviceId: string): EndOfDayRegister => {
				let row = registers.get(deviceId);
				if (row === undefined) {
					row = {
						deviceId,
						deviceName: names.get(deviceId) ?? deviceId,
						sales: 0,
						grossCents: 0,
						taxCents: 0,
						refundsCents: 0,
						tenders: {},
						cashCents: 0
					};
					registers.set(deviceId, row);
				}
				return row;
			};
			for (const s of sales) {
				const row = registerOf(s.device_id);
				row.sales++;
				row.grossCents += s.total_cents;
				row.taxCents += s.tax_cents;
				addTenders(row.tenders, s.tenders, 1);
			}
			for (const r of returns) {
				const row = registerOf(r.device_id);
				row.refundsCents += r.refund_cents;
				addTenders(row.tenders, r.refunds, -1);
			}
			const totals: Omit<EndOfDayRegister, 'deviceId' | 'deviceName'> = {
				sales: 0,
				grossCents: 0,
				taxCents: 0,
				refundsCents: 0,
				tenders: {},
				cashCents: 0
			};
			for (const row of registers.values()) {
				row.cashCents = row.tenders.cash ?? 0;
				totals.sales += row.sales;
				totals.grossCents += row.grossCents;
				totals.taxCents += row.taxCents;
				totals.refundsCents += row.refundsCents;
				for (const [kind, cents] of Object.entries(row.tenders))
					totals.tenders[kind] = (totals.tenders[kind] ?? 0) + cents;
			}
			totals.cashCents = totals.tenders.cash ?? 0;
			return {
				businessDay,
				currency: shop.currency,
				registers: [...registers.values()].sort((a, b) => a.deviceName.localeCompare(b.deviceName)),
				totals,
				flaggedOps:
					sales.filter((s) => s.is_flagged === 1).length +
					returns.filter((r) => r.is_flagged === 1).length
			};
		}
	};
}
