import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@deadwax/core';
import {
	verifyPin,
	type OfficeAuthStore,
	type OfficeSessionInfo,
	type StaffRole
} from '@deadwax/sync';
import { recordAudit } from './audit.ts';
import type { OfficeDeps } from './deps.ts';

/** An office session lasts a working day; signing in again starts a new one. */
export const OFFICE_SESSION_TTL_MS = 12 * 60 * 60_000;
/** Wrong PINs in a row before sign-in is paused… */
export const MAX_PIN_FAILURES = 5;
/** …for this long. */
export const PIN_LOCK_MS = 5 * 60_000;
/** last_used_at is refreshed at most this often, so reads do not always write. */
const TOUCH_RESOLUTION_MS = 60_000;

function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

function isOfficeRole(role: StaffRole): boolean {
	return role === 'manager' || role === 'owner';
}

/** OfficeAuthStore over Kysely: staff PIN sign-in, sessions kept as token hashes. */
export function createOfficeAuthStore({ db, now, newId }: OfficeDeps): OfficeAuthStore {
	return {
		async signInChoices(shopId) {
			const shop = await db
				.selectFrom('shops')
				.select(['id', 'name'])
				.where('id', '=', shopId)
				.executeTakeFirst();
			if (shop === undefined) throw new DomainError('not_found', `No shop with id ${shopId}`);
			const staff = await db
				.selectFrom('staff')
				.select(['id', 'name', 'role'])
				.where('shop_id', '=', shopId)
				.where('active', '=', 1)
				.where('role', 'in', ['manager', 'owner'])
				.orderBy('name')
				.execute();
			return { shop, staff };
		},

		async signIn({ shopId, staffId, pin }) {
			const at = now();
			const staff = await db
				.selectFrom('staff')
				.select(['id', 'name', 'role', 'pin_hash', 'active', 'failed_attempts', 'pin_locked_until'])
				.where('shop_id', '=', shopId)
				.where('id', '=', staffId)
				.executeTakeFirst();
			if (staff === undefined)
				throw new DomainError('not_found', `No staff member ${staffId} in shop ${shopId}`);
			if (staff.active !== 1) {
				throw new DomainError(
					'manager_required',
					`${staff.name}'s account is switched off; ask the owner`
				);
			}
			if (!isOfficeRole(staff.role)) {
				throw new DomainError(
					'manager_required',
					`${staff.name} is a clerk; the office needs a manager or owner`
				);
			}
			if (staff.pin_locked_until !== null && staff.pin_locked_until > at) {
				throw new DomainError(
					'invalid_input',
					`Too many wrong PINs for ${staff.name}; try again after ${staff.pin_locked_until.slice(11, 16)} UTC`
				);
			}
			if (!(await verifyPin(pin, staff.pin_hash))) {
				const failures = staff.failed_attempts + 1;
				const isLocked = failures >= MAX_PIN_FAILURES;
				await db.transaction().execute(async (trx) => {
					await trx
						.updateTable('staff')
						.set({
							failed_attempts: isLocked ? 0 : failures,
							pin_locked_until: isLocked
								? new Date(Date.parse(at) + PIN_LOCK_MS).toISOString()
								: staff.pin_locked_until
						})
						.where('id', '=', staff.id)
						.execute();
					await recordAudit(trx, {
						id: newId(),
						shopId,
						actorKind: 'staff',
						actorId: staff.id,
						action: isLocked ? 'office.pin_locked' : 'office.sign_in_failed',
						subject: staff.id,
						detail: { failures },
						at
					});
				});
				throw new DomainError(
					'invalid_input',
					isLocked
						? `Wrong PIN ${MAX_PIN_FAILURES} times; sign-in for ${staff.name} is paused for ${PIN_LOCK_MS / 60_000} minutes`
						: `Wrong PIN for ${staff.name} (${MAX_PIN_FAILURES - failures} tries left)`
				);
			}
			const token = randomBytes(32).toString('base64url');
			const expiresAt = new Date(Date.parse(at) + OFFICE_SESSION_TTL_MS).toISOString();
			await db.transaction().execute(async (trx) => {
				await trx
					.updateTable('staff')
					.set({ failed_attempts: 0, pin_locked_until: null })
					.where('id', '=', staff.id)
					.execute();
				await trx
					.insertInto('office_sessions')
					.values({
						token_hash: sha256(token),
						shop_id: shopId,
						staff_id: staff.id,
						created_at: at,
						expires_at: expiresAt,
						last_used_at: at,
						revoked_at: null
					})
					.execute();
				await recordAudit(trx, {
					id: newId(),
					shopId,
					actorKind: 'staff',
					actorId: staff.id,
					action: 'office.signed_in',
					subject: staff.id,
					detail: {},
					at
				});
			});
			return {
				token,
				session: { shopId, staffId: staff.id, name: staff.name, role: staff.role, expiresAt }
			};
		},

		async resolve(token): Promise<OfficeSessionInfo | null> {
			if (token.length < 20 || token.length > 100) return null;
			const row = await db
				.selectFrom('office_sessions as s')
				.innerJoin('staff', 'staff.id', 's.staff_id')
				.select([
					's.token_hash',
					's.shop_id',
					's.staff_id',
					's.expires_at',
					's.revoked_at',
					's.last_used_at',
					'staff.name',
					'staff.role',
					'staff.active'
				])
				.where('s.token_hash', '=', sha256(token))
				.executeTakeFirst();
			const at = now();
			if (row === undefined || row.revoked_at !== null || row.expires_at <= at) return null;
			if (row.active !== 1 || !isOfficeRole(row.role)) return null;
			if (Date.parse(at) - Date.parse(row.last_used_at) >= TOUCH_RESOLUTION_MS) {
				await db
					.updateTable('office_sessions')
					.set({ last_used_at: at })
					.where('token_hash', '=', row.token_hash)
					.execute();
			}
			return {
				shopId: row.shop_id,
				staffId: row.staff_id,
				name: row.name,
				role: row.role,
				expiresAt: row.expires_at
			};
		},

		async signOut(token) {
			const at = now();
			await db
				.updateTable('office_sessions')
				.set({ revoked_at: at })
				.where('token_hash', '=', sha256(token))
				.where('revoked_at', 'is', null)
				.execute();
		}
	};
}
