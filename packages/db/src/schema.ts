import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Row types of the server store, one interface per table, identical on SQLite and PostgreSQL.
 * Conventions (see migrations/0001_foundation.ts): ids are text; money is integer minor units in
 * bigint columns read back as JS numbers; timestamps are ISO-8601 text; booleans are 0/1;
 * JSON is text. Every shop-owned row carries shop_id.
 */

/** 0 or 1: booleans are integers on both dialects. */
export type Flag = 0 | 1;

// Same values as core's TaxMode and TaxRounding, so a shop row feeds core's tax math as-is.
export type TaxMode = 'inclusive' | 'exclusive';
export type TaxRounding = 'line' | 'receipt';
export type StaffRole = 'clerk' | 'manager' | 'owner';
export type ItemKindColumn = 'new' | 'used';
export type ItemStatus = 'active' | 'sold' | 'returned_to_label' | 'archived';
export type ShareKind = 'percent' | 'fixed';
export type MovementReason =
	| 'receive'
	| 'sale'
	| 'return'
	| 'adjust'
	| 'consign_in'
	| 'return_to_label'
	| 'trade_in'
	| 'count';
/** The entities the pull feed carries; each write to one appends its full new snapshot. */
export type ChangeEntity =
	| 'shop'
	| 'tax_class'
	| 'staff'
	| 'release'
	| 'item'
	| 'stock'
	| 'label'
	| 'agreement'
	| 'sale'
	| 'return'
	| 'trade_in';
export type ActorKind = 'staff' | 'label' | 'device' | 'system';

export interface ShopsTable {
	id: string;
	name: string;
	/** ISO 4217, e.g. EUR. */
	currency: string;
	/** IANA zone, e.g. Europe/Berlin: decides the business day. */
	timezone: string;
	/** BCP 47 tag for formatting and reading typed amounts (de-DE). */
	locale: Generated<string>;
	tax_mode: TaxMode;
	tax_rounding: TaxRounding;
	/** Cash totals round to this many minor units (1 = no rounding, 5 for CHF): core's cashRoundingIncrementCents. */
	cash_rounding_cents: Generated<number>;
	/** Extra store credit offered on trade-ins, in basis points of the cash offer. */
	trade_in_credit_bonus_bp: Generated<number>;
	/** Last device code handed out (K1, K2, …). */
	device_code_seq: Generated<number>;
	/** Last seq written to `changes` for this shop; bumped inside every writing transaction. */
	change_seq: Generated<number>;
	created_at: string;
}

export interface TaxClassesTable {
	id: string;
	shop_id: string;
	name: string;
	/** Parts per million: 190000 = 19 %. */
	rate_ppm: number;
	active: Generated<Flag>;
	version: Generated<number>;
	updated_at: string;
}

export interface StaffTable {
	id: string;
	shop_id: string;
	name: string;
	role: StaffRole;
	/** `pbkdf2-sha256$<iterations>$<salt>$<hash>` from hashPin in @deadwax/sync. */
	pin_hash: string;
	active: Generated<Flag>;
	failed_attempts: Generated<number>;
	updated_at: string;
}

export interface ReleasesTable {
	id: string;
	shop_id: string;
	artist: string;
	title: string;
	label: string | null;
	catno: string | null;
	/** catno folded for lookup: upper case, no spaces or punctuation ("SK 026" → "SK026"). */
	catno_key: string | null;
	format: string;
	year: number | null;
	discogs_release_id: number | null;
	/** JSON array of strings. */
	genres: string;
	version: Generated<number>;
	updated_at: string;
}

export interface ReleaseBarcodesTable {
	shop_id: string;
	release_id: string;
	/** Digits only, check digit validated on the way in. */
	barcode: string;
}

export interface ItemsTable {
	id: string;
	shop_id: string;
	/** Null for things that are not a release (merch, gift cards). */
	release_id: string | null;
	/** Receipt and shelf text when there is no release. */
	title: string | null;
	kind: ItemKindColumn;
	/** In-store EAN-13 for used copies; null for new stock sold by release barcode. */
	sku: string | null;
	price_cents: number;
	cost_cents: number | null;
	tax_class_id: string;
	media_grade: string | null;
	sleeve_grade: string | null;
	bin: string | null;
	genre: string | null;
	/** Set when the copy is on consignment from this label. */
	label_id: string | null;
	notes: string | null;
	status: Generated<ItemStatus>;
	version: Generated<number>;
	updated_at: string;
}

/** Labels are not shop-owned: one label consigns to many shops of a network and sees across them. */
export interface LabelsTable {
	id: string;
	name: string;
	contact: string | null;
	created_at: string;
}

export interface ConsignmentAgreementsTable {
	id: string;
	shop_id: string;
	label_id: string;
	share_kind: ShareKind;
	/** Label's share of the sale price for `percent` agreements (7000 = 70 %). */
	share_bp: number | null;
	/** Label's fixed amount per copy for `fixed` agreements. */
	share_cents: number | null;
	/** JSON object: per-item or per-release overrides of the share. */
	overrides: string;
	active: Generated<Flag>;
	version: Generated<number>;
	updated_at: string;
}

/** Immutable: on-hand is the sum of these. Written only through recordMovement. */
export interface StockMovementsTable {
	id: string;
	shop_id: string;
	item_id: string;
	delta: number;
	reason: MovementReason;
	ref_kind: string | null;
	ref_id: string | null;
	at: string;
	/** Who or what caused it: a staff id, a device id, 'seed', … */
	by: string | null;
}

export interface StockLevelsTable {
	shop_id: string;
	item_id: string;
	on_hand: number;
}

export interface ChangesTable {
	shop_id: string;
	seq: number;
	entity: ChangeEntity;
	entity_id: string;
	/** JSON snapshot of the entity after the write; null when it was deleted. */
	data: string | null;
}

export interface AuditLogTable {
	id: string;
	/** Null for network-wide actions (a label acting across shops). */
	shop_id: string | null;
	actor_kind: ActorKind;
	actor_id: string | null;
	action: string;
	subject: string | null;
	/** JSON object. */
	detail: string;
	at: string;
}

/**
 * Every table of the store. Later migrations add their tables by augmenting this interface from
 * their own module (`declare module '../schema.ts' { interface Schema { ops: OpsTable } }`), so
 * every helper typed on `Kysely<Schema>` sees them.
 */
export interface Schema {
	shops: ShopsTable;
	tax_classes: TaxClassesTable;
	staff: StaffTable;
	releases: ReleasesTable;
	release_barcodes: ReleaseBarcodesTable;
	items: ItemsTable;
	labels: LabelsTable;
	consignment_agreements: ConsignmentAgreementsTable;
	stock_movements: StockMovementsTable;
	stock_levels: StockLevelsTable;
	changes: ChangesTable;
	audit_log: AuditLogTable;
}

export type Shop = Selectable<ShopsTable>;
export type NewShop = Insertable<ShopsTable>;
export type ShopUpdate = Updateable<ShopsTable>;
export type TaxClass = Selectable<TaxClassesTable>;
export type Staff = Selectable<StaffTable>;
export type Release = Selectable<ReleasesTable>;
export type Item = Selectable<ItemsTable>;
export type Label = Selectable<LabelsTable>;
export type ConsignmentAgreement = Selectable<ConsignmentAgreementsTable>;
export type StockMovement = Selectable<StockMovementsTable>;
export type Change = Selectable<ChangesTable>;
export type AuditEntry = Selectable<AuditLogTable>;
