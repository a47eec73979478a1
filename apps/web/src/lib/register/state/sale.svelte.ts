import { describeError } from '$lib/errors.ts';
import {
	addLine,
	completeSale,
	formatMoney,
	openCart,
	priceCart,
	removeLine,
	setLineDiscount,
	setQuantity,
	setReceiptDiscount,
	voidCart,
	type Cart,
	type CartTotals,
	type Discount,
	type SaleRecord,
	type TenderInput
} from '@deadwax/core';
import { appStatus } from '$lib/state/app-status.svelte.ts';
import { nowIso } from '../format.ts';
import { uuidv7 } from '../ids.ts';
import type { RegisterItem } from '../catalog.ts';
import { voucherBalance } from './vouchers.ts';
import { META, type RegisterApp } from './register.svelte.ts';

/** A sale put aside so the next customer can be served; resumed from the parked list. */
export interface ParkedSale {
	cart: Cart;
	/** Badges and grades of its lines, so the resumed cart looks the same. */
	items: Record<string, RegisterItem>;
	parkedAt: string;
	clerkName: string;
	note: string;
}

/** A code scanned that the catalog does not know: the clerk may add a quick item. */
export interface UnknownScan {
	code: string;
}

/**
 * The sale on screen: a core Cart plus what the counter shows per line. Every change goes through
 * core (which refuses bad quantities and discounts with a message); completion writes the sale,
 * its stock moves and its outbox op in one Dexie transaction before the receipt shows.
 */
export class SaleState {
	readonly #app: RegisterApp;
	cart = $state.raw<Cart | undefined>(undefined);
	/** itemId → the catalog entry, for grade and consignment badges on the line. */
	items = $state.raw<Record<string, RegisterItem>>({});
	receipt = $state.raw<SaleRecord | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	unknownScan = $state.raw<UnknownScan | undefined>(undefined);
	parked = $state.raw<ParkedSale[]>([]);
	/** Set after each add so the screen can announce it and tests can wait for it. */
	lastAdded = $state<string | undefined>(undefined);

	constructor(app: RegisterApp) {
		this.#app = app;
	}

	get totals(): CartTotals | undefined {
		return this.cart === undefined ? undefined : priceCart(this.cart);
	}

	get hasLines(): boolean {
		return (this.cart?.lines.length ?? 0) > 0;
	}

	#ensureCart(): Cart {
		const catalog = this.#app.catalog;
		if (catalog === undefined) throw new Error('the catalog is not loaded yet');
		return this.cart ?? openCart({ saleId: uuidv7(), shop: catalog.shop });
	}

	#set(cart: Cart | undefined): void {
		this.cart = cart;
		appStatus.saleInProgress = (cart?.lines.length ?? 0) > 0;
		this.problem = undefined;
	}

	#attempt(change: () => void): boolean {
		try {
			change();
			return true;
		} catch (error) {
			this.problem = describe(error);
			return false;
		}
	}

	/** A scan from the keyboard wedge or the camera: adds the item, or offers a quick item. */
	scan(code: string): boolean {
		const item = this.#app.catalog?.lookup(code);
		if (item === undefined) {
			this.unknownScan = { code };
			return false;
		}
		return this.add(item);
	}

	add(item: RegisterItem, quantity = 1): boolean {
		const catalog = this.#app.catalog;
		if (catalog === undefined) return false;
		this.receipt = undefined;
		return this.#attempt(() => {
			const next = addLine(this.#ensureCart(), {
				lineId: uuidv7(),
				item: catalog.catalogItem(item),
				quantity
			});
			this.items = { ...this.items, [item.itemId]: item };
			this.#set(next);
			this.lastAdded = item.description;
		});
	}

	/** Adds an item the catalog does not know, at a price a manager approved. */
	addQuickItem(options: {
		code: string;
		description: string;
		priceCents: number;
		taxClassId: string;
		approvedBy: string;
	}): boolean {
		const item: RegisterItem = {
			itemId: `quick-${options.code}-${uuidv7().slice(-8)}`,
			releaseId: null,
			artist: '',
			title: options.description,
			label: null,
			catno: null,
			format: null,
			kind: 'new',
			priceCents: options.priceCents,
			taxClassId: options.taxClassId,
			grade: null,
			bin: null,
			genre: null,
			consignedBy: null,
			consignmentLabelId: null,
			barcodes: [options.code],
			sku: null,
			description: `${options.description} (quick item ${options.code}, approved by ${options.approvedBy})`
		};
		const isAdded = this.add(item);
		if (isAdded) this.unknownScan = undefined;
		return isAdded;
	}

	setQuantity(lineId: string, quantity: number): boolean {
		return this.#attempt(() => this.#set(setQuantity(this.#ensureCart(), lineId, quantity)));
	}

	remove(lineId: string): boolean {
		return this.#attempt(() => this.#set(removeLine(this.#ensureCart(), lineId)));
	}

	lineDiscount(lineId: string, discount: Discount | null): boolean {
		return this.#attempt(() => this.#set(setLineDiscount(this.#ensureCart(), lineId, discount)));
	}

	receiptDiscount(discount: Discount | null): boolean {
		return this.#attempt(() => this.#set(setReceiptDiscount(this.#ensureCart(), discount)));
	}

	/** Abandons the sale on screen; nothing was taken, so nothing is recorded. */
	void(reason = 'voided at the counter'): void {
		if (this.cart !== undefined && this.hasLines)
			this.#attempt(() => voidCart(this.#ensureCart(), reason));
		this.#set(undefined);
		this.items = {};
	}

	async loadParked(): Promise<void> {
		try {
			this.parked = ((await this.#app.db.meta.get(META.parked))?.value ?? []) as ParkedSale[];
		} catch (error) {
			this.#app.report(error);
		}
	}

	/** Puts the sale aside (in IndexedDB, so a reload keeps it) and clears the screen. */
	async park(note: string): Promise<boolean> {
		const cart = this.cart;
		if (cart === undefined || !this.hasLines) {
			this.problem = 'There is nothing to park: add an item first.';
			return false;
		}
		const entry: ParkedSale = {
			cart,
			items: this.items,
			parkedAt: nowIso(),
			clerkName: this.#app.clerk?.name ?? '',
			note: note.trim() || `Sale of ${cart.lines.length} line${cart.lines.length === 1 ? '' : 's'}`
		};
		try {
			const next = [...this.parked, entry];
			await this.#app.db.meta.put({ key: META.parked, value: next });
			this.parked = next;
			this.#set(undefined);
			this.items = {};
			return true;
		} catch (error) {
			this.#app.report(error);
			return false;
		}
	}

	/** Brings a parked sale back; the one on screen, if any, is parked in its place. */
	async resume(saleId: string): Promise<boolean> {
		const entry = this.parked.find((p) => p.cart.saleId === saleId);
		if (entry === undefined) return false;
		if (this.hasLines && !(await this.park(''))) return false;
		try {
			const next = this.parked.filter((p) => p.cart.saleId !== saleId);
			await this.#app.db.meta.put({ key: META.parked, value: next });
			this.parked = next;
			this.items = entry.items;
			this.#set(entry.cart);
			return true;
		} catch (error) {
			this.#app.report(error);
			return false;
		}
	}

	/**
	 * Takes payment and completes the sale: core prices and settles it, then the sale, its stock
	 * moves and its outbox op are written in one transaction, and only then does the receipt show.
	 * Returns false with `problem` set when core refuses the tenders or the write fails.
	 */
	async pay(tenders: readonly TenderInput[]): Promise<boolean> {
		const cart = this.cart;
		const clerk = this.#app.clerk;
		if (cart === undefined || clerk === undefined) return false;
		try {
			for (const t of tenders) {
				if (t.kind !== 'voucher') continue;
				const balance = await voucherBalance(this.#app.db, t.voucherCode);
				if (balance === null)
					throw new Error(`Voucher ${t.voucherCode} is not known on this register.`);
				if (t.amountCents > balance) {
					const shop = cart.shop;
					const money = (c: number) => formatMoney(c, shop.currency, shop.locale);
					throw new Error(
						`Voucher ${t.voucherCode} has only ${money(balance)} left (asked for ${money(t.amountCents)}).`
					);
				}
			}
			const receiptNo = await this.#app.store.nextReceiptNo();
			const record = completeSale(cart, {
				tenders,
				receiptNo,
				clerkId: clerk.id,
				completedAt: nowIso()
			});
			await this.#app.store.recordSale(record);
			const stock = this.#app.catalog?.stock;
			for (const line of record.lines)
				stock?.set(line.itemId, (stock.get(line.itemId) ?? 0) - line.quantity);
			this.receipt = record;
			this.#set(undefined);
			this.items = {};
			return true;
		} catch (error) {
			this.problem = describe(error);
			return false;
		}
	}

	/** Clears the receipt so the next sale starts. */
	newSale(): void {
		this.receipt = undefined;
		this.problem = undefined;
	}
}

/** Cashier wording for any failure, from the app's one map (a full disk reads as such). */
function describe(error: unknown): string {
	return describeError(error);
}
