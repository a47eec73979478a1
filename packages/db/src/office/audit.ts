import type { Kysely } from 'kysely';
import type { ActorKind, Schema } from '../schema.ts';

export interface AuditInput {
	id: string;
	shopId: string;
	actorKind: ActorKind;
	actorId: string | null;
	/** `noun.verb`, e.g. `item.updated`, `stock.received`. */
	action: string;
	subject: string | null;
	detail: Record<string, unknown>;
	at: string;
}

/** One audit_log row. Call it in the transaction of the write it describes. */
export async function recordAudit(trx: Kysely<Schema>, entry: AuditInput): Promise<void> {
	await trx
		.insertInto('audit_log')
		.values({
			id: entry.id,
			shop_id: entry.shopId,
			actor_kind: entry.actorKind,
			actor_id: entry.actorId,
			action: entry.action,
			subject: entry.subject,
			detail: JSON.stringify(entry.detail),
			at: entry.at
		})
		.execute();
}
