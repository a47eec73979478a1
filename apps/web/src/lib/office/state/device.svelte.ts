import type { StockCounted, StockReceived } from '@deadwax/core';
import { DeadwaxDb, LocalStore, type DeviceIdentity } from '@deadwax/sync/client';
import {
	Catalog,
	type ItemRow,
	type RegisterItem,
	type ShopRow,
	type StaffRow
} from '$lib/register/catalog.ts';
import { REGISTER_DB_NAME } from '$lib/register/state/register.svelte.ts';
import { RegisterSync } from '$lib/sync/register-sync.svelte.ts';

/**
 * This tablet as a paired register, for the office's offline work: receiving and stock counts are
 * queued in the same outbox as sales (one IndexedDB, packages/sync's schema) and pushed by the
 * same sync engine when the connection is back. Unavailable on a browser that was never paired.
 */
export class OfficeDevice {
	device = $state.raw<DeviceIdentity | undefined>(undefined);
	catalog = $state.raw<Catalog | undefined>(undefined);
	managers = $state.raw<StaffRow[]>([]);
	shopName = $state<string | undefined>(undefined);
	pendingCount = $state(0);
	readonly sync = new RegisterSync();
	#store: LocalStore | undefined;
	#isOpen = false;

	get isAvailable(): boolean {
		return this.device !== undefined && this.catalog !== undefined;
	}

	async open(): Promise<void> {
		if (this.#isOpen) return;
		this.#isOpen = true;
		const store = new LocalStore(new DeadwaxDb(REGISTER_DB_NAME));
		this.#store = store;
		this.device = await store.device();
		if (this.device === undefined) return;
		await this.reload();
		this.sync.start(store, this.device.token, () => void this.reload());
		store.onChange(() => {
			this.sync.notifyChange();
			void this.#countPending();
		});
		await this.#countPending();
	}

	async reload(): Promise<void> {
		const store = this.#store;
		if (store === undefined) return;
		const db = store.db;
		const [shops, taxClasses, staff, releases, items, labels, agreements, stock] =
			await Promise.all([
				db.shop.toArray(),
				db.taxClasses.toArray(),
				db.staff.toArray(),
				db.releases.toArray(),
				db.items.toArray(),
				db.labels.toArray(),
				db.agreements.toArray(),
				store.stockView()
			]);
		const shop = shops[0] as unknown as ShopRow | undefined;
		this.managers = (staff as unknown as StaffRow[]).filter(
			(s) => s.isActive !== false && s.role !== 'clerk'
		);
		if (shop === undefined) return;
		this.shopName = shop.name;
		this.catalog = new Catalog({
			shop,
			taxClasses: taxClasses as never,
			releases: releases as never,
			items: items as never,
			labels: labels as never,
			agreements: agreements as never,
			stock
		});
		this.#rows = items as unknown as ItemRow[];
	}

	#rows: ItemRow[] = [];

	async #countPending(): Promise<void> {
		if (this.#store === undefined) return;
		this.pendingCount = (await this.#store.outbox.stats()).pendingCount;
	}

	/** What a scanned code names on this tablet: a release barcode, an in-store SKU or an item id. */
	lookup(code: string): RegisterItem | undefined {
		return this.catalog?.lookup(code);
	}

	/** Items filed in a bin, with the on-hand this tablet knows. */
	binItems(bin: string): { itemId: string; description: string; onHand: number }[] {
		const catalog = this.catalog;
		if (catalog === undefined) return [];
		return this.#rows
			.filter((r) => r.bin === bin && (r.status === undefined || r.status === 'active'))
			.map((r) => ({
				itemId: r.id,
				description: catalog.items.get(r.id)?.description ?? r.title ?? r.id,
				onHand: catalog.onHand(r.id)
			}));
	}

	async cursor(): Promise<number> {
		return this.#store === undefined ? 0 : this.#store.cursor();
	}

	/** Queues a delivery; the copies show on this tablet at once. */
	async queueReceive(payload: StockReceived): Promise<void> {
		const store = this.#requireStore();
		await store.recordOperation(
			'stock.received',
			payload,
			payload.lines.map((l) => ({ itemId: l.itemId, delta: l.quantity }))
		);
		await this.reload();
	}

	/** Queues a count; locally the counted figure shows at once, the server works out its delta. */
	async queueCount(payload: StockCounted): Promise<void> {
		const store = this.#requireStore();
		const view = await store.stockView();
		// What this tablet changed and has not sent yet is part of what the counter expected.
		const pending = await store.outbox.stockDeltas(payload.lines.map((l) => l.itemId));
		await store.recordOperation(
			'stock.counted',
			{
				...payload,
				lines: payload.lines.map((l) => ({ ...l, pendingDelta: pending.get(l.itemId) ?? 0 }))
			},
			payload.lines
				.map((l) => ({ itemId: l.itemId, delta: l.countedQty - (view.get(l.itemId) ?? 0) }))
				.filter((d) => d.delta !== 0)
		);
		await this.reload();
	}

	#requireStore(): LocalStore {
		if (this.#store === undefined || this.device === undefined) {
			throw new Error('this browser is not paired as a register, so it cannot work offline');
		}
		return this.#store;
	}
}

export const officeDevice = new OfficeDevice();
