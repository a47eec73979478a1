import type { Flag } from '../schema.ts';

/* Row types of the tables migration 0002_sync adds; conventions as in ../schema.ts. */

export type AppliedOpStatus = 'applied' | 'flagged' | 'rejected';
export type ReviewFlagKind = 'oversell' | 'unknown_item' | 'clock_skew' | 'invalid_op';
export type PayableKind = 'sale' | 'return' | 'payout';

export interface DevicesTable {
	id: string;
	shop_id: string;
	name: string;
	code: string;
	/** sha256 hex of the bearer token; the token itself is never stored. */
	token_hash: string;
	revoked_at: string | null;
	created_at: string;
	last_seen_at: string | null;
}

export interface PairingCodesTable {
	/** sha256 hex of the normalized code. */
	code_hash: string;
	shop_id: string;
	created_by: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	device_id: string | null;
}

export interface AppliedOpsTable {
	op_id: string;
	shop_id: string;
	device_id: string;
	device_seq: number | null;
	kind: string | null;
	server_seq: number | null;
	status: AppliedOpStatus;
	reason: string | null;
	/** The op as received, JSON. */
	payload: string;
	device_time: string | null;
	received_at: string;
}

export interface SalesTable {
	id: string;
	shop_id: string;
	device_id: string;
	op_id: string;
	receipt_no: string;
	clerk_id: string;
	currency: string;
	business_day: string;
	completed_at: string;
	subtotal_cents: number;
	discount_cents: number;
	tax_cents: number;
	total_cents: number;
	rounding_cents: number;
	/** JSON array of tenders. */
	tenders: string;
	/** The frozen SaleRecord as JSON. */
	record: string;
	is_flagged: Flag;
	received_at: string;
}

export interface SaleLinesTable {
	sale_id: string;
	line_id: string;
	shop_id: string;
	item_id: string;
	release_id: string | null;
	description: string;
	kind: string;
	quantity: number;
	unit_price_cents: number;
	discount_cents: number;
	tax_class_id: string;
	tax_rate_ppm: number;
	tax_cents: number;
	total_cents: number;
	label_id: string | null;
	share_cents: number | null;
}

export interface ReturnsTable {
	id: string;
	shop_id: string;
	device_id: string;
	op_id: string;
	receipt_no: string;
	original_sale_id: string | null;
	clerk_id: string;
	approved_by_manager_id: string | null;
	currency: string;
	business_day: string;
	completed_at: string;
	reason: string;
	refund_cents: number;
	refunds: string;
	record: string;
	is_flagged: Flag;
	received_at: string;
}

export interface ReturnLinesTable {
	return_id: string;
	line_id: string;
	shop_id: string;
	original_line_id: string | null;
	item_id: string;
	quantity: number;
	refund_cents: number;
	tax_cents: number;
	restock: Flag;
	label_id: string | null;
	share_cents: number | null;
}

export interface ReviewFlagsTable {
	id: string;
	shop_id: string;
	kind: ReviewFlagKind;
	subject: string;
	/** JSON object. */
	detail: string;
	created_at: string;
	resolved_at: string | null;
	resolved_by: string | null;
}

export interface PayableEntriesTable {
	id: string;
	shop_id: string;
	label_id: string;
	kind: PayableKind;
	amount_cents: number;
	ref_id: string;
	at: string;
}

declare module '../schema.ts' {
	interface Schema {
		devices: DevicesTable;
		pairing_codes: PairingCodesTable;
		applied_ops: AppliedOpsTable;
		sales: SalesTable;
		sale_lines: SaleLinesTable;
		returns: ReturnsTable;
		return_lines: ReturnLinesTable;
		review_flags: ReviewFlagsTable;
		payable_entries: PayableEntriesTable;
	}
}
