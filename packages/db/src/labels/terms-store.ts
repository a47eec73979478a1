import { assertShareRule, DomainError } from '@deadwax/core';
import type { AgreementView, ShareRuleView, ShopTermsStore } from '@deadwax/sync';
import { appendChange, lockShopFeed } from '../change-feed.ts';
import { recordAudit } from '../office/audit.ts';
import type { ConsignmentAgreement } from '../schema.ts';
import { agreementSnapshot, labelSnapshot } from '../snapshots.ts';
import type { LabelDeps } from './deps.ts';

/** A label's name as shops type it: trimmed, 1–120 characters. */
const MAX_NAME = 120;

function ruleColumns(rule: ShareRuleView) {
	return rule.kind === 'percent'
		? { share_kind: 'percent' as const, share_bp: rule.percentBp, share_cents: null }
		: { share_kind: 'fixed' as const, share_bp: null, share_cents: rule.amountCents };
}

function ruleOf(row: ConsignmentAgreement): ShareRuleView {
	return row.share_kind === 'percent'
		? { kind: 'percent', percentBp: row.share_bp ?? 0 }
		: { kind: 'fixed', amountCents: Number(row.share_cents ?? 0) };
}

/** "30 %" or "7.00 per copy", for audit details and conflict messages. */
function describeRule(rule: ShareRuleView): string {
	return rule.kind === 'percent'
		? `${rule.percentBp / 100} %`
		: `${(rule.amountCents / 100).toFixed(2)} per copy`;
}

function checkRule(rule: ShareRuleView, field: string): void {
	assertShareRule(rule, field);
}

/** Consignment terms over Kysely: labels a shop starts to carry and its agreements with them. */
export function createShopTermsStore({ db, now, newId }: LabelDeps): ShopTermsStore {
	async function views(shopId: string, labelId?: string): Promise<AgreementView[]> {
		let query = db
			.selectFrom('consignment_agreements as a')
			.innerJoin('labels as l', 'l.id', 'a.label_id')
			.selectAll('a')
			.select(['l.name as label_name', 'l.contact as label_contact'])
			.where('a.shop_id', '=', shopId);
		if (labelId !== undefined) query = query.where('a.label_id', '=', labelId);
		const rows = await query.orderBy('a.active', 'desc').orderBy('l.name').execute();
		const overrides = rows.map((r) => JSON.parse(r.overrides) as Record<string, ShareRuleView>);
		const releaseIds = [...new Set(overrides.flatMap((o) => Object.keys(o)))];
		const titles = new Map(
			releaseIds.length === 0
				? []
				: (
						await db
							.selectFrom('releases')
							.select(['id', 'artist', 'title'])
							.where('id', 'in', releaseIds)
							.execute()
					).map((r) => [r.id, `${r.artist} – ${r.title}`])
		);
		return rows.map((r, index) => ({
			agreementId: r.id,
			labelId: r.label_id,
			labelName: r.label_name,
			contact: r.label_contact,
			defaultRule: ruleOf(r),
			overrides: Object.entries(overrides[index] ?? {})
				.map(([releaseId, rule]) => ({
					releaseId,
					releaseTitle: titles.get(releaseId) ?? releaseId,
					rule
				}))
				.sort((a, b) => a.releaseTitle.localeCompare(b.releaseTitle)),
			isActive: r.active === 1,
			version: r.version,
			updatedAt: r.updated_at
		}));
	}

	async function one(shopId: string, labelId: string): Promise<AgreementView> {
		const [view] = await views(shopId, labelId);
		if (view === undefined) {
			throw new DomainError('not_found', 'This shop has no consignment agreement with that label');
		}
		return view;
	}

	return {
		agreements: (shopId) => views(shopId),

		async addLabel({ actor, name, contact, defaultRule }) {
			const trimmed = name.trim();
			if (trimmed === '' || trimmed.length > MAX_NAME) {
				throw new DomainError(
					'invalid_input',
					`name must be 1 to ${MAX_NAME} characters (got ${trimmed.length})`
				);
			}
			checkRule(defaultRule, 'defaultRule');
			const at = now();
			const labelId = await db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const existing = await trx
					.selectFrom('labels')
					.selectAll()
					.where((eb) => eb(eb.fn('lower', ['name']), '=', trimmed.toLowerCase()))
					.orderBy('created_at')
					.executeTakeFirst();
				const label =
					existing ??
					(await trx
						.insertInto('labels')
						.values({ id: newId(), name: trimmed, contact, created_at: at })
						.returningAll()
						.executeTakeFirstOrThrow());
				const already = await trx
					.selectFrom('consignment_agreements')
					.select('id')
					.where('shop_id', '=', actor.shopId)
					.where('label_id', '=', label.id)
					.executeTakeFirst();
				if (already !== undefined) {
					throw new DomainError(
						'conflict',
						`name: this shop already has an agreement with ${label.name}; change its terms instead`
					);
				}
				const agreement = await trx
					.insertInto('consignment_agreements')
					.values({
						id: newId(),
						shop_id: actor.shopId,
						label_id: label.id,
						...ruleColumns(defaultRule),
						overrides: '{}',
						updated_at: at
					})
					.returningAll()
					.executeTakeFirstOrThrow();
				await appendChange(trx, actor.shopId, 'label', label.id, labelSnapshot(label));
				await appendChange(
					trx,
					actor.shopId,
					'agreement',
					agreement.id,
					agreementSnapshot(agreement)
				);
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: 'consignment.label_added',
					subject: label.id,
					detail: {
						name: label.name,
						isNewLabel: existing === undefined,
						terms: describeRule(defaultRule)
					},
					at
				});
				return label.id;
			});
			return one(actor.shopId, labelId);
		},

		async saveAgreement({ actor, labelId, expectedVersion, defaultRule, overrides, isActive }) {
			checkRule(defaultRule, 'defaultRule');
			const byRelease: Record<string, ShareRuleView> = {};
			for (const [index, o] of overrides.entries()) {
				checkRule(o.rule, `overrides[${index}].rule`);
				if (o.releaseId in byRelease) {
					throw new DomainError(
						'invalid_input',
						`overrides[${index}].releaseId: that release already has its own terms above`
					);
				}
				byRelease[o.releaseId] = o.rule;
			}
			const at = now();
			await db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const row = await trx
					.selectFrom('consignment_agreements')
					.selectAll()
					.where('shop_id', '=', actor.shopId)
					.where('label_id', '=', labelId)
					.executeTakeFirst();
				if (row === undefined) {
					throw new DomainError(
						'not_found',
						'This shop has no consignment agreement with that label'
					);
				}
				if (row.version !== expectedVersion) {
					const by = await trx
						.selectFrom('audit_log as a')
						.leftJoin('staff as s', 's.id', 'a.actor_id')
						.select(['s.name', 'a.at'])
						.where('a.shop_id', '=', actor.shopId)
						.where('a.subject', '=', labelId)
						.where('a.action', '=', 'consignment.terms_changed')
						.orderBy('a.at', 'desc')
						.executeTakeFirst();
					throw new DomainError(
						'conflict',
						`version: these terms were changed${by?.name == null ? '' : ` by ${by.name}`} since you opened them (now ${describeRule(ruleOf(row))}${row.active === 1 ? '' : ', ended'}); nothing was saved. Reload to see them`
					);
				}
				const releaseIds = Object.keys(byRelease);
				if (releaseIds.length > 0) {
					const known = new Set(
						(
							await trx.selectFrom('releases').select('id').where('id', 'in', releaseIds).execute()
						).map((r) => r.id)
					);
					const index = overrides.findIndex((o) => !known.has(o.releaseId));
					if (index >= 0) {
						throw new DomainError(
							'invalid_input',
							`overrides[${index}].releaseId: no release ${overrides[index]?.releaseId} in the catalog`
						);
					}
				}
				const updated = await trx
					.updateTable('consignment_agreements')
					.set({
						...ruleColumns(defaultRule),
						overrides: JSON.stringify(byRelease),
						active: isActive ? 1 : 0,
						version: row.version + 1,
						updated_at: at
					})
					.where('id', '=', row.id)
					.where('version', '=', expectedVersion)
					.returningAll()
					.executeTakeFirstOrThrow();
				await appendChange(trx, actor.shopId, 'agreement', updated.id, agreementSnapshot(updated));
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: 'consignment.terms_changed',
					subject: labelId,
					detail: {
						from: describeRule(ruleOf(row)),
						to: describeRule(defaultRule),
						overrides: releaseIds.length,
						isActive
					},
					at
				});
			});
			return one(actor.shopId, labelId);
		}
	};
}
