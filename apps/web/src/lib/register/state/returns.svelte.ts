import { describeError } from '$lib/errors.ts';
import {
	parseReceiptNo,
	returnableUnits,
	returnAgainstSale,
	returnWithoutReceipt,
	type RefundTo,
	type ReturnRecord,
	type SaleRecord
} from '@deadwax/core';
import { nowIso } from '../format.ts';
import { uuidv7 } from '../ids.ts';
import type { RegisterItem } from '../catalog.ts';
import type { RegisterApp } from './register.svelte.ts';
import { NO_UNITS, voucherCodeFor } from './vouchers.ts';

/** How many units of each line of the found sale are coming back, and whether they restock. */
export interface ReturnPick {
	quantity: number;
	restock: boolean;
}

/**
 * The returns desk: find a sale by its receipt barcode or number (rung up here or pulled from the
 * server, so it works offline), pick what comes back, refund through core, record locally first.
 */
export class ReturnsState {
	readonly #app: RegisterApp;
	sale = $state.raw<SaleRecord | undefined>(undefined);
	earlier = $state.raw<ReturnRecord[]>([]);
	picks = $state<Record<string, ReturnPick>>({});
	matches = $state.raw<SaleRecord[]>([]);
	problem = $state<string | undefined>(undefined);
	done = $state.raw<ReturnRecord | undefined>(undefined);

	constructor(app: RegisterApp) {
		this.#app = app;
	}

	get left(): ReadonlyMap<string, number> {
		return this.sale === undefined ? NO_UNITS : returnableUnits(this.sale, this.earlier);
	}

	/** Finds a sale by its receipt number as scanned or typed ("K7-000012", "k7 12"). */
	async find(text: string): Promise<boolean> {
		this.problem = undefined;
		this.done = undefined;
		let receiptNo: string;
		try {
			const { deviceCode, seq } = parseReceiptNo(text);
			receiptNo = `${deviceCode}-${String(seq).padStart(6, '0')}`;
		} catch (error) {
			this.problem = describeError(error);
			return false;
		}
		try {
			const sale = await this.#app.db.sales.filter((s) => s.receiptNo === receiptNo).first();
			if (sale === undefined) {
				this.problem = `No sale ${receiptNo} on this register. Sales from other registers appear once they have synced.`;
				return false;
			}
			await this.select(sale);
			return true;
		} catch (error) {
			this.#app.report(error);
			return false;
		}
	}

	/** Recent sales whose receipt number or lines contain `text`, newest first. */
	async search(text: string): Promise<void> {
		const wanted = text.trim().toLowerCase();
		try {
			const all = await this.#app.db.sales.orderBy('businessDay').reverse().limit(500).toArray();
			this.matches = all
				.filter(
					(s) =>
						wanted === '' ||
						s.receiptNo.toLowerCase().includes(wanted) ||
						s.lines.some((l) => l.description.toLowerCase().includes(wanted))
				)
				.sort((a, b) => b.completedAt.localeCompare(a.completedAt))
				.slice(0, 20);
		} catch (error) {
			this.#app.report(error);
		}
	}

	async select(sale: SaleRecord): Promise<void> {
		this.sale = sale;
		this.done = undefined;
		this.earlier = await this.#app.db.returns.where('originalSaleId').equals(sale.saleId).toArray();
		const left = returnableUnits(sale, this.earlier);
		this.picks = Object.fromEntries(
			sale.lines.map((l) => [l.lineId, { quantity: 0, restock: (left.get(l.lineId) ?? 0) > 0 }])
		);
	}

	/** Refunds the picked units of the found sale, to the original tenders or to store credit. */
	async complete(options: {
		reason: string;
		refund: 'original' | 'store_credit';
	}): Promise<boolean> {
		const sale = this.sale;
		const clerk = this.#app.clerk;
		const catalog = this.#app.catalog;
		if (sale === undefined || clerk === undefined || catalog === undefined) return false;
		try {
			const lines = Object.entries(this.picks)
				.filter(([, p]) => p.quantity > 0)
				.map(([originalLineId, p]) => ({
					lineId: uuidv7(),
					originalLineId,
					quantity: p.quantity,
					restock: p.restock
				}));
			if (lines.length === 0) throw new Error('Choose how many of at least one line come back.');
			const receiptNo = await this.#app.store.nextReceiptNo();
			const refundTo: RefundTo =
				options.refund === 'original'
					? { kind: 'original' }
					: { kind: 'store_credit', voucherCode: voucherCodeFor(receiptNo) };
			const record = returnAgainstSale(
				{
					returnId: uuidv7(),
					shop: catalog.shop,
					receiptNo,
					clerkId: clerk.id,
					completedAt: nowIso(),
					reason: options.reason
				},
				{ original: sale, earlierReturns: this.earlier, lines, refundTo }
			);
			await this.#app.store.recordReturn(record);
			this.#restock(record);
			this.done = record;
			this.sale = undefined;
			return true;
		} catch (error) {
			this.problem = describeError(error);
			return false;
		}
	}

	/** A return with no receipt: a manager approves it with their PIN; refund in cash or store credit. */
	async completeWithoutReceipt(options: {
		item: RegisterItem;
		quantity: number;
		unitRefundCents: number;
		restock: boolean;
		reason: string;
		refund: 'cash' | 'store_credit';
		managerId: string;
		managerPin: string;
	}): Promise<boolean> {
		const clerk = this.#app.clerk;
		const catalog = this.#app.catalog;
		if (clerk === undefined || catalog === undefined) return false;
		try {
			const approvedBy = await this.#app.approveByManager(options.managerId, options.managerPin);
			if (approvedBy === null)
				throw new Error(
					'A manager must approve a return without a receipt: that PIN is not right.'
				);
			const receiptNo = await this.#app.store.nextReceiptNo();
			const taxClass = catalog.shop.taxClasses.find((t) => t.id === options.item.taxClassId);
			const terms = catalog.catalogItem(options.item).consignment;
			const record = returnWithoutReceipt(
				{
					returnId: uuidv7(),
					shop: catalog.shop,
					receiptNo,
					clerkId: clerk.id,
					completedAt: nowIso(),
					reason: options.reason
				},
				{
					approvedByManagerId: approvedBy,
					lines: [
						{
							lineId: uuidv7(),
							itemId: options.item.itemId,
							quantity: options.quantity,
							unitRefundCents: options.unitRefundCents,
							taxRatePpm: taxClass?.ratePpm ?? 0,
							restock: options.restock,
							consignment: terms
						}
					],
					refundTo:
						options.refund === 'cash'
							? { kind: 'cash' }
							: { kind: 'store_credit', voucherCode: voucherCodeFor(receiptNo) }
				}
			);
			await this.#app.store.recordReturn(record);
			this.#restock(record);
			this.done = record;
			return true;
		} catch (error) {
			this.problem = describeError(error);
			return false;
		}
	}

	#restock(record: ReturnRecord): void {
		const stock = this.#app.catalog?.stock;
		for (const l of record.lines)
			if (l.restock) stock?.set(l.itemId, (stock.get(l.itemId) ?? 0) + l.quantity);
	}

	clear(): void {
		this.sale = undefined;
		this.done = undefined;
		this.problem = undefined;
		this.picks = {};
	}
}
