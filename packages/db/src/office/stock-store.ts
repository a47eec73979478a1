import { DomainError } from '@deadwax/core';
import type { OfficeActor, StockStore } from '@deadwax/sync';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import type { OfficeDeps } from './deps.ts';
import { currentSeq } from './feed.ts';
import {
	loadDocument,
	selectDocuments,
	toDocumentView,
	writeConsignIn,
	writeCount,
	writeReceipt,
	writeReturnToLabel,
	type DocumentContext,
	type DocumentOutcome
} from './stock-documents.ts';
import { selectItemRows, toItemViews } from './views.ts';

/** StockStore over Kysely: the office's stock documents, each one transaction. */
export function createStockStore({ db, now, newId }: OfficeDeps): StockStore {
	function write(actor: OfficeActor, run: (ctx: DocumentContext) => Promise<DocumentOutcome>) {
		return db.transaction().execute(async (trx: Kysely<Schema>) => {
			const outcome = await run({
				trx,
				shopId: actor.shopId,
				by: actor.staffId,
				at: now(),
				newId,
				mode: 'office',
				deviceId: null,
				opId: null
			});
			return outcome.document;
		});
	}

	return {
		receive: ({ actor, receipt }) =>
			write(actor, (ctx) => writeReceipt(ctx, { ...receipt, by: actor.staffId })),
		consignIn: ({ actor, intake }) =>
			write(actor, (ctx) => writeConsignIn(ctx, { ...intake, by: actor.staffId })),
		returnToLabel: ({ actor, shipment }) =>
			write(actor, (ctx) => writeReturnToLabel(ctx, { ...shipment, by: actor.staffId })),
		count: ({ actor, count }) =>
			write(actor, (ctx) => writeCount(ctx, { ...count, by: actor.staffId })),

		async binContents({ shopId, bin }) {
			// Read the cursor first: a movement committed between the two reads is then counted twice
			// at worst never missed, since the count adds only what happened after the cursor.
			const cursor = await currentSeq(db, shopId);
			const rows = await selectItemRows(db, shopId)
				.where('items.bin', '=', bin)
				.where('items.status', '=', 'active')
				.orderBy('releases.artist')
				.orderBy('releases.title')
				.orderBy('items.id')
				.execute();
			return { bin, cursor, items: await toItemViews(db, shopId, rows) };
		},

		async document({ shopId, documentId }) {
			const document = await loadDocument(db, shopId, documentId);
			if (document === undefined)
				throw new DomainError('not_found', `No stock document with id ${documentId}`);
			return document;
		},

		async documents({ shopId, kind, limit }) {
			let query = selectDocuments(db, shopId);
			if (kind !== undefined) query = query.where('d.kind', '=', kind);
			const rows = await query
				.orderBy('d.at', 'desc')
				.orderBy('d.id', 'desc')
				.limit(limit)
				.execute();
			return rows.map(toDocumentView);
		},

		async movements({ shopId, itemId, limit }) {
			const item = await db
				.selectFrom('items')
				.select('id')
				.where('shop_id', '=', shopId)
				.where('id', '=', itemId)
				.executeTakeFirst();
			if (item === undefined) throw new DomainError('not_found', `No item with id ${itemId}`);
			const rows = await db
				.selectFrom('stock_movements')
				.select(['id', 'delta', 'reason', 'ref_kind', 'ref_id', 'at', 'by'])
				.where('shop_id', '=', shopId)
				.where('item_id', '=', itemId)
				.orderBy('at', 'desc')
				.orderBy('id', 'desc')
				.limit(limit)
				.execute();
			return rows.map((r) => ({
				id: r.id,
				delta: r.delta,
				reason: r.reason,
				refKind: r.ref_kind,
				refId: r.ref_id,
				at: r.at,
				by: r.by
			}));
		}
	};
}
