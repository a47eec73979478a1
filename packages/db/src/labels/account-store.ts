import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@deadwax/core';
import type {
	CreatedInvite,
	InviteKind,
	InviteView,
	LabelAccountStore,
	LabelSessionInfo,
	LabelSignIn,
	LabelSignInResult
} from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { recordAudit } from '../office/audit.ts';
import type { Schema } from '../schema.ts';
import { carriesLabel } from './carriers.ts';
import type { LabelDeps } from './deps.ts';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from './password.ts';

/** An invite link works for a week. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60_000;
/** A label stays signed in for 30 days on a device unless it signs out. */
export const LABEL_SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** Failed sign-ins are counted over this window… */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** …and sign-in pauses after this many for one email… */
export const MAX_FAILURES_PER_EMAIL = 5;
/** …or this many from one client address (several labels may share an office network). */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Failures older than this are deleted as new ones arrive. */
const FAILURE_RETENTION_MS = 24 * 60 * 60_000;
/** last_used_at is refreshed at most this often, so reads do not always write. */
const TOUCH_RESOLUTION_MS = 60_000;

const BAD_INVITE =
	'This invite link is unknown, already used, withdrawn or expired; ask the shop for a new one';

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Trimmed and lower-cased: the form in which emails are stored and compared. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

function plus(at: string, ms: number): string {
	return new Date(Date.parse(at) + ms).toISOString();
}

/** Opens a session for the account inside `trx`; returns the token, shown once. */
async function openSession(
	trx: Kysely<Schema>,
	account: { id: string; label_id: string; email: string },
	labelName: string,
	at: string
): Promise<LabelSignIn> {
	const token = newToken();
	const session: LabelSessionInfo = {
		labelId: account.label_id,
		accountId: account.id,
		sessionId: sha256(token),
		email: account.email,
		labelName,
		expiresAt: plus(at, LABEL_SESSION_TTL_MS)
	};
	await trx
		.insertInto('label_sessions')
		.values({
			id: session.sessionId,
			account_id: account.id,
			label_id: account.label_id,
			created_at: at,
			expires_at: session.expiresAt,
			last_used_at: at
		})
		.execute();
	return { token, session };
}

/**
 * The earliest time the count of failures in the window drops below `max`, or null when it is
 * already below. `times` are the failures inside the window, oldest first.
 */
export function retryAfter(times: readonly string[], max: number, windowMs: number): string | null {
	if (times.length < max) return null;
	const unlocking = times[times.length - max];
	return unlocking === undefined ? null : plus(unlocking, windowMs);
}

const INVITED_ACTION: Readonly<Record<InviteKind, string>> = {
	new: 'label.invited',
	reset: 'label.password_reset_invited',
	link: 'label.link_invited'
};

/** An unused, unrevoked, unexpired invite by its token, with its label's and shop's names. */
async function liveInvite(db: Kysely<Schema>, token: string, at: string) {
	return db
		.selectFrom('label_invites as i')
		.innerJoin('labels', 'labels.id', 'i.label_id')
		.innerJoin('shops', 'shops.id', 'i.shop_id')
		.select([
			'i.id',
			'i.label_id',
			'i.email',
			'i.shop_id',
			'i.expires_at',
			'labels.name as label_name',
			'shops.name as shop_name'
		])
		.where('i.token_hash', '=', sha256(token))
		.where('i.used_at', 'is', null)
		.where('i.revoked_at', 'is', null)
		.where('i.expires_at', '>', at)
		.executeTakeFirst();
}

/**
 * Marks the invite used inside `trx` and returns it. The conditional update is what spends it: of
 * two racing requests only one matches. Throws `not_found` for a bad token.
 */
async function spendInvite(trx: Kysely<Schema>, token: string, at: string) {
	const spent = await trx
		.updateTable('label_invites')
		.set({ used_at: at })
		.where('token_hash', '=', sha256(token))
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', at)
		.executeTakeFirst();
	if (spent.numUpdatedRows === 0n) throw new DomainError('not_found', BAD_INVITE);
	return trx
		.selectFrom('label_invites as i')
		.innerJoin('labels', 'labels.id', 'i.label_id')
		.innerJoin('shops', 'shops.id', 'i.shop_id')
		.select([
			'i.id',
			'i.label_id',
			'i.email',
			'i.shop_id',
			'labels.name as label_name',
			'shops.name as shop_name'
		])
		.where('i.token_hash', '=', sha256(token))
		.executeTakeFirstOrThrow();
}

/** The login an email already has, with the shops that vouch for it. */
interface ExistingLogin {
	id: string;
	label_id: string;
	email: string;
	home_shop_id: string | null;
	linkedShops: string[];
}

async function existingLogin(db: Kysely<Schema>, email: string): Promise<ExistingLogin | null> {
	const account = await db
		.selectFrom('label_accounts')
		.select(['id', 'label_id', 'email', 'home_shop_id'])
		.where('email', '=', email)
		.executeTakeFirst();
	if (account === undefined) return null;
	const links = await db
		.selectFrom('label_account_shops')
		.select('shop_id')
		.where('account_id', '=', account.id)
		.execute();
	return { ...account, linkedShops: links.map((l) => l.shop_id) };
}

/**
 * What an invite from `shopId` for `email` of `labelId` does now (see InviteKind), or why there can
 * be none. Worked out again when the invite is used, as another shop may have made the login since.
 */
async function inviteKindFor(
	db: Kysely<Schema>,
	input: { email: string; labelId: string; shopId: string }
): Promise<{ kind: InviteKind; login: ExistingLogin | null }> {
	const login = await existingLogin(db, input.email);
	if (login === null) return { kind: 'new', login };
	if (login.label_id !== input.labelId) {
		throw new DomainError(
			'conflict',
			`${input.email} already signs in for another label; use a different email address`
		);
	}
	if (login.home_shop_id === input.shopId) return { kind: 'reset', login };
	if (login.linkedShops.includes(input.shopId)) {
		const home = await db
			.selectFrom('shops')
			.select('name')
			.where('id', '=', login.home_shop_id ?? '')
			.executeTakeFirst();
		throw new DomainError(
			'conflict',
			`${input.email} already sees this shop's figures. Only ${home?.name ?? 'the shop that set up this login'} can reset its password`
		);
	}
	return { kind: 'link', login };
}

/** Adds `shopId` to the shops that vouch for the login; a link that exists is left as it is. */
async function linkShop(
	trx: Kysely<Schema>,
	link: { accountId: string; shopId: string; inviteId: string; at: string }
): Promise<void> {
	await trx
		.insertInto('label_account_shops')
		.values({
			account_id: link.accountId,
			shop_id: link.shopId,
			linked_at: link.at,
			invite_id: link.inviteId
		})
		.onConflict((oc) => oc.columns(['account_id', 'shop_id']).doNothing())
		.execute();
}

/** LabelAccountStore over Kysely: invites, scrypt passwords, sessions and sign-in rate limits. */
export function createLabelAccountStore({
	db,
	now,
	newId,
	scryptCost = DEFAULT_SCRYPT_COST
}: LabelDeps): LabelAccountStore {
	// Checked against when the email is unknown, so a miss costs as long as a wrong password.
	let decoy: Promise<string> | undefined;

	/** Times of the failures in the window, oldest first, leaving out the attempt being made. */
	async function failuresSince(
		column: 'email' | 'client_address',
		value: string,
		since: string,
		attemptId: string
	): Promise<string[]> {
		const rows = await db
			.selectFrom('label_sign_in_failures')
			.select('at')
			.where(column, '=', value)
			.where('at', '>', since)
			.where('id', '!=', attemptId)
			.orderBy('at')
			.execute();
		return rows.map((r) => r.at);
	}

	type Checked =
		| {
				ok: true;
				account: { id: string; label_id: string; email: string; label_name: string };
		  }
		| Exclude<LabelSignInResult, { ok: true }>;

	/**
	 * Checks an email's password under the sign-in limits. The attempt is counted as a failure
	 * before the password is checked, so a burst of parallel guesses sees itself and cannot all slip
	 * in under the limit; the right password clears the email's count again.
	 */
	async function checkPassword(input: {
		email: string;
		password: string;
		clientAddress: string;
	}): Promise<Checked> {
		const address = normalizeEmail(input.email);
		const at = now();
		const since = plus(at, -SIGN_IN_WINDOW_MS);
		const attemptId = newId();
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('label_sign_in_failures')
				.values({ id: attemptId, email: address, client_address: input.clientAddress, at })
				.execute();
			await trx
				.deleteFrom('label_sign_in_failures')
				.where('at', '<', plus(at, -FAILURE_RETENTION_MS))
				.execute();
		});
		const byEmail = retryAfter(
			await failuresSince('email', address, since, attemptId),
			MAX_FAILURES_PER_EMAIL,
			SIGN_IN_WINDOW_MS
		);
		const byAddress = retryAfter(
			await failuresSince('client_address', input.clientAddress, since, attemptId),
			MAX_FAILURES_PER_ADDRESS,
			SIGN_IN_WINDOW_MS
		);
		if (byEmail !== null || byAddress !== null) {
			// A refused attempt was never checked, so it does not lengthen the pause.
			await db.deleteFrom('label_sign_in_failures').where('id', '=', attemptId).execute();
			return byEmail !== null
				? { ok: false, reason: 'rate_limited', retryAt: byEmail, scope: 'email' }
				: { ok: false, reason: 'rate_limited', retryAt: byAddress ?? at, scope: 'address' };
		}
		const account = await db
			.selectFrom('label_accounts as a')
			.innerJoin('labels', 'labels.id', 'a.label_id')
			.select(['a.id', 'a.label_id', 'a.email', 'a.password_hash', 'labels.name as label_name'])
			.where('a.email', '=', address)
			.executeTakeFirst();
		decoy ??= hashPassword('decoy password, never a real one', scryptCost);
		const isMatch = await verifyPassword(input.password, account?.password_hash ?? (await decoy));
		if (account === undefined || !isMatch) return { ok: false, reason: 'wrong_credentials' };
		// The right password clears this email's count (this attempt included); the address keeps
		// its own.
		await db.deleteFrom('label_sign_in_failures').where('email', '=', address).execute();
		return { ok: true, account };
	}

	return {
		async createInvite({ actor, labelId, email, ttlMs = INVITE_TTL_MS }) {
			const address = normalizeEmail(email);
			const at = now();
			return db.transaction().execute(async (trx): Promise<CreatedInvite> => {
				const label = await trx
					.selectFrom('labels')
					.select(['id', 'name'])
					.where('id', '=', labelId)
					.executeTakeFirst();
				if (label === undefined || !(await carriesLabel(trx, actor.shopId, labelId))) {
					throw new DomainError('not_found', `This shop does not carry a label with id ${labelId}`);
				}
				const { kind, login } = await inviteKindFor(trx, {
					email: address,
					labelId,
					shopId: actor.shopId
				});
				const token = newToken();
				const invite: CreatedInvite = {
					token,
					inviteId: newId(),
					labelId,
					labelName: label.name,
					email: address,
					expiresAt: plus(at, ttlMs),
					kind
				};
				await trx
					.insertInto('label_invites')
					.values({
						id: invite.inviteId,
						token_hash: sha256(token),
						label_id: labelId,
						email: address,
						shop_id: actor.shopId,
						created_by: actor.staffId,
						created_at: at,
						expires_at: invite.expiresAt,
						used_at: null,
						revoked_at: null,
						account_id: login?.id ?? null,
						kind
					})
					.execute();
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: INVITED_ACTION[kind],
					subject: labelId,
					detail: { email: address, inviteId: invite.inviteId, expiresAt: invite.expiresAt },
					at
				});
				return invite;
			});
		},

		async listInvites(shopId) {
			const rows = await db
				.selectFrom('label_invites as i')
				.innerJoin('labels', 'labels.id', 'i.label_id')
				.leftJoin('staff', 'staff.id', 'i.created_by')
				.select([
					'i.id',
					'i.label_id',
					'labels.name as label_name',
					'i.email',
					'i.created_at',
					'staff.name as created_by_name',
					'i.expires_at',
					'i.used_at',
					'i.revoked_at',
					'i.kind'
				])
				.where('i.shop_id', '=', shopId)
				.orderBy('i.created_at', 'desc')
				.orderBy('i.id', 'desc')
				.limit(200)
				.execute();
			return rows.map((r): InviteView => ({
				id: r.id,
				labelId: r.label_id,
				labelName: r.label_name,
				email: r.email,
				createdAt: r.created_at,
				createdByName: r.created_by_name,
				expiresAt: r.expires_at,
				usedAt: r.used_at,
				revokedAt: r.revoked_at,
				kind: r.kind
			}));
		},

		async revokeInvite({ actor, inviteId }) {
			const at = now();
			await db.transaction().execute(async (trx) => {
				const result = await trx
					.updateTable('label_invites')
					.set({ revoked_at: at })
					.where('id', '=', inviteId)
					.where('shop_id', '=', actor.shopId)
					.where('used_at', 'is', null)
					.where('revoked_at', 'is', null)
					.executeTakeFirst();
				if (result.numUpdatedRows === 0n) {
					throw new DomainError('not_found', `No unused invite ${inviteId} in this shop`);
				}
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: 'label.invite_revoked',
					subject: inviteId,
					detail: {},
					at
				});
			});
		},

		async previewInvite(token) {
			const invite = await liveInvite(db, token, now());
			if (invite === undefined) return null;
			const { kind } = await inviteKindFor(db, {
				email: invite.email,
				labelId: invite.label_id,
				shopId: invite.shop_id
			});
			return {
				labelName: invite.label_name,
				email: invite.email,
				shopName: invite.shop_name,
				expiresAt: invite.expires_at,
				kind
			};
		},

		async acceptInvite({ token, password }) {
			// The slow hash runs before the transaction, so it holds no lock.
			const passwordHash = await hashPassword(password, scryptCost);
			const at = now();
			return db.transaction().execute(async (trx) => {
				const invite = await spendInvite(trx, token, at);
				const { kind, login } = await inviteKindFor(trx, {
					email: invite.email,
					labelId: invite.label_id,
					shopId: invite.shop_id
				});
				if (kind === 'link') {
					throw new DomainError(
						'conflict',
						`${invite.email} already has a login. This link adds ${invite.shop_name} to it: enter the password you already sign in with`
					);
				}
				let account: { id: string; label_id: string; email: string };
				if (login === null) {
					account = { id: newId(), label_id: invite.label_id, email: invite.email };
					await trx
						.insertInto('label_accounts')
						.values({
							id: account.id,
							label_id: account.label_id,
							email: account.email,
							password_hash: passwordHash,
							created_at: at,
							password_set_at: at,
							last_sign_in_at: at,
							home_shop_id: invite.shop_id
						})
						.execute();
				} else {
					account = login;
					await trx
						.updateTable('label_accounts')
						.set({ password_hash: passwordHash, password_set_at: at, last_sign_in_at: at })
						.where('id', '=', login.id)
						.execute();
					// A reset signs out every device that knew the old password.
					await trx.deleteFrom('label_sessions').where('account_id', '=', login.id).execute();
				}
				await linkShop(trx, {
					accountId: account.id,
					shopId: invite.shop_id,
					inviteId: invite.id,
					at
				});
				await trx
					.updateTable('label_invites')
					.set({ account_id: account.id })
					.where('id', '=', invite.id)
					.execute();
				await recordAudit(trx, {
					id: newId(),
					shopId: invite.shop_id,
					actorKind: 'label',
					actorId: account.id,
					action: login === null ? 'label.account_created' : 'label.password_reset',
					subject: invite.label_id,
					detail: { email: account.email, inviteId: invite.id },
					at
				});
				return openSession(trx, account, invite.label_name, at);
			});
		},

		async acceptLink({ token, password, clientAddress }) {
			const pending = await liveInvite(db, token, now());
			if (pending === undefined) throw new DomainError('not_found', BAD_INVITE);
			// The label proves the login is theirs the way signing in does, under the same limits.
			const checked = await checkPassword({ email: pending.email, password, clientAddress });
			if (!checked.ok) return checked;
			const at = now();
			const signIn = await db.transaction().execute(async (trx) => {
				const invite = await spendInvite(trx, token, at);
				const { kind, login } = await inviteKindFor(trx, {
					email: invite.email,
					labelId: invite.label_id,
					shopId: invite.shop_id
				});
				if (kind !== 'link' || login === null) {
					throw new DomainError(
						'not_found',
						'This link is not for adding a shop to an existing login; open it to choose a password'
					);
				}
				await linkShop(trx, {
					accountId: login.id,
					shopId: invite.shop_id,
					inviteId: invite.id,
					at
				});
				await trx
					.updateTable('label_invites')
					.set({ account_id: login.id })
					.where('id', '=', invite.id)
					.execute();
				await trx
					.updateTable('label_accounts')
					.set({ last_sign_in_at: at })
					.where('id', '=', login.id)
					.execute();
				await recordAudit(trx, {
					id: newId(),
					shopId: invite.shop_id,
					actorKind: 'label',
					actorId: login.id,
					action: 'label.shop_linked',
					subject: invite.label_id,
					detail: { email: login.email, inviteId: invite.id },
					at
				});
				return openSession(trx, login, invite.label_name, at);
			});
			return { ok: true, signIn };
		},

		async signIn(input) {
			const checked = await checkPassword(input);
			if (!checked.ok) return checked;
			const at = now();
			const signIn = await db.transaction().execute(async (trx) => {
				await trx
					.updateTable('label_accounts')
					.set({ last_sign_in_at: at })
					.where('id', '=', checked.account.id)
					.execute();
				return openSession(trx, checked.account, checked.account.label_name, at);
			});
			return { ok: true, signIn };
		},

		async resolve(token) {
			const at = now();
			const row = await db
				.selectFrom('label_sessions as s')
				.innerJoin('label_accounts as a', 'a.id', 's.account_id')
				.innerJoin('labels', 'labels.id', 's.label_id')
				.select([
					's.id',
					's.label_id',
					's.account_id',
					's.expires_at',
					's.last_used_at',
					'a.email',
					'labels.name as label_name'
				])
				.where('s.id', '=', sha256(token))
				.where('s.expires_at', '>', at)
				.executeTakeFirst();
			if (row === undefined) return null;
			if (Date.parse(at) - Date.parse(row.last_used_at) >= TOUCH_RESOLUTION_MS) {
				await db
					.updateTable('label_sessions')
					.set({ last_used_at: at })
					.where('id', '=', row.id)
					.execute();
			}
			return {
				labelId: row.label_id,
				accountId: row.account_id,
				sessionId: row.id,
				email: row.email,
				labelName: row.label_name,
				expiresAt: row.expires_at
			};
		},

		async signOut(sessionId) {
			await db.deleteFrom('label_sessions').where('id', '=', sessionId).execute();
		}
	};
}
