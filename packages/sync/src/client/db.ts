import { Dexie, type EntityTable, type DexieOptions } from 'dexie';
import type {
	CashMoved,
	ReturnRecord,
	SaleRecord,
	ShiftClosed,
	ShiftOpened,
	TradeInRecord
} from '@deadwax/core';
import type { ChangeEntity } from '../protocol.ts';
import type { OutboxEntry } from '../outbox.ts';

/** A server snapshot kept as it arrived, under the change's entityId. */
export type SnapshotRow = { id: string } & Record<string, unknown>;

/** The server's last known on-hand for an item; the register adds its pending deltas on top. */
export type StockLevelRow = { itemId: string; onHand: number; seq: number };

/** A sale as this register knows it: rung up here (`origin: 'local'`) or pulled from the server. */
export type SaleRow = SaleRecord & { origin: 'local' | 'server' } & Record<string, unknown>;
export type ReturnRow = ReturnRecord & { origin: 'local' | 'server' } & Record<string, unknown>;

export type MetaRow = { key: string; value: unknown };

/**
 * A trade-in rung up on this register (`origin: 'local'`) or pulled from the server (another
 * register's, for its store-credit voucher); the server turns its lines into used items.
 */
export type TradeInRow = TradeInRecord & { origin: 'local' | 'server' } & Record<string, unknown>;

/** A till shift on this register: open until `closed` is set. */
export type ShiftRow = ShiftOpened & { closed: ShiftClosed | null };

export type CashMoveRow = CashMoved;

/**
 * The register's IndexedDB. Catalog tables mirror the server's change feed; sales and returns hold
 * what was rung up here and what other registers pushed; the outbox holds unacknowledged ops.
 * Schema changes add a new `version(n)` with an upgrade function; never edit an old version.
 */
export class DeadwaxDb extends Dexie {
	meta!: EntityTable<MetaRow, 'key'>;
	shop!: EntityTable<SnapshotRow, 'id'>;
	taxClasses!: EntityTable<SnapshotRow, 'id'>;
	staff!: EntityTable<SnapshotRow, 'id'>;
	releases!: EntityTable<SnapshotRow, 'id'>;
	items!: EntityTable<SnapshotRow, 'id'>;
	labels!: EntityTable<SnapshotRow, 'id'>;
	agreements!: EntityTable<SnapshotRow, 'id'>;
	stockLevels!: EntityTable<StockLevelRow, 'itemId'>;
	sales!: EntityTable<SaleRow, 'saleId'>;
	returns!: EntityTable<ReturnRow, 'returnId'>;
	outbox!: EntityTable<OutboxEntry, 'opId'>;
	tradeIns!: EntityTable<TradeInRow, 'tradeInId'>;
	shifts!: EntityTable<ShiftRow, 'shiftId'>;
	cashMoves!: EntityTable<CashMoveRow, 'moveId'>;

	constructor(name: string, options: DexieOptions = {}) {
		// Strict durability: a sale is on disk before the receipt shows (DESIGN invariant 1).
		super(name, { chromeTransactionDurability: 'strict', ...options });
		this.version(1).stores({
			meta: 'key',
			shop: 'id',
			taxClasses: 'id',
			staff: 'id',
			releases: 'id',
			items: 'id, releaseId',
			labels: 'id',
			agreements: 'id',
			stockLevels: 'itemId',
			sales: 'saleId, businessDay',
			returns: 'returnId, originalSaleId',
			outbox: 'opId, [state+deviceSeq]'
		});
		// 2: index the items each outbox entry moves, so one item's stock view reads only its own ops.
		this.version(2)
			.stores({ outbox: 'opId, [state+deviceSeq], *itemIds' })
			.upgrade((tx) =>
				tx
					.table<OutboxEntry>('outbox')
					.toCollection()
					.modify((entry) => {
						entry.itemIds = [...new Set(entry.stockDeltas.map((d) => d.itemId))];
					})
			);
		// 3: the register's own trade-ins, till shifts and cash moves (register helper, issue 5).
		this.version(3).stores({
			tradeIns: 'tradeInId, businessDay, completedAt',
			shifts: 'shiftId, openedAt',
			cashMoves: 'moveId, shiftId'
		});
		// 4: trade-ins are in the change feed too; the ones kept before were all rung up here.
		this.version(4)
			.stores({ tradeIns: 'tradeInId, businessDay, completedAt' })
			.upgrade((tx) =>
				tx
					.table<TradeInRow>('tradeIns')
					.toCollection()
					.modify((row) => {
						row.origin = 'local';
					})
			);
		// 5: tax rates in parts per million (protocol 6): tax classes' rateBp and sale lines'
		// taxRateBp become ratePpm and taxRatePpm (× 100). Outbox ops keep their shape: the server
		// still reads a protocol 5 taxRateBp.
		this.version(5).upgrade(async (tx) => {
			await tx
				.table<SnapshotRow>('taxClasses')
				.toCollection()
				.modify((row) => {
					if (typeof row.rateBp !== 'number') return;
					row.ratePpm = row.rateBp * 100;
					delete row.rateBp;
				});
			await tx
				.table<SaleRow>('sales')
				.toCollection()
				.modify((sale) => {
					for (const line of sale.lines as { taxRatePpm?: number; taxRateBp?: number }[]) {
						if (typeof line.taxRateBp !== 'number') continue;
						line.taxRatePpm = line.taxRateBp * 100;
						delete line.taxRateBp;
					}
				});
		});
	}
}

/** Which table holds each change-feed entity, and the key its rows use. */
export const ENTITY_TABLES = {
	shop: 'shop',
	tax_class: 'taxClasses',
	staff: 'staff',
	release: 'releases',
	item: 'items',
	stock: 'stockLevels',
	label: 'labels',
	agreement: 'agreements',
	sale: 'sales',
	return: 'returns',
	trade_in: 'tradeIns'
} as const satisfies Record<ChangeEntity, keyof DeadwaxDb>;
