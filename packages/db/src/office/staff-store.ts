import { DomainError, requiredText } from '@deadwax/core';
import {
	hashPin,
	pinProblem,
	type OfficeActor,
	type StaffRole,
	type StaffStore,
	type StaffView
} from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { appendChange, lockShopFeed } from '../change-feed.ts';
import type { Schema, Staff } from '../schema.ts';
import { staffSnapshot } from '../snapshots.ts';
import { recordAudit } from './audit.ts';
import type { OfficeDeps } from './deps.ts';

function toStaffView(row: Staff, at: string): StaffView {
	return {
		id: row.id,
		name: row.name,
		role: row.role,
		isActive: row.active === 1,
		isLocked: row.pin_locked_until !== null && row.pin_locked_until > at,
		updatedAt: row.updated_at
	};
}

function checkPin(pin: string): void {
	const problem = pinProblem(pin);
	if (problem !== null)
		throw new DomainError('invalid_input', `${problem} (got ${pin.length} characters)`);
}

/** Managers run clerks; only an owner may add, change or grant the manager and owner roles. */
function mayManage(actor: OfficeActor, role: StaffRole): boolean {
	return actor.role === 'owner' || role === 'clerk';
}

/** StaffStore over Kysely. Staff rows go to the feed with their PIN hash for offline sign-in. */
export function createStaffStore({ db, now, newId, pinIterations }: OfficeDeps): StaffStore {
	const hashOptions = pinIterations === undefined ? {} : { iterations: pinIterations };

	async function save(
		trx: Kysely<Schema>,
		actor: OfficeActor,
		row: Staff,
		action: string,
		detail: Record<string, unknown>,
		at: string
	) {
		await appendChange(trx, actor.shopId, 'staff', row.id, staffSnapshot(row));
		await recordAudit(trx, {
			id: newId(),
			shopId: actor.shopId,
			// The CLI adds staff as the system (a new shop's first owner has nobody to add them).
			actorKind: actor.kind ?? 'staff',
			actorId: actor.staffId,
			action,
			subject: row.id,
			detail,
			at
		});
	}

	return {
		async list(shopId) {
			const at = now();
			const rows = await db
				.selectFrom('staff')
				.selectAll()
				.where('shop_id', '=', shopId)
				.orderBy('active', 'desc')
				.orderBy('name')
				.execute();
			return rows.map((r) => toStaffView(r, at));
		},

		async create({ actor, name, role, pin }) {
			const cleanName = requiredText(name, 'name', 80);
			checkPin(pin);
			if (!mayManage(actor, role)) {
				throw new DomainError('manager_required', `only an owner may add a ${role}`);
			}
			const pinHash = await hashPin(pin, hashOptions);
			const at = now();
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const row = await trx
					.insertInto('staff')
					.values({
						id: newId(),
						shop_id: actor.shopId,
						name: cleanName,
						role,
						pin_hash: pinHash,
						updated_at: at
					})
					.returningAll()
					.executeTakeFirstOrThrow();
				await save(trx, actor, row, 'staff.created', { name: cleanName, role }, at);
				return toStaffView(row, at);
			});
		},

		async update({ actor, staffId, name, role, pin, isActive }) {
			const cleanName = name === undefined ? undefined : requiredText(name, 'name', 80);
			if (pin !== undefined) checkPin(pin);
			const pinHash = pin === undefined ? undefined : await hashPin(pin, hashOptions);
			const at = now();
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const current = await trx
					.selectFrom('staff')
					.selectAll()
					.where('shop_id', '=', actor.shopId)
					.where('id', '=', staffId)
					.executeTakeFirst();
				if (current === undefined)
					throw new DomainError('not_found', `No staff member ${staffId} in this shop`);
				const isSelf = staffId === actor.staffId;
				const touchesRoleOrAccess = role !== undefined || isActive !== undefined;
				if (
					!(isSelf && !touchesRoleOrAccess) &&
					(!mayManage(actor, current.role) || (role !== undefined && !mayManage(actor, role)))
				) {
					throw new DomainError(
						'manager_required',
						`only an owner may change a ${role !== undefined && !mayManage(actor, role) ? role : current.role}`
					);
				}
				const losesOwner =
					current.role === 'owner' &&
					current.active === 1 &&
					((role !== undefined && role !== 'owner') || isActive === false);
				if (losesOwner) {
					const owners = await trx
						.selectFrom('staff')
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.where('shop_id', '=', actor.shopId)
						.where('role', '=', 'owner')
						.where('active', '=', 1)
						.executeTakeFirstOrThrow();
					if (Number(owners.n) <= 1) {
						throw new DomainError(
							'invalid_input',
							`${current.name} is the only active owner; make someone else owner first`
						);
					}
				}
				const row = await trx
					.updateTable('staff')
					.set({
						...(cleanName === undefined ? {} : { name: cleanName }),
						...(role === undefined ? {} : { role }),
						...(isActive === undefined ? {} : { active: isActive ? 1 : 0 }),
						...(pinHash === undefined
							? {}
							: { pin_hash: pinHash, failed_attempts: 0, pin_locked_until: null }),
						updated_at: at
					})
					.where('id', '=', staffId)
					.returningAll()
					.executeTakeFirstOrThrow();
				if (isActive === false || role === 'clerk') {
					// A switched-off or demoted manager's office sessions end now.
					await trx
						.updateTable('office_sessions')
						.set({ revoked_at: at })
						.where('staff_id', '=', staffId)
						.where('revoked_at', 'is', null)
						.execute();
				}
				await save(
					trx,
					actor,
					row,
					'staff.updated',
					{
						...(cleanName === undefined ? {} : { name: cleanName }),
						...(role === undefined ? {} : { role }),
						...(isActive === undefined ? {} : { isActive }),
						...(pin === undefined ? {} : { pinChanged: true })
					},
					at
				);
				return toStaffView(row, at);
			});
		}
	};
}
