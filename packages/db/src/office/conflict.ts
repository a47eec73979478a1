import { DomainError } from '@deadwax/core';
import type { Kysely } from 'kysely';
import type { ChangeEntity, Schema } from '../schema.ts';

/** A field as the office names it, and how its value reads in a message. */
export interface FieldLabel {
	key: string;
	label: string;
	show?: (value: unknown) => string;
}

function show(value: unknown): string {
	if (value === null || value === undefined || value === '') return '(empty)';
	if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(String).join(', ');
	if (typeof value === 'string') return JSON.stringify(value);
	return typeof value === 'number' || typeof value === 'boolean'
		? String(value)
		: JSON.stringify(value);
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The snapshot of an entity at `version`, read back from the change feed (every write of a
 * release or item appends its full snapshot there, version included). Undefined when the feed
 * has no such version (e.g. a row written before versions were recorded).
 */
async function snapshotAtVersion(
	db: Kysely<Schema>,
	shopId: string,
	entity: ChangeEntity,
	entityId: string,
	version: number
): Promise<Record<string, unknown> | undefined> {
	const rows = await db
		.selectFrom('changes')
		.select('data')
		.where('shop_id', '=', shopId)
		.where('entity', '=', entity)
		.where('entity_id', '=', entityId)
		.orderBy('seq', 'desc')
		.execute();
	for (const row of rows) {
		if (row.data === null) continue;
		const data = JSON.parse(row.data) as Record<string, unknown>;
		if (data.version === version) return data;
	}
	return undefined;
}

/**
 * The `conflict` error for an edit based on a version that is no longer current: names every
 * field that changed since `baseVersion` with its current value and who saved last, and says
 * nothing was saved. Compares with the feed's snapshot of the base version; when that is gone,
 * names the fields whose current value differs from what the editor sent.
 */
export async function staleEditError(input: {
	db: Kysely<Schema>;
	shopId: string;
	entity: ChangeEntity;
	entityName: string;
	entityId: string;
	baseVersion: number;
	current: Record<string, unknown>;
	submitted: Record<string, unknown>;
	fields: readonly FieldLabel[];
}): Promise<DomainError> {
	const { db, shopId, entity, entityName, entityId, baseVersion, current, submitted, fields } =
		input;
	const base = await snapshotAtVersion(db, shopId, entity, entityId, baseVersion);
	const reference = base ?? submitted;
	const changed = fields.filter((f) => !same(reference[f.key], current[f.key]));
	const lastEdit = await db
		.selectFrom('audit_log')
		.leftJoin('staff', 'staff.id', 'audit_log.actor_id')
		.select(['staff.name', 'audit_log.actor_id', 'audit_log.at'])
		.where('audit_log.shop_id', '=', shopId)
		.where('audit_log.subject', '=', entityId)
		.orderBy('audit_log.at', 'desc')
		.orderBy('audit_log.id', 'desc')
		.executeTakeFirst();
	const who =
		lastEdit === undefined
			? 'Someone else'
			: (lastEdit.name ?? lastEdit.actor_id ?? 'Someone else');
	const what =
		changed.length === 0
			? 'no field you can edit changed'
			: changed.map((f) => `${f.label} is now ${(f.show ?? show)(current[f.key])}`).join('; ');
	return new DomainError(
		'conflict',
		`${who} changed this ${entityName} after you opened it (you edited version ${baseVersion}, it is now version ${String(current.version)}): ${what}. Nothing was saved; reload to edit the current version.`
	);
}
