import { z } from 'zod';
import { managerProcedure, router } from '../../trpc.ts';
import {
	entityId,
	itemFieldsSchema,
	limit,
	releaseFieldsSchema,
	text,
	version
} from './schemas.ts';

const offset = z.number().int().min(0, { error: 'offset must be ≥ 0' }).default(0);

export const catalogRouter = router({
	/** Tax classes, labels, bins and the shop's money settings, for forms. */
	lists: managerProcedure.query(({ ctx }) => ctx.stores.office.catalog.lists(ctx.actor.shopId)),

	releases: managerProcedure
		.input(z.object({ search: z.string().max(200).default(''), limit: limit(200, 50), offset }))
		.query(({ ctx, input }) =>
			ctx.stores.office.catalog.searchReleases({ shopId: ctx.actor.shopId, ...input })
		),

	release: managerProcedure
		.input(z.object({ releaseId: entityId('releaseId') }))
		.query(({ ctx, input }) =>
			ctx.stores.office.catalog.releaseById({
				shopId: ctx.actor.shopId,
				releaseId: input.releaseId
			})
		),

	createRelease: managerProcedure
		.input(z.object({ fields: releaseFieldsSchema }))
		.mutation(({ ctx, input }) =>
			ctx.stores.office.catalog.createRelease({ actor: ctx.actor, fields: input.fields })
		),

	/** Refused with CONFLICT, naming what changed, when the release moved past `version`. */
	updateRelease: managerProcedure
		.input(z.object({ releaseId: entityId('releaseId'), version, fields: releaseFieldsSchema }))
		.mutation(({ ctx, input }) =>
			ctx.stores.office.catalog.updateRelease({ actor: ctx.actor, ...input })
		),

	items: managerProcedure
		.input(
			z.object({
				search: z.string().max(200).optional(),
				kind: z.enum(['new', 'used']).optional(),
				bin: z.string().max(50).optional(),
				labelId: entityId('labelId').optional(),
				isInStock: z.boolean().optional(),
				limit: limit(500, 50),
				offset
			})
		)
		.query(({ ctx, input }) => {
			const { search, kind, bin, labelId, isInStock } = input;
			return ctx.stores.office.catalog.listItems({
				shopId: ctx.actor.shopId,
				limit: input.limit,
				offset: input.offset,
				...(search === undefined ? {} : { search }),
				...(kind === undefined ? {} : { kind }),
				...(bin === undefined ? {} : { bin }),
				...(labelId === undefined ? {} : { labelId }),
				...(isInStock === undefined ? {} : { isInStock })
			});
		}),

	item: managerProcedure
		.input(z.object({ itemId: entityId('itemId') }))
		.query(({ ctx, input }) =>
			ctx.stores.office.catalog.itemById({ shopId: ctx.actor.shopId, itemId: input.itemId })
		),

	createItem: managerProcedure
		.input(
			z.object({
				fields: itemFieldsSchema,
				quantity: z
					.number({ error: 'quantity must be a number' })
					.int({ error: 'quantity must be a whole number' })
					.min(0, { error: 'quantity must be ≥ 0' })
					.max(100_000, { error: 'quantity must be at most 100000' })
					.optional()
			})
		)
		.mutation(({ ctx, input }) =>
			ctx.stores.office.catalog.createItem({
				actor: ctx.actor,
				fields: input.fields,
				...(input.quantity === undefined ? {} : { quantity: input.quantity })
			})
		),

	/** Refused with CONFLICT, naming what changed, when the item moved past `version`. */
	updateItem: managerProcedure
		.input(z.object({ itemId: entityId('itemId'), version, fields: itemFieldsSchema }))
		.mutation(({ ctx, input }) =>
			ctx.stores.office.catalog.updateItem({ actor: ctx.actor, ...input })
		),

	/** What a scanned or typed code names: an item (in-store SKU), a release (barcode) or nothing. */
	findByCode: managerProcedure
		.input(z.object({ code: text('code', 64) }))
		.query(({ ctx, input }) =>
			ctx.stores.office.catalog.findByCode({ shopId: ctx.actor.shopId, code: input.code })
		)
});
