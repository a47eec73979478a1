/*
 * The label portal's server ports. A label (a consignor) signs in with email and password and sees
 * its stock, sales, money owed, payouts and return requests across every shop of the server that
 * carries it; the shop invites it, records payouts and answers return requests in the office.
 * packages/api reaches them through `ctx.stores.labels`; packages/db implements them over Kysely.
 *
 * Every method of `LabelPortalStore` takes the label and the login from the session (a
 * `LabelViewer`), never from the client: a row of another label is treated exactly like a row that
 * does not exist.
 *
 * Labels are shared by every shop of a server, but a shop only knows an email belongs to a label
 * when it invited that email itself. So a login sees a shop's figures only once that shop has
 * linked it (`InviteKind`), and only the shop that made a login may reset its password: no shop can
 * take a label's login over and read what the label sells at another shop.
 */

/** Who is acting in the office: the signed-in manager or owner of one shop. */
export interface ShopActor {
	shopId: string;
	staffId: string;
}

// ── accounts ─────────────────────────────────────────────────────────────────────────────────

export interface LabelSessionInfo {
	labelId: string;
	accountId: string;
	/** sha256 hex of the cookie token: names the session without revealing the token. */
	sessionId: string;
	email: string;
	labelName: string;
	expiresAt: string;
}

export interface LabelSignIn {
	/** The cookie value, shown once; the server keeps only its hash. */
	token: string;
	session: LabelSessionInfo;
}

/**
 * What accepting an invite does.
 * - `new`: makes a login for the email; the inviting shop becomes its home shop and is linked.
 * - `reset`: the login's home shop lets the label choose a new password; every session ends.
 * - `link`: another shop adds itself to an existing login; the label accepts with the password it
 *   already has, so a shop that does not know that password gains nothing.
 */
export type InviteKind = 'new' | 'reset' | 'link';

/** What the invite page shows before the label chooses (or enters) a password. */
export interface InvitePreview {
	labelName: string;
	email: string;
	shopName: string;
	expiresAt: string;
	kind: InviteKind;
}

export interface CreatedInvite {
	/** Goes in the link, once; the server keeps only its hash. */
	token: string;
	inviteId: string;
	labelId: string;
	labelName: string;
	email: string;
	expiresAt: string;
	kind: InviteKind;
}

export interface InviteView {
	id: string;
	labelId: string;
	labelName: string;
	email: string;
	createdAt: string;
	createdByName: string | null;
	expiresAt: string;
	usedAt: string | null;
	revokedAt: string | null;
	kind: InviteKind;
}

/**
 * A sign-in attempt's outcome. `rate_limited` means too many failures for this email or from this
 * address in the window; it is returned even for the right password, so guessing cannot continue.
 */
export type LabelSignInResult =
	| { ok: true; signIn: LabelSignIn }
	| { ok: false; reason: 'wrong_credentials' }
	| { ok: false; reason: 'rate_limited'; retryAt: string; scope: 'email' | 'address' };

export interface LabelAccountStore {
	/**
	 * A single-use invite link for a label the shop carries (it has an agreement with it). Its kind
	 * follows from the email: no login yet (`new`), a login this shop made (`reset`), or a login
	 * another shop made (`link`). Throws `not_found` when the shop does not carry the label, and
	 * `conflict` when the email signs in for another label or its login already sees this shop
	 * (only the login's home shop may reset the password).
	 */
	createInvite(input: {
		actor: ShopActor;
		labelId: string;
		email: string;
		ttlMs?: number;
	}): Promise<CreatedInvite>;
	/** The shop's invites, newest first. */
	listInvites(shopId: string): Promise<InviteView[]>;
	/** Stops an unused invite of the shop from working. Throws `not_found`. */
	revokeInvite(input: { actor: ShopActor; inviteId: string }): Promise<void>;
	/** What an unused, unexpired invite token is for, or null for any bad token. */
	previewInvite(token: string): Promise<InvitePreview | null>;
	/**
	 * Spends a `new` or `reset` invite (even when two requests race, one wins), sets the password
	 * (creating the login on first use), ends every other session of the login and opens a new one.
	 * Throws `not_found` for an unknown, used, revoked or expired token, and `conflict` for a `link`
	 * invite or when the login was made by another shop since the invite was.
	 */
	acceptInvite(input: { token: string; password: string }): Promise<LabelSignIn>;
	/**
	 * Spends a `link` invite when `password` is the login's current one: the inviting shop is added
	 * to the login and a session opens. A wrong password counts as a failed sign-in of the email and
	 * the address and leaves the invite unspent. Throws `not_found` for a bad token or another kind.
	 */
	acceptLink(input: {
		token: string;
		password: string;
		clientAddress: string;
	}): Promise<LabelSignInResult>;
	/** Checks email and password, counting failures per email and per client address. */
	signIn(input: {
		email: string;
		password: string;
		clientAddress: string;
	}): Promise<LabelSignInResult>;
	/** The live session a cookie token names, or null (unknown, expired, account gone). */
	resolve(token: string): Promise<LabelSessionInfo | null>;
	/** Ends the session; an unknown id changes nothing. */
	signOut(sessionId: string): Promise<void>;
}

// ── the portal ───────────────────────────────────────────────────────────────────────────────

export interface PortalShop {
	id: string;
	name: string;
	currency: string;
	timezone: string;
	locale: string;
}

/** Money in one currency: shops of a network may sell in different ones, so totals never mix them. */
export interface CurrencyAmount {
	currency: string;
	cents: number;
}

/** A release (or a release-less item) at one shop. */
export interface ShopStockFigures {
	shopId: string;
	/** What a return request names: the shop's own release id, or the item id when there is none. */
	target: ReturnTarget;
	onHand: number;
	/** Copies asked back and not yet packed or declined. */
	requestedBack: number;
	/** Net of customer returns, in the period and ever. */
	soldInPeriod: number;
	soldAllTime: number;
	/** What customers paid (tax included), net of refunds, in the shop's currency. */
	revenueInPeriodCents: number;
	revenueAllTimeCents: number;
	/** The label's share of those sales, net of reversed shares. */
	shareInPeriodCents: number;
	shareAllTimeCents: number;
	currency: string;
}

export interface ReleaseFigures {
	/** Stable across shops: the same catalog number and format at two shops are one row. */
	key: string;
	artist: string | null;
	title: string;
	catno: string | null;
	format: string | null;
	shops: ShopStockFigures[];
	onHand: number;
	soldInPeriod: number;
	soldAllTime: number;
	/** soldAllTime / (soldAllTime + onHand), 0–1; null when neither was ever above 0. */
	sellThrough: number | null;
}

export interface ShopBalance {
	shopId: string;
	currency: string;
	/** Owed to the label now: shares of sales − reversed shares − payouts. */
	balanceCents: number;
	/** Of which earned in the period. */
	shareInPeriodCents: number;
	lastPayoutDay: string | null;
}

/** Copies sold on one business day at one shop. */
export interface SalesPoint {
	day: string;
	shopId: string;
	units: number;
	shareCents: number;
}

export interface Dashboard {
	labelId: string;
	labelName: string;
	from: string;
	to: string;
	shops: PortalShop[];
	releases: ReleaseFigures[];
	balances: ShopBalance[];
	/** Balance owed per currency across every shop. */
	totalOwed: CurrencyAmount[];
	sales: SalesPoint[];
	/** Server time the figures were read: the portal shows it as "updated at". */
	asOf: string;
}

/** One line of a statement: a sold or returned line, or a payout. */
export interface StatementLine {
	entryId: string;
	kind: 'sale' | 'return' | 'payout';
	businessDay: string;
	/** "Artist – Title" of the sold line, or the payout's method and reference. */
	description: string;
	/** Receipt number of the sale or return; null for a payout. */
	receiptNo: string | null;
	quantity: number | null;
	/** Size of the entry (≥ 0); `kind` gives the direction. */
	amountCents: number;
}

export interface ShopStatement {
	shopId: string;
	shopName: string;
	currency: string;
	from: string;
	to: string;
	openingCents: number;
	salesCents: number;
	returnsCents: number;
	payoutsCents: number;
	closingCents: number;
	lines: StatementLine[];
}

/** One month of a shop's statements, for the list. */
export interface StatementPeriod {
	shopId: string;
	shopName: string;
	currency: string;
	/** YYYY-MM. */
	month: string;
	from: string;
	to: string;
	openingCents: number;
	closingCents: number;
	salesCents: number;
	returnsCents: number;
	payoutsCents: number;
}

export interface PayoutView {
	id: string;
	shopId: string;
	shopName: string;
	labelId: string;
	labelName: string;
	amountCents: number;
	currency: string;
	businessDay: string;
	method: PayoutMethod;
	reference: string | null;
	recordedAt: string;
	recordedByName: string | null;
}

export type PayoutMethod = 'bank_transfer' | 'cash' | 'store_credit' | 'other';

export type ReturnTarget = { kind: 'release'; id: string } | { kind: 'item'; id: string };

export type ReturnRequestStatus = 'requested' | 'accepted' | 'packed' | 'declined' | 'cancelled';

export interface ReturnRequestView {
	id: string;
	labelId: string;
	labelName: string;
	shopId: string;
	shopName: string;
	target: ReturnTarget;
	/** "Artist – Title (format)" of the release or item. */
	description: string;
	catno: string | null;
	quantity: number;
	/** What the label wrote when asking. */
	note: string | null;
	status: ReturnRequestStatus;
	/** What the shop wrote when accepting or declining. */
	shopNote: string | null;
	/** Copies of the label's still on hand at the shop now. */
	onHand: number;
	createdAt: string;
	decidedAt: string | null;
	decidedByName: string | null;
	packedAt: string | null;
	/** The return-to-label stock document written when packed. */
	documentId: string | null;
}

/** Who reads the portal: the session's label and login. Every portal read is scoped by both. */
export interface LabelViewer {
	labelId: string;
	accountId: string;
}

/**
 * The portal's reads and the label's own writes. Every shop in them is one that carries the label
 * (an agreement, consigned items or money owed) and has linked the viewer's login; any other shop
 * answers like one that does not exist.
 */
export interface LabelPortalStore {
	/** The label and the shops the login sees. Throws `not_found`. */
	overview(
		viewer: LabelViewer
	): Promise<{ labelId: string; labelName: string; shops: PortalShop[] }>;
	/** Figures for business days `from`–`to` inclusive. Throws `invalid_input` for a bad period. */
	dashboard(input: LabelViewer & { from: string; to: string }): Promise<Dashboard>;
	/** Every month with activity at every shop, newest first, with opening and closing balances. */
	statementPeriods(viewer: LabelViewer): Promise<StatementPeriod[]>;
	/** One shop's statement. Throws `not_found` when the login does not see that shop. */
	statement(
		input: LabelViewer & { shopId: string; from: string; to: string }
	): Promise<ShopStatement>;
	payouts(viewer: LabelViewer): Promise<PayoutView[]>;
	returnRequests(viewer: LabelViewer): Promise<ReturnRequestView[]>;
	/**
	 * Asks a shop for unsold copies back. Throws `not_found` when the login does not see the shop or
	 * the shop has no consigned copies of this label under `target`, `invalid_input` when `quantity`
	 * is more than the copies on hand less those already asked for.
	 */
	requestReturn(
		input: LabelViewer & {
			shopId: string;
			target: ReturnTarget;
			quantity: number;
			note: string | null;
		}
	): Promise<ReturnRequestView>;
	/** Withdraws a request the shop has not answered. Throws `not_found` or `conflict`. */
	cancelReturn(input: LabelViewer & { requestId: string }): Promise<ReturnRequestView>;
}

// ── the shop's side, in the office ───────────────────────────────────────────────────────────

export interface CarriedLabel {
	labelId: string;
	name: string;
	hasAgreement: boolean;
	/** The label logins this shop vouches for (that see its figures). */
	accounts: { accountId: string; email: string; createdAt: string; lastSignInAt: string | null }[];
	balanceCents: number;
	currency: string;
	openReturnRequests: number;
	consignedOnHand: number;
}

export interface ShopLabelStore {
	/** The labels this shop carries, with their portal accounts, balance and open requests. */
	labels(shopId: string): Promise<CarriedLabel[]>;
	/**
	 * Stops a label login from seeing this shop's figures (its other shops are untouched); it
	 * takes effect on the login's next read. Throws `not_found` when the login does not see it.
	 */
	removeLogin(input: { actor: ShopActor; accountId: string }): Promise<void>;
	/**
	 * Records a payout made to the label: a payable entry settling part of the balance at this
	 * shop. Throws `invalid_input` when it is more than owed, `not_found` for a label not carried.
	 */
	recordPayout(input: {
		actor: ShopActor;
		labelId: string;
		amountCents: number;
		businessDay: string | null;
		method: PayoutMethod;
		reference: string | null;
	}): Promise<PayoutView>;
	payouts(input: { shopId: string; labelId: string | null }): Promise<PayoutView[]>;
	returnRequests(input: {
		shopId: string;
		status: ReturnRequestStatus | null;
	}): Promise<ReturnRequestView[]>;
	/** requested → accepted. Throws `not_found` or `conflict` (already answered). */
	acceptReturn(input: {
		actor: ShopActor;
		requestId: string;
		note: string | null;
	}): Promise<ReturnRequestView>;
	/** requested or accepted → declined, with a note the label sees. */
	declineReturn(input: {
		actor: ShopActor;
		requestId: string;
		note: string;
	}): Promise<ReturnRequestView>;
	/**
	 * accepted → packed: writes a return-to-label stock document taking the copies out of stock.
	 * Throws `invalid_input` when fewer copies are on hand than requested.
	 */
	markPacked(input: { actor: ShopActor; requestId: string }): Promise<ReturnRequestView>;
}

// ── consignment terms ────────────────────────────────────────────────────────────────────────

/** A label's share of a copy sold: percent (basis points) of the net line, or a fixed amount. */
export type ShareRuleView =
	{ kind: 'percent'; percentBp: number } | { kind: 'fixed'; amountCents: number };

/** A shop's consignment agreement with a label, as the office edits it. */
export interface AgreementView {
	agreementId: string;
	labelId: string;
	labelName: string;
	/** Who to reach at the label; shared by every shop that carries it, set when it was added. */
	contact: string | null;
	defaultRule: ShareRuleView;
	/** Per-release terms that beat the default, by release title. */
	overrides: { releaseId: string; releaseTitle: string; rule: ShareRuleView }[];
	/** False once the shop stops taking new copies from the label; sold copies keep their share. */
	isActive: boolean;
	/** For optimistic concurrency: a save names the version it edited. */
	version: number;
	updatedAt: string;
}

/**
 * The shop's consignment terms in the office. Labels are shared by every shop of a server (so one
 * label login can cover them all); each shop has its own agreement with a label. A change reaches
 * the registers through the change feed and applies to copies rung up after it: a sale keeps the
 * share frozen on its line.
 */
export interface ShopTermsStore {
	/** The shop's agreements, active first, by label name. */
	agreements(shopId: string): Promise<AgreementView[]>;
	/**
	 * Starts carrying a label: the label of that name already on the server (names compare without
	 * case and outer spaces) or a new one, with an agreement on `defaultRule`. Throws `conflict`
	 * when the shop already has an agreement with it, `invalid_input` for a bad name or rule.
	 */
	addLabel(input: {
		actor: ShopActor;
		name: string;
		contact: string | null;
		defaultRule: ShareRuleView;
	}): Promise<AgreementView>;
	/**
	 * Replaces the terms of the shop's agreement with `labelId`. Throws `conflict`, saying what
	 * changed, when `expectedVersion` is not the stored one; `not_found` for no such agreement;
	 * `invalid_input` for a bad rule or a release the shop does not have.
	 */
	saveAgreement(input: {
		actor: ShopActor;
		labelId: string;
		expectedVersion: number;
		defaultRule: ShareRuleView;
		overrides: { releaseId: string; rule: ShareRuleView }[];
		isActive: boolean;
	}): Promise<AgreementView>;
}

export interface LabelStores {
	accounts: LabelAccountStore;
	portal: LabelPortalStore;
	shop: ShopLabelStore;
	terms: ShopTermsStore;
}
