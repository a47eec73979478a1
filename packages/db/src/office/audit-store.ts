import type { AuditStore } from '@deadwax/sync';
import type { OfficeDeps } from './deps.ts';

/** AuditStore over Kysely: audit_log with the acting staff member's or label's name. */
export function createAuditStore({ db }: OfficeDeps): AuditStore {
	return {
		async list({ shopId, limit, before, action }) {
			let query = db
				.selectFrom('audit_log as a')
				.leftJoin('staff', (join) =>
					join.onRef('staff.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'staff')
				)
				.leftJoin('labels', (join) =>
					join.onRef('labels.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'label')
				)
				.leftJoin('devices', (join) =>
					join.onRef('devices.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'device')
				)
				.selectAll('a')
				.select([
					'staff.name as staff_name',
					'labels.name as label_name',
					'devices.name as device_name'
				])
				.where('a.shop_id', '=', shopId);
			if (before !== undefined) query = query.where('a.at', '<', before);
			if (action !== undefined) query = query.where('a.action', 'like', `${action}%`);
			const rows = await query
				.orderBy('a.at', 'desc')
				.orderBy('a.id', 'desc')
				.limit(limit)
				.execute();
			return rows.map((r) => ({
				id: r.id,
				actorKind: r.actor_kind,
				actorId: r.actor_id,
				actorName: r.staff_name ?? r.label_name ?? r.device_name,
				action: r.action,
				subject: r.subject,
				detail: JSON.parse(r.detail) as Record<string, unknown>,
				at: r.at
			}));
		}
	};
}
