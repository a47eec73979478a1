import type { Selectable } from 'kysely';

/* Row types of what migration 0003_office adds; conventions as in ../schema.ts. */

export type StockDocumentKind = 'receive' | 'consign_in' | 'return_to_label' | 'count';

export interface OfficeSessionsTable {
	/** sha256 hex of the cookie token. */
	token_hash: string;
	shop_id: string;
	staff_id: string;
	created_at: string;
	expires_at: string;
	last_used_at: string;
	revoked_at: string | null;
}

export interface StockDocumentsTable {
	id: string;
	shop_id: string;
	kind: StockDocumentKind;
	counterparty: string | null;
	reference: string | null;
	reason: string | null;
	by: string;
	device_id: string | null;
	op_id: string | null;
	at: string;
	/** JSON array of the lines as entered. */
	lines: string;
}

export interface ImportUploadsTable {
	id: string;
	shop_id: string;
	created_by: string;
	created_at: string;
	chunk_count: number;
}

export interface ImportUploadChunksTable {
	upload_id: string;
	idx: number;
	text: string;
}

export type StockDocument = Selectable<StockDocumentsTable>;

declare module '../schema.ts' {
	interface Schema {
		office_sessions: OfficeSessionsTable;
		stock_documents: StockDocumentsTable;
		import_uploads: ImportUploadsTable;
		import_upload_chunks: ImportUploadChunksTable;
	}
	interface StaffTable {
		/** Set after too many wrong PINs: office sign-in is refused until then. */
		pin_locked_until: string | null;
	}
	interface ItemsTable {
		/** Set on items imported from a Discogs inventory export: a re-import matches on it. */
		discogs_listing_id: string | null;
		/** JSON DiscogsExtras: the Discogs columns Deadwax keeps but has no column for. */
		discogs: string | null;
	}
}

declare module '../sync/schema.ts' {
	interface ReviewFlagsTable {
		/** What the manager did: JSON `{ action, … }`. */
		resolution: string | null;
	}
}
