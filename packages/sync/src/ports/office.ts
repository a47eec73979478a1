/*
 * The office's server ports: the manager's back office (catalog, stock documents, the Discogs
 * import and export, the review queue, staff, the audit log, reports) and its sign-in sessions.
 * packages/api reaches them through `ctx.stores.office`; packages/db implements them over Kysely
 * and runs each against SQLite and PostgreSQL. Every write takes the acting manager (`OfficeActor`,
 * from the session, never from the client), writes an audit_log row, and appends what tablets must
 * see to the change feed, all in one transaction.
 */
import type { DiscogsProblem } from '@deadwax/core/discogs';

export type StaffRole = 'clerk' | 'manager' | 'owner';

/** Who is acting: the signed-in manager or owner of one shop. */
export interface OfficeActor {
	shopId: string;
	staffId: string;
	role: StaffRole;
	/** 'system' for the CLI; audited as such. Defaults to 'staff'. */
	kind?: 'staff' | 'system';
}

// ── sign-in ──────────────────────────────────────────────────────────────────────────────────

export interface OfficeSessionInfo {
	shopId: string;
	staffId: string;
	name: string;
	role: StaffRole;
	expiresAt: string;
}

export interface OfficeSignIn {
	/** The cookie value, shown once; the server keeps only its hash. */
	token: string;
	session: OfficeSessionInfo;
}

/** What the sign-in screen offers: the shop and the names of those who may use the office. */
export interface SignInChoices {
	shop: { id: string; name: string };
	staff: { id: string; name: string; role: StaffRole }[];
}

export interface OfficeAuthStore {
	/** Active managers and owners of the shop, by name. Throws `not_found` for an unknown shop. */
	signInChoices(shopId: string): Promise<SignInChoices>;
	/**
	 * Checks the PIN and opens a session. Throws `invalid_input` for a wrong PIN (counting failures;
	 * after 5 the staff member is locked for 5 minutes), `manager_required` for a clerk or an
	 * inactive account, `not_found` for an unknown shop or staff id.
	 */
	signIn(input: { shopId: string; staffId: string; pin: string }): Promise<OfficeSignIn>;
	/** The live session a cookie token names, or null (unknown, expired, revoked, staff gone). */
	resolve(token: string): Promise<OfficeSessionInfo | null>;
	/** Ends the session; an unknown token changes nothing. */
	signOut(token: string): Promise<void>;
}

// ── catalog ──────────────────────────────────────────────────────────────────────────────────

export interface ReleaseFields {
	artist: string;
	title: string;
	label: string | null;
	catno: string | null;
	/** One of core's RELEASE_FORMATS. */
	format: string;
	year: number | null;
	discogsReleaseId: number | null;
	genres: string[];
	/** Valid barcodes (normalised to GTIN-13 by the store); a release may have several. */
	barcodes: string[];
}

export interface ReleaseView extends ReleaseFields {
	id: string;
	version: number;
	updatedAt: string;
	/** Items of this release in the shop, and the copies on hand across them. */
	itemCount: number;
	onHand: number;
}

export type ItemKind = 'new' | 'used';
export type ItemStatus = 'active' | 'sold' | 'returned_to_label' | 'archived';

export interface ItemFields {
	releaseId: string | null;
	/** Shelf text when there is no release. */
	title: string | null;
	kind: ItemKind;
	priceCents: number;
	costCents: number | null;
	taxClassId: string;
	/** Used copies: Goldmine grades as short codes (NM, VG+…); null for new stock. */
	mediaGrade: string | null;
	sleeveGrade: string | null;
	bin: string | null;
	genre: string | null;
	/** Set when the copies are on consignment from this label. */
	labelId: string | null;
	notes: string | null;
	status: ItemStatus;
}

export interface ItemView extends ItemFields {
	id: string;
	/** In-store EAN-13 (used copies always have one). */
	sku: string | null;
	version: number;
	updatedAt: string;
	onHand: number;
	/** "Artist – Title" of the release, or the item's own title. */
	description: string;
	format: string | null;
	/** Release barcodes, for new stock scanned by its own barcode. */
	barcodes: string[];
	labelName: string | null;
	discogsListingId: string | null;
}

export interface ItemQuery {
	shopId: string;
	/** Matches artist, title, catalog number, barcode or SKU. */
	search?: string;
	kind?: ItemKind;
	bin?: string;
	labelId?: string;
	/** Only items with copies on hand. */
	isInStock?: boolean;
	limit: number;
	offset: number;
}

/** What a scanned or typed code names: one item (an in-store SKU) or a release's items. */
export type CodeMatch =
	| { kind: 'item'; item: ItemView }
	| { kind: 'release'; release: ReleaseView; items: ItemView[] }
	| { kind: 'none'; code: string };

export interface CatalogLists {
	taxClasses: { id: string; name: string; ratePpm: number }[];
	labels: { id: string; name: string; agreementId: string | null; isActive: boolean }[];
	bins: string[];
	currency: string;
	locale: string;
	timezone: string;
}

export interface CatalogStore {
	lists(shopId: string): Promise<CatalogLists>;
	searchReleases(input: {
		shopId: string;
		search: string;
		limit: number;
		offset: number;
	}): Promise<{ releases: ReleaseView[]; total: number }>;
	releaseById(input: {
		shopId: string;
		releaseId: string;
	}): Promise<{ release: ReleaseView; items: ItemView[] }>;
	/** Throws `invalid_input` for a bad barcode or format. */
	createRelease(input: { actor: OfficeActor; fields: ReleaseFields }): Promise<ReleaseView>;
	/**
	 * Saves `fields` when the release is still at `version`. Otherwise throws `conflict` naming
	 * every field changed since that version with its current value, and saves nothing.
	 */
	updateRelease(input: {
		actor: OfficeActor;
		releaseId: string;
		version: number;
		fields: ReleaseFields;
	}): Promise<ReleaseView>;
	listItems(query: ItemQuery): Promise<{ items: ItemView[]; total: number }>;
	itemById(input: { shopId: string; itemId: string }): Promise<ItemView>;
	/**
	 * A new item. Used copies get the next in-store EAN-13 and must be graded; `quantity` copies
	 * (default 1 for used, 0 for new) enter stock as a 'receive' movement.
	 */
	createItem(input: {
		actor: OfficeActor;
		/** Defaults to a fresh UUIDv7; the review queue passes an unknown item's id to create it. */
		itemId?: string;
		fields: ItemFields;
		quantity?: number;
	}): Promise<ItemView>;
	/** As updateRelease: optimistic on `version`, refused with `conflict` saying what changed. */
	updateItem(input: {
		actor: OfficeActor;
		itemId: string;
		version: number;
		fields: ItemFields;
	}): Promise<ItemView>;
	/** Resolves a scan: an in-store SKU, a release barcode, or nothing. Never throws for junk. */
	findByCode(input: { shopId: string; code: string }): Promise<CodeMatch>;
}

// ── stock documents ──────────────────────────────────────────────────────────────────────────

export interface ReceiveInput {
	/** UUID made by the client: sending the same document twice records it once. */
	documentId: string;
	supplier: string;
	reference: string | null;
	lines: { itemId: string; quantity: number; costCents: number | null }[];
}

export interface ConsignInInput {
	documentId: string;
	labelId: string;
	reference: string | null;
	lines: { itemId: string; quantity: number }[];
}

export interface ReturnToLabelInput {
	documentId: string;
	labelId: string;
	reason: string;
	lines: { itemId: string; quantity: number }[];
}

export interface CountInput {
	documentId: string;
	bin: string | null;
	reason: string;
	/** The feed seq the expected figures were read at: later movements are kept on top. */
	cursor: number;
	lines: { itemId: string; countedQty: number }[];
}

export interface StockDocumentLine {
	itemId: string;
	description: string;
	/** The movement written (0 when a count matched). */
	delta: number;
	costCents?: number | null;
	countedQty?: number;
	expectedQty?: number;
	onHandAfter: number;
}

export interface StockDocumentView {
	id: string;
	kind: 'receive' | 'consign_in' | 'return_to_label' | 'count';
	counterparty: string | null;
	counterpartyName: string | null;
	reference: string | null;
	reason: string | null;
	by: string;
	byName: string | null;
	deviceId: string | null;
	at: string;
	lines: StockDocumentLine[];
}

export interface BinContents {
	bin: string;
	/** Pass back with the count: the seq these on-hand figures were read at. */
	cursor: number;
	items: ItemView[];
}

export interface StockStore {
	/** Every stock write below is idempotent on documentId; a repeat returns the first document. */
	receive(input: { actor: OfficeActor; receipt: ReceiveInput }): Promise<StockDocumentView>;
	/** Copies must be the label's items and the label needs an active agreement with the shop. */
	consignIn(input: { actor: OfficeActor; intake: ConsignInInput }): Promise<StockDocumentView>;
	/** Refuses to send back more copies than are on hand (`invalid_input`). */
	returnToLabel(input: {
		actor: OfficeActor;
		shipment: ReturnToLabelInput;
	}): Promise<StockDocumentView>;
	/** Posts each difference between counted and expected-at-cursor as a 'count' movement. */
	count(input: { actor: OfficeActor; count: CountInput }): Promise<StockDocumentView>;
	binContents(input: { shopId: string; bin: string }): Promise<BinContents>;
	/** One document of the shop. Throws `not_found`. */
	document(input: { shopId: string; documentId: string }): Promise<StockDocumentView>;
	documents(input: {
		shopId: string;
		kind?: StockDocumentView['kind'];
		limit: number;
	}): Promise<StockDocumentView[]>;
	/** The ledger of one item, newest first. */
	movements(input: { shopId: string; itemId: string; limit: number }): Promise<
		{
			id: string;
			delta: number;
			reason: string;
			refKind: string | null;
			refId: string | null;
			at: string;
			by: string | null;
		}[]
	>;
}

// ── Discogs ──────────────────────────────────────────────────────────────────────────────────

export type DiscogsImportOutcome =
	| {
			ok: true;
			/** Listings in the file. */
			listings: number;
			created: number;
			updated: number;
			unchanged: number;
			releasesCreated: number;
	  }
	| {
			ok: false;
			/** Every problem, up to `MAX_REPORTED_PROBLEMS`; `problemCount` has the full count. */
			problems: DiscogsProblem[];
			problemCount: number;
	  };

/** Progress of a running import: listings written so far of the total. */
export type ImportProgress = (done: number, total: number) => void;

export interface DiscogsStore {
	/**
	 * Imports a Discogs inventory export in one transaction: all or nothing. Each listing becomes a
	 * used, graded item keyed on its listing_id, so importing the same file again changes nothing.
	 */
	importText(input: {
		actor: OfficeActor;
		text: string;
		onProgress?: ImportProgress;
	}): Promise<DiscogsImportOutcome>;
	/** The shop's used stock on hand, in the Discogs export format byte for byte. */
	exportText(shopId: string): Promise<string>;
	/** Large files arrive in chunks (so the browser can show progress), then commit as one. */
	startUpload(input: { actor: OfficeActor; chunkCount: number }): Promise<{ uploadId: string }>;
	putChunk(input: {
		actor: OfficeActor;
		uploadId: string;
		index: number;
		text: string;
	}): Promise<void>;
	/** Joins the chunks, imports them as importText does and deletes the upload. */
	commitUpload(input: {
		actor: OfficeActor;
		uploadId: string;
		onProgress?: ImportProgress;
	}): Promise<DiscogsImportOutcome>;
}

// ── review queue ─────────────────────────────────────────────────────────────────────────────

export type ReviewFlagKind = 'oversell' | 'unknown_item' | 'clock_skew' | 'invalid_op';

export type ReviewResolution =
	/** Oversell: count the copies now; the difference is posted as a 'count' movement. */
	| { action: 'recount'; countedQty: number; note?: string }
	/** Oversell: leave the negative figure (a refund or a re-order follows). */
	| { action: 'accept_negative'; note?: string }
	/** Oversell: the sold copies existed after all; adjust on-hand back to zero. */
	| { action: 'mark_found'; note?: string }
	/** Unknown item: the sold item id was this existing item; its stock moves now. */
	| { action: 'link_item'; itemId: string; note?: string }
	/** Unknown item: create the item under the id the tablet used, then move its stock. */
	| { action: 'create_item'; fields: ItemFields; note?: string }
	/** Clock skew or an invalid op: seen and dealt with outside Deadwax. */
	| { action: 'acknowledge'; note?: string };

export interface ReviewFlagView {
	id: string;
	kind: ReviewFlagKind;
	/** The sale, return or op id the flag is about. */
	subject: string;
	detail: Record<string, unknown>;
	createdAt: string;
	resolvedAt: string | null;
	resolvedBy: string | null;
	resolvedByName: string | null;
	resolution: ReviewResolution | null;
	/** What the office shows beside it: the item, the receipt, the device. */
	itemId: string | null;
	itemDescription: string | null;
	onHand: number | null;
	receiptNo: string | null;
	deviceName: string | null;
}

export interface ReviewStore {
	list(input: { shopId: string; isResolved: boolean; limit: number }): Promise<ReviewFlagView[]>;
	openCount(shopId: string): Promise<number>;
	/**
	 * Resolves a flag with an action that fits its kind (`invalid_input` otherwise) and records who
	 * did it. Throws `conflict` when it is already resolved.
	 */
	resolve(input: {
		actor: OfficeActor;
		flagId: string;
		resolution: ReviewResolution;
	}): Promise<ReviewFlagView>;
}

// ── staff and audit ──────────────────────────────────────────────────────────────────────────

export interface StaffView {
	id: string;
	name: string;
	role: StaffRole;
	isActive: boolean;
	isLocked: boolean;
	updatedAt: string;
}

export interface StaffStore {
	list(shopId: string): Promise<StaffView[]>;
	/**
	 * Adds a staff member with a PIN (hashed; the hash reaches tablets through the feed for offline
	 * sign-in). Only an owner may add managers and owners (`manager_required` otherwise).
	 */
	create(input: {
		actor: OfficeActor;
		name: string;
		role: StaffRole;
		pin: string;
	}): Promise<StaffView>;
	/**
	 * Changes name, role, PIN or active flag. A new PIN also unlocks. Only an owner may touch a
	 * manager or owner or grant those roles; the last active owner cannot be demoted or deactivated.
	 */
	update(input: {
		actor: OfficeActor;
		staffId: string;
		name?: string;
		role?: StaffRole;
		pin?: string;
		isActive?: boolean;
	}): Promise<StaffView>;
}

export interface AuditEntryView {
	id: string;
	actorKind: 'staff' | 'label' | 'device' | 'system';
	actorId: string | null;
	actorName: string | null;
	action: string;
	subject: string | null;
	detail: Record<string, unknown>;
	at: string;
}

export interface AuditStore {
	/** Newest first; `before` pages back by time. */
	list(input: {
		shopId: string;
		limit: number;
		before?: string;
		action?: string;
	}): Promise<AuditEntryView[]>;
}

// ── tax classes ──────────────────────────────────────────────────────────────────────────────

export interface TaxClassView {
	id: string;
	name: string;
	/** Parts per million: 88750 = 8.875 %. */
	ratePpm: number;
	isActive: boolean;
	version: number;
	updatedAt: string;
}

/**
 * The shop's tax classes. A sale freezes its line's rate, so a changed rate applies to later
 * sales only. Every write reaches the registers through the feed.
 */
export interface TaxClassStore {
	list(shopId: string): Promise<TaxClassView[]>;
	/** `invalid_input` naming the field for an empty or long name or a rate outside 0–100 %. */
	create(input: { actor: OfficeActor; name: string; ratePpm: number }): Promise<TaxClassView>;
	/**
	 * Renames or re-rates a class. `conflict` (saying what changed) when `expectedVersion` is no
	 * longer current, `not_found` for another shop's or an unknown class.
	 */
	update(input: {
		actor: OfficeActor;
		taxClassId: string;
		expectedVersion: number;
		name: string;
		ratePpm: number;
	}): Promise<TaxClassView>;
}

// ── reports ──────────────────────────────────────────────────────────────────────────────────

/** Business days YYYY-MM-DD, both included. */
export interface DayRange {
	shopId: string;
	from: string;
	to: string;
}

export interface SalesByDayRow {
	day: string;
	sales: number;
	units: number;
	/** Sales totals, tax included, before returns. */
	grossCents: number;
	refundsCents: number;
	netCents: number;
	taxCents: number;
}

export interface SalesByKeyRow {
	key: string;
	units: number;
	totalCents: number;
}

export interface StockSplitRow {
	kind: 'owned' | 'consigned';
	items: number;
	units: number;
	/** On-hand copies at shelf price. */
	retailCents: number;
	soldUnits: number;
	soldCents: number;
}

export interface BestSellerRow {
	itemId: string;
	description: string;
	format: string | null;
	units: number;
	totalCents: number;
}

export interface AgedStockRow {
	itemId: string;
	description: string;
	kind: ItemKind;
	bin: string | null;
	onHand: number;
	priceCents: number;
	/** First time the item entered stock. */
	since: string | null;
	ageDays: number | null;
}

export interface PayableRow {
	labelId: string;
	labelName: string;
	owedCents: number;
	paidCents: number;
	balanceCents: number;
	unitsSold: number;
}

export interface EndOfDayRegister {
	deviceId: string;
	deviceName: string;
	sales: number;
	grossCents: number;
	taxCents: number;
	refundsCents: number;
	/** Per tender kind (cash, card, voucher): what was taken minus what was refunded. */
	tenders: Record<string, number>;
	cashCents: number;
}

export interface EndOfDaySummary {
	businessDay: string;
	currency: string;
	registers: EndOfDayRegister[];
	totals: Omit<EndOfDayRegister, 'deviceId' | 'deviceName'>;
	flaggedOps: number;
}

export interface ReportStore {
	salesByDay(range: DayRange): Promise<SalesByDayRow[]>;
	salesByFormat(range: DayRange): Promise<SalesByKeyRow[]>;
	salesByLabel(range: DayRange): Promise<SalesByKeyRow[]>;
	consignmentVsOwned(range: DayRange): Promise<StockSplitRow[]>;
	bestSellers(range: DayRange & { limit: number }): Promise<BestSellerRow[]>;
	/** Items on hand, oldest first, as of `asOf` (ISO time). */
	agedStock(input: { shopId: string; asOf: string; limit: number }): Promise<AgedStockRow[]>;
	payablePerLabel(shopId: string): Promise<PayableRow[]>;
	/** Every register's sales, refunds and tenders on one business day of the shop. */
	endOfDay(input: { shopId: string; businessDay: string }): Promise<EndOfDaySummary>;
}

/** Everything the office uses, as one field of ServerStores. */
export interface OfficeStores {
	auth: OfficeAuthStore;
	catalog: CatalogStore;
	stock: StockStore;
	discogs: DiscogsStore;
	review: ReviewStore;
	staff: StaffStore;
	audit: AuditStore;
	reports: ReportStore;
	taxClasses: TaxClassStore;
}
