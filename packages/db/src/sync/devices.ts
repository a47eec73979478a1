import { createHash, randomBytes, randomInt } from 'node:crypto';
import { DomainError } from '@deadwax/core';
import { verifyPin, type DeviceAuth, type DeviceStore, type DeviceSummary } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Schema } from '../schema.ts';
import type { SyncDeps } from './apply-push.ts';

/** How long a pairing code works after the manager creates it. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/** No 0/O or 1/I/L: the code is read aloud and typed on a tablet. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
/** last_seen_at is refreshed at most this often, so a sync call does not always write. */
const SEEN_RESOLUTION_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Upper case, no separators: "7kqm-x3fa" and "7KQMX3FA" are the same code. */
function normalizeCode(code: string): string {
	return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const BAD_CODE =
	'pairing code is unknown, already used or expired; create a new one in the office (Devices)';

/** DeviceStore over Kysely. Tokens and codes are stored only as sha256 hashes. */
export function createDeviceStore({ db, now, newId = uuidv7 }: SyncDeps): DeviceStore {
	return {
		async createPairingCode({ shopId, createdBy, ttlMs = PAIRING_CODE_TTL_MS }) {
			const raw = Array.from(
				{ length: CODE_LENGTH },
				() => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
			).join('');
			const createdAt = now();
			const expiresAt = new Date(Date.parse(createdAt) + ttlMs).toISOString();
			await db
				.insertInto('pairing_codes')
				.values({
					code_hash: sha256(raw),
					shop_id: shopId,
					created_by: createdBy,
					created_at: createdAt,
					expires_at: expiresAt,
					used_at: null,
					device_id: null
				})
				.execute();
			return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, shopId, expiresAt };
		},

		async pair({ code, name }) {
			const codeHash = sha256(normalizeCode(code));
			const at = now();
			return db.transaction().execute(async (trx) => {
				const pairing = await trx
					.selectFrom('pairing_codes')
					.select(['shop_id', 'expires_at'])
					.where('code_hash', '=', codeHash)
					.where('used_at', 'is', null)
					.executeTakeFirst();
				if (pairing === undefined || pairing.expires_at <= at) {
					throw new DomainError('not_found', BAD_CODE);
				}
				const deviceId = newId();
				// Spend the code first: of two tablets racing for it, exactly one updates the row.
				const spent = await trx
					.updateTable('pairing_codes')
					.set({ used_at: at, device_id: deviceId })
					.where('code_hash', '=', codeHash)
					.where('used_at', 'is', null)
					.executeTakeFirst();
				if (spent.numUpdatedRows !== 1n) throw new DomainError('not_found', BAD_CODE);
				const shop = await trx
					.updateTable('shops')
					.set((eb) => ({ device_code_seq: eb('device_code_seq', '+', 1) }))
					.where('id', '=', pairing.shop_id)
					.returning('device_code_seq')
					.executeTakeFirstOrThrow();
				const token = `dwx_${randomBytes(32).toString('base64url')}`;
				const deviceCode = `K${shop.device_code_seq}`;
				await trx
					.insertInto('devices')
					.values({
						id: deviceId,
						shop_id: pairing.shop_id,
						name,
						code: deviceCode,
						token_hash: sha256(token),
						revoked_at: null,
						created_at: at,
						last_seen_at: null
					})
					.execute();
				await audit(trx, newId, {
					shopId: pairing.shop_id,
					action: 'device.paired',
					subject: deviceId,
					detail: { name, deviceCode },
					at
				});
				return { deviceId, deviceCode, token, shopId: pairing.shop_id };
			});
		},

		async revoke({ shopId, deviceId, by }) {
			const at = now();
			await db.transaction().execute(async (trx) => {
				const result = await trx
					.updateTable('devices')
					.set({ revoked_at: at })
					.where('id', '=', deviceId)
					.where('shop_id', '=', shopId)
					.where('revoked_at', 'is', null)
					.executeTakeFirst();
				if (result.numUpdatedRows === 0n) {
					const exists = await trx
						.selectFrom('devices')
						.select('id')
						.where('id', '=', deviceId)
						.where('shop_id', '=', shopId)
						.executeTakeFirst();
					if (exists === undefined) {
						throw new DomainError('not_found', `device ${deviceId} is not a device of this shop`);
					}
					return; // already revoked: revoking twice is the same as once
				}
				await audit(trx, newId, {
					shopId,
					action: 'device.revoked',
					subject: deviceId,
					detail: { by },
					at,
					actorId: by
				});
			});
		},

		async list(shopId) {
			const rows = await db
				.selectFrom('devices')
				.selectAll()
				.where('shop_id', '=', shopId)
				.orderBy('created_at')
				.execute();
			return rows.map((r): DeviceSummary => ({
				id: r.id,
				shopId: r.shop_id,
				name: r.name,
				code: r.code,
				createdAt: r.created_at,
				lastSeenAt: r.last_seen_at,
				revokedAt: r.revoked_at
			}));
		},

		async authenticate(token): Promise<DeviceAuth> {
			const device = await db
				.selectFrom('devices')
				.select(['id', 'shop_id', 'revoked_at', 'last_seen_at'])
				.where('token_hash', '=', sha256(token))
				.executeTakeFirst();
			if (device === undefined) {
				return {
					ok: false,
					code: 'device_unknown',
					message:
						'device_unknown: this register is not paired with this server; pair it with a code from the office'
				};
			}
			if (device.revoked_at !== null) {
				return {
					ok: false,
					code: 'device_revoked',
					message: `device_revoked: this register was revoked at ${device.revoked_at}; its unsynced sales are kept on it, pair it again to send them`
				};
			}
			const at = now();
			if (
				device.last_seen_at === null ||
				Date.parse(at) - Date.parse(device.last_seen_at) >= SEEN_RESOLUTION_MS
			) {
				await db
					.updateTable('devices')
					.set({ last_seen_at: at })
					.where('id', '=', device.id)
					.execute();
			}
			return { ok: true, shopId: device.shop_id, deviceId: device.id };
		},

		async verifyManagerPin({ shopId, staffId, pin }) {
			const staff = await db
				.selectFrom('staff')
				.select(['pin_hash', 'role', 'active'])
				.where('id', '=', staffId)
				.where('shop_id', '=', shopId)
				.executeTakeFirst();
			if (staff === undefined || staff.active !== 1 || staff.role === 'clerk') return false;
			return verifyPin(pin, staff.pin_hash);
		}
	};
}

async function audit(
	trx: Kysely<Schema>,
	newId: () => string,
	e: {
		shopId: string;
		action: string;
		subject: string;
		detail: Record<string, unknown>;
		at: string;
		actorId?: string;
	}
): Promise<void> {
	await trx
		.insertInto('audit_log')
		.values({
			id: newId(),
			shop_id: e.shopId,
			actor_kind: e.actorId ? 'staff' : 'device',
			actor_id: e.actorId ?? e.subject,
			action: e.action,
			subject: e.subject,
			detail: JSON.stringify(e.detail),
			at: e.at
		})
		.execute();
}
