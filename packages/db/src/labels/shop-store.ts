import { businessDayOf, DomainError, payoutEntry } from '@deadwax/core';
import type { CarriedLabel, PayoutView, ReturnRequestView, ShopLabelStore } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import { lockShopFeed } from '../change-feed.ts';
import { recordAudit } from '../office/audit.ts';
import { writeReturnToLabel } from '../office/stock-documents.ts';
import type { Schema } from '../schema.ts';
import { carriesLabel } from './carriers.ts';
import type { LabelDeps } from './deps.ts';
import { checkPeriod } from './figures.ts';
import { labelLedger } from './ledger.ts';
import { payoutView } from './portal-store.ts';
import { loadRequests, targetItems } from './requests.ts';

async function shopRow(db: Kysely<Schema>, shopId: string) {
	const shop = await db
		.selectFrom('shops')
		.select(['id', 'currency', 'timezone'])
		.where('id', '=', shopId)
		.executeTakeFirst();
	if (shop === undefined) throw new DomainError('not_found', `No shop with id ${shopId}`);
	return shop;
}

/** The request of this shop, or `not_found`; never another shop's. */
async function requestOfShop(db: Kysely<Schema>, shopId: string, requestId: string) {
	const row = await db
		.selectFrom('label_return_requests')
		.selectAll()
		.where('id', '=', requestId)
		.where('shop_id', '=', shopId)
		.executeTakeFirst();
	if (row === undefined) {
		throw new DomainError('not_found', `No return request ${requestId} at this shop`);
	}
	return row;
}

const STATUS_TEXT = {
	requested: 'still waiting for an answer',
	accepted: 'already accepted',
	packed: 'already packed and sent',
	declined: 'already declined',
	cancelled: 'withdrawn by the label'
} as const;

/** The office's side of the label portal: carried labels, payouts and return requests. */
export function createShopLabelStore({ db, now, newId }: LabelDeps): ShopLabelStore {
	async function oneRequest(shopId: string, id: string): Promise<ReturnRequestView> {
		const [view] = await loadRequests(db, { shopId, id });
		if (view === undefined)
			throw new DomainError('not_found', `No return request ${id} at this shop`);
		return view;
	}

	async function listPayouts({
		shopId,
		labelId
	}: {
		shopId: string;
		labelId: string | null;
	}): Promise<PayoutView[]> {
		let query = db
			.selectFrom('label_payouts as p')
			.innerJoin('shops', 'shops.id', 'p.shop_id')
			.innerJoin('labels', 'labels.id', 'p.label_id')
			.leftJoin('staff', 'staff.id', 'p.by')
			.select([
				'p.id',
				'p.shop_id',
				'shops.name as shop_name',
				'p.label_id',
				'labels.name as label_name',
				'p.amount_cents',
				'p.currency',
				'p.business_day',
				'p.method',
				'p.reference',
				'p.at',
				'staff.name as by_name'
			])
			.where('p.shop_id', '=', shopId);
		if (labelId !== null) query = query.where('p.label_id', '=', labelId);
		const rows = await query.orderBy('p.at', 'desc').orderBy('p.id', 'desc').limit(500).execute();
		return rows.map(payoutView);
	}

	return {
		async labels(shopId) {
			const shop = await shopRow(db, shopId);
			const ids = db
				.selectFrom('consignment_agreements')
				.select('label_id')
				.where('shop_id', '=', shopId)
				.union(
					db
						.selectFrom('items')
						.select('label_id as label_id')
						.where('shop_id', '=', shopId)
						.where('label_id', 'is not', null)
						.$narrowType<{ label_id: string }>()
				)
				.union(db.selectFrom('payable_entries').select('label_id').where('shop_id', '=', shopId));
			const labels = await db
				.selectFrom('labels')
				.select(['id', 'name'])
				.where('id', 'in', ids)
				.orderBy('name')
				.execute();
			if (labels.length === 0) return [];
			const labelIds = labels.map((l) => l.id);
			const [agreements, accounts, balances, open, stock] = await Promise.all([
				db
					.selectFrom('consignment_agreements')
					.select('label_id')
					.where('shop_id', '=', shopId)
					.execute(),
				// Only logins this shop vouches for: another shop's logins are none of its business.
				db
					.selectFrom('label_accounts as a')
					.innerJoin('label_account_shops as las', 'las.account_id', 'a.id')
					.select(['a.id', 'a.label_id', 'a.email', 'a.created_at', 'a.last_sign_in_at'])
					.where('a.label_id', 'in', labelIds)
					.where('las.shop_id', '=', shopId)
					.orderBy('a.email')
					.execute(),
				db
					.selectFrom('payable_entries')
					.select((eb) => ['label_id', eb.fn.sum<number>('amount_cents').as('balance')])
					.where('shop_id', '=', shopId)
					.groupBy('label_id')
					.execute(),
				db
					.selectFrom('label_return_requests')
					.select((eb) => ['label_id', eb.fn.countAll<number>().as('open')])
					.where('shop_id', '=', shopId)
					.where('status', 'in', ['requested', 'accepted'])
					.groupBy('label_id')
					.execute(),
				db
					.selectFrom('items as i')
					.innerJoin('stock_levels as s', (join) =>
						join.onRef('s.item_id', '=', 'i.id').onRef('s.shop_id', '=', 'i.shop_id')
					)
					.select((eb) => ['i.label_id', eb.fn.sum<number>('s.on_hand').as('on_hand')])
					.where('i.shop_id', '=', shopId)
					.where('i.label_id', 'is not', null)
					.groupBy('i.label_id')
					.execute()
			]);
			const withAgreement = new Set(agreements.map((a) => a.label_id));
			const balanceOf = new Map(balances.map((b) => [b.label_id, Number(b.balance ?? 0)]));
			const openOf = new Map(open.map((o) => [o.label_id, Number(o.open)]));
			const stockOf = new Map(stock.map((s) => [s.label_id, Number(s.on_hand ?? 0)]));
			return labels.map((l): CarriedLabel => ({
				labelId: l.id,
				name: l.name,
				hasAgreement: withAgreement.has(l.id),
				accounts: accounts
					.filter((a) => a.label_id === l.id)
					.map((a) => ({
						accountId: a.id,
						email: a.email,
						createdAt: a.created_at,
						lastSignInAt: a.last_sign_in_at
					})),
				balanceCents: balanceOf.get(l.id) ?? 0,
				currency: shop.currency,
				openReturnRequests: openOf.get(l.id) ?? 0,
				consignedOnHand: stockOf.get(l.id) ?? 0
			}));
		},

		async removeLogin({ actor, accountId }) {
			const at = now();
			await db.transaction().execute(async (trx) => {
				const login = await trx
					.selectFrom('label_account_shops as las')
					.innerJoin('label_accounts as a', 'a.id', 'las.account_id')
					.select(['a.email', 'a.label_id'])
					.where('las.account_id', '=', accountId)
					.where('las.shop_id', '=', actor.shopId)
					.executeTakeFirst();
				if (login === undefined) {
					throw new DomainError('not_found', 'That login does not see this shop');
				}
				await trx
					.deleteFrom('label_account_shops')
					.where('account_id', '=', accountId)
					.where('shop_id', '=', actor.shopId)
					.execute();
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: 'label.login_removed',
					subject: login.label_id,
					detail: { email: login.email, accountId },
					at
				});
			});
		},

		async recordPayout({ actor, labelId, amountCents, businessDay, method, reference }) {
			const shop = await shopRow(db, actor.shopId);
			const at = now();
			const day = businessDay ?? businessDayOf(at, shop.timezone);
			checkPeriod(day, day);
			const id = newId();
			await db.transaction().execute(async (trx) => {
				if (!(await carriesLabel(trx, actor.shopId, labelId))) {
					throw new DomainError('not_found', `This shop does not carry a label with id ${labelId}`);
				}
				// The balance is read under the shop's lock, so two payouts at once cannot both fit.
				await lockShopFeed(trx, actor.shopId);
				const ledger = await labelLedger(trx, {
					labelId,
					shopId: actor.shopId,
					timeZoneOf: () => shop.timezone
				});
				const entry = payoutEntry({
					payoutId: id,
					labelId,
					amountCents,
					businessDay: day,
					currency: shop.currency,
					entries: ledger.map((l) => l.entry)
				});
				await trx
					.insertInto('label_payouts')
					.values({
						id,
						shop_id: actor.shopId,
						label_id: labelId,
						amount_cents: entry.amountCents,
						currency: shop.currency,
						business_day: day,
						method,
						reference,
						by: actor.staffId,
						at
					})
					.execute();
				await trx
					.insertInto('payable_entries')
					.values({
						id: newId(),
						shop_id: actor.shopId,
						label_id: labelId,
						kind: 'payout',
						// Signed like every stored entry: a payout lowers what is owed.
						amount_cents: -entry.amountCents,
						ref_id: id,
						at
					})
					.execute();
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: 'label.payout_recorded',
					subject: id,
					detail: { labelId, amountCents, businessDay: day, method },
					at
				});
			});
			const [view] = await listPayouts({ shopId: actor.shopId, labelId });
			if (view?.id !== id) throw new Error(`payout ${id} is not the newest after recording it`);
			return view;
		},

		payouts: listPayouts,

		returnRequests({ shopId, status }) {
			return loadRequests(db, { shopId, status });
		},

		async acceptReturn({ actor, requestId, note }) {
			const at = now();
			await db.transaction().execute(async (trx) => {
				const row = await requestOfShop(trx, actor.shopId, requestId);
				const result = await trx
					.updateTable('label_return_requests')
					.set({
						status: 'accepted',
						shop_note: note,
						decided_at: at,
						decided_by: actor.staffId,
						updated_at: at
					})
					.where('id', '=', requestId)
					.where('shop_id', '=', actor.shopId)
					.where('status', '=', 'requested')
					.executeTakeFirst();
				if (result.numUpdatedRows === 0n) {
					throw new DomainError(
						'conflict',
						`This request is ${STATUS_TEXT[row.status]}; only a new request can be accepted`
					);
				}
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: 'label.return_accepted',
					subject: requestId,
					detail: { labelId: row.label_id, quantity: row.quantity },
					at
				});
			});
			return oneRequest(actor.shopId, requestId);
		},

		async declineReturn({ actor, requestId, note }) {
			const at = now();
			await db.transaction().execute(async (trx) => {
				const row = await requestOfShop(trx, actor.shopId, requestId);
				const result = await trx
					.updateTable('label_return_requests')
					.set({
						status: 'declined',
						shop_note: note,
						decided_at: at,
						decided_by: actor.staffId,
						updated_at: at
					})
					.where('id', '=', requestId)
					.where('shop_id', '=', actor.shopId)
					.where('status', 'in', ['requested', 'accepted'])
					.executeTakeFirst();
				if (result.numUpdatedRows === 0n) {
					throw new DomainError(
						'conflict',
						`This request is ${STATUS_TEXT[row.status]}; it can no longer be declined`
					);
				}
				await recordAudit(trx, {
					id: newId(),
					shopId: actor.shopId,
					actorKind: 'staff',
					actorId: actor.staffId,
					action: 'label.return_declined',
					subject: requestId,
					detail: { labelId: row.label_id, note },
					at
				});
			});
			return oneRequest(actor.shopId, requestId);
		},

		async markPacked({ actor, requestId }) {
			const at = now();
			await db.transaction().execute(async (trx) => {
				await lockShopFeed(trx, actor.shopId);
				const row = await requestOfShop(trx, actor.shopId, requestId);
				if (row.status !== 'accepted') {
					throw new DomainError(
						'conflict',
						`This request is ${STATUS_TEXT[row.status]}; accept it before packing the copies`
					);
				}
				const items = await targetItems(trx, {
					shopId: actor.shopId,
					labelId: row.label_id,
					target: { kind: row.target_kind, id: row.target_id }
				});
				const onHand = items.reduce((sum, i) => sum + Math.max(0, i.on_hand), 0);
				if (onHand < row.quantity) {
					throw new DomainError(
						'invalid_input',
						`Only ${onHand} of the ${row.quantity} requested copies are on hand; decline the request with a note, or count the stock first`
					);
				}
				// Take from the items holding the most copies first.
				let remaining = row.quantity;
				const lines: { itemId: string; quantity: number }[] = [];
				for (const item of [...items].sort((a, b) => b.on_hand - a.on_hand)) {
					if (remaining === 0) break;
					const take = Math.min(remaining, Math.max(0, item.on_hand));
					if (take > 0) lines.push({ itemId: item.id, quantity: take });
					remaining -= take;
				}
				const documentId = newId();
				await writeReturnToLabel(
					{
						trx,
						shopId: actor.shopId,
						by: actor.staffId,
						at,
						newId,
						mode: 'office',
						deviceId: null,
						opId: null
					},
					{
						documentId,
						by: actor.staffId,
						labelId: row.label_id,
						reason: `Return request ${requestId} from the label`,
						lines
					}
				);
				await trx
					.updateTable('label_return_requests')
					.set({ status: 'packed', packed_at: at, document_id: documentId, updated_at: at })
					.where('id', '=', requestId)
					.execute();
			});
			return oneRequest(actor.shopId, requestId);
		}
	};
}
