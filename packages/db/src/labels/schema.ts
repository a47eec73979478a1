import type { InviteKind, PayoutMethod, ReturnRequestStatus } from '@deadwax/sync';

/* Row types of the tables migration 0004_labels adds; conventions as in ../schema.ts. */

export interface LabelAccountsTable {
	id: string;
	label_id: string;
	/** Trimmed and lower-cased. */
	email: string;
	/** `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`, from hashPassword. */
	password_hash: string;
	created_at: string;
	password_set_at: string;
	last_sign_in_at: string | null;
	/** The shop that made the login (migration 0006): the only one that may reset its password. */
	home_shop_id: string | null;
}

/** A shop that vouches for a login: the login sees that shop's figures (migration 0006). */
export interface LabelAccountShopsTable {
	account_id: string;
	shop_id: string;
	linked_at: string;
	/** The invite that made the link. */
	invite_id: string;
}

export interface LabelInvitesTable {
	id: string;
	/** sha256 hex of the token in the link. */
	token_hash: string;
	label_id: string;
	email: string;
	shop_id: string;
	/** Staff id of the manager who made it. */
	created_by: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	revoked_at: string | null;
	/** The account it created, reset or linked. */
	account_id: string | null;
	/** What it was made for (migration 0006). */
	kind: InviteKind;
}

export interface LabelSessionsTable {
	/** sha256 hex of the cookie token. */
	id: string;
	account_id: string;
	label_id: string;
	created_at: string;
	expires_at: string;
	last_used_at: string;
}

export interface LabelSignInFailuresTable {
	id: string;
	email: string;
	client_address: string;
	at: string;
}

export interface LabelPayoutsTable {
	id: string;
	shop_id: string;
	label_id: string;
	amount_cents: number;
	currency: string;
	business_day: string;
	method: PayoutMethod;
	reference: string | null;
	by: string;
	at: string;
}

export interface LabelReturnRequestsTable {
	id: string;
	shop_id: string;
	label_id: string;
	target_kind: 'release' | 'item';
	target_id: string;
	quantity: number;
	note: string | null;
	status: ReturnRequestStatus;
	shop_note: string | null;
	created_at: string;
	decided_at: string | null;
	decided_by: string | null;
	packed_at: string | null;
	document_id: string | null;
	updated_at: string;
}

declare module '../schema.ts' {
	interface Schema {
		label_accounts: LabelAccountsTable;
		label_account_shops: LabelAccountShopsTable;
		label_invites: LabelInvitesTable;
		label_sessions: LabelSessionsTable;
		label_sign_in_failures: LabelSignInFailuresTable;
		label_payouts: LabelPayoutsTable;
		label_return_requests: LabelReturnRequestsTable;
	}
}
