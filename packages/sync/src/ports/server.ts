/*
 * The server's storage ports. packages/api reaches its stores only through these interfaces (in the
 * tRPC context); packages/db implements them for SQLite and PostgreSQL and runs one contract
 * suite per port against both.
 */

import type { DeviceStore, SyncStore } from './sync-server.ts';
import type { OfficeStores } from './office.ts';
import type { LabelStores } from './labels.ts';

/** Where time comes from on the server: passed in, so tests pin it instead of patching Date. */
export interface Clock {
	now(): Date;
}

export type StoreKind = 'sqlite' | 'postgres';
// Same values as core's TaxMode and TaxRounding, so a shop row feeds core's tax math as-is.
export type TaxMode = 'inclusive' | 'exclusive';
export type TaxRounding = 'line' | 'receipt';

/** Health of the store itself. */
export interface SystemStore {
	/** Resolves when the database answers a trivial query; rejects with the driver's error otherwise. */
	ping(): Promise<void>;
}

export interface ShopSummary {
	id: string;
	name: string;
	/** ISO 4217. */
	currency: string;
	/** IANA zone that decides the business day. */
	timezone: string;
	/** BCP 47 tag for formatting (de-DE). */
	locale: string;
	taxMode: TaxMode;
	taxRounding: TaxRounding;
	createdAt: string;
}

export interface NewShopInput {
	/** Defaults to a fresh UUIDv7. */
	id?: string;
	name: string;
	currency: string;
	timezone: string;
	/** Defaults to en-US. */
	locale?: string;
	taxMode: TaxMode;
	taxRounding?: TaxRounding;
}

/** The shops hosted by this server: one for a back-room install, many on a hosted network. */
export interface ShopStore {
	/** Creates the shop and appends its snapshot to its own change feed. Throws `conflict` on a taken id. */
	create(input: NewShopInput): Promise<ShopSummary>;
	byId(id: string): Promise<ShopSummary | null>;
	/** Every shop, oldest first. */
	list(): Promise<ShopSummary[]>;
}

/**
 * Everything the API may touch. Later features add their store here and implement it in
 * packages/db (sync adds its push/pull store).
 */
export interface ServerStores {
	system: SystemStore;
	shops: ShopStore;
	sync: SyncStore;
	devices: DeviceStore;
	office: OfficeStores;
	labels: LabelStores;
}
