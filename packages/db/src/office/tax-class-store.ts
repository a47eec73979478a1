import { DomainError, formatRatePpm, PPM, requiredText } from '@deadwax/core';
import type { OfficeActor, TaxClassStore, TaxClassView } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { appendChange, lockShopFeed } from '../change-feed.ts';
import type { Schema, TaxClass } from '../schema.ts';
import { taxClassSnapshot } from '../snapshots.ts';
import { recordAudit } from './audit.ts';
import { staleEditError, type FieldLabel } from './conflict.ts';
import type { OfficeDeps } from './deps.ts';

const TAX_CLASS_FIELDS: readonly FieldLabel[] = [
	{ key: 'name', label: 'name' },
	{
		key: 'ratePpm',
		label: 'rate',
		show: (value) => (typeof value === 'number' ? formatRatePpm(value) : String(value))
	}
];

function toView(row: TaxClass): TaxClassView {
	return {
		id: row.id,
		name: row.name,
		ratePpm: row.rate_ppm,
		isActive: row.active === 1,
		version: row.version,
		updatedAt: row.updated_at
	};
}

function checkRate(ratePpm: number): void {
	if (!Number.isInteger(ratePpm) || ratePpm < 0 || ratePpm > PPM) {
		throw new DomainError(
			'invalid_input',
			`ratePpm must be a whole number of parts per million from 0 to 1000000, i.e. 0 to 100 % (got ${String(ratePpm)})`
		);
	}
}

/**
 * TaxClassStore over Kysely. A sale line keeps the rate it was sold at, so a new rate only
 * reaches later sales; each write appends the class's snapshot to the feed for the registers.
 */
export function createTaxClassStore({ db, now, newId }: OfficeDeps): TaxClassStore {
	async function save(
		trx: Kysely<Schema>,
		actor: OfficeActor,
		row: TaxClass,
		action: string,
		detail: Record<string, unknown>,
		at: string
	): Promise<void> {
		await appendChange(trx, actor.shopId, 'tax_class', row.id, taxClassSnapshot(row));
		await recordAudit(trx, {
			id: newId(),
			shopId: actor.shopId,
			actorKind: actor.kind ?? 'staff',
			actorId: actor.staffId,
			action,
			subject: row.id,
			detail,
			at
		});
	}

	async function refuseDuplicate(
		trx: Kysely<Schema>,
		shopId: string,
		name: string,
		exceptId?: string
	): Promise<void> {
		const rows = await trx
			.selectFrom('tax_classes')
			.select(['id', 'name'])
			.where('shop_id', '=', shopId)
			.execute();
		const clash = rows.find(
			(r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase()
		);
		if (clash !== undefined) {
			throw new DomainError(
				'invalid_input',
				`name: a tax class called ${clash.name} exists already`
			);
		}
	}

	return {
		async list(shopId) {
			const rows = await db
				.selectFrom('tax_classes')
				.selectAll()
				.where('shop_id', '=', shopId)
				.orderBy('active', 'desc')
				.orderBy('name')
				.orderBy('id')
				.execute();
			return rows.map(toView);
		},

		async create({ actor, name, ratePpm }) {
			const cleanName = requiredText(name, 'name', 80);
			checkRate(ratePpm);
			const at = now();
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				await refuseDuplicate(trx, actor.shopId, cleanName);
				const row = await trx
					.insertInto('tax_classes')
					.values({
						id: newId(),
						shop_id: actor.shopId,
						name: cleanName,
						rate_ppm: ratePpm,
						updated_at: at
					})
					.returningAll()
					.executeTakeFirstOrThrow();
				await save(trx, actor, row, 'tax_class.created', { name: cleanName, ratePpm }, at);
				return toView(row);
			});
		},

		async update({ actor, taxClassId, expectedVersion, name, ratePpm }) {
			const cleanName = requiredText(name, 'name', 80);
			checkRate(ratePpm);
			const at = now();
			return db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const current = await trx
					.selectFrom('tax_classes')
					.selectAll()
					.where('shop_id', '=', actor.shopId)
					.where('id', '=', taxClassId)
					.executeTakeFirst();
				if (current === undefined)
					throw new DomainError('not_found', `No tax class ${taxClassId} in this shop`);
				if (current.version !== expectedVersion) {
					throw await staleEditError({
						db: trx,
						shopId: actor.shopId,
						entity: 'tax_class',
						entityName: 'tax class',
						entityId: taxClassId,
						baseVersion: expectedVersion,
						current: taxClassSnapshot(current),
						submitted: { name: cleanName, ratePpm },
						fields: TAX_CLASS_FIELDS
					});
				}
				await refuseDuplicate(trx, actor.shopId, cleanName, taxClassId);
				const row = await trx
					.updateTable('tax_classes')
					.set({
						name: cleanName,
						rate_ppm: ratePpm,
						version: expectedVersion + 1,
						updated_at: at
					})
					.where('id', '=', taxClassId)
					.where('shop_id', '=', actor.shopId)
					.where('version', '=', expectedVersion)
					.returningAll()
					.executeTakeFirstOrThrow();
				await save(
					trx,
					actor,
					row,
					'tax_class.updated',
					{
						version: row.version,
						...(current.name === cleanName ? {} : { name: cleanName }),
						...(current.rate_ppm === ratePpm ? {} : { ratePpm, previousRatePpm: current.rate_ppm })
					},
					at
				);
				return toView(row);
			});
		}
	};
}
