import { z } from 'zod';
import { managerProcedure, router } from '../../trpc.ts';
import {
	consignInInputSchema,
	countInputSchema,
	entityId,
	limit,
	receiveInputSchema,
	returnToLabelInputSchema,
	text
} from './schemas.ts';

export const stockRouter = router({
	/** A distributor's delivery: one 'receive' movement per line. Idempotent on documentId. */
	receive: managerProcedure
		.input(receiveInputSchema)
		.mutation(({ ctx, input }) =>
			ctx.stores.office.stock.receive({ actor: ctx.actor, receipt: input })
		),

	/** A label's consignment delivery under its agreement. Idempotent on documentId. */
	consignIn: managerProcedure
		.input(consignInInputSchema)
		.mutation(({ ctx, input }) =>
			ctx.stores.office.stock.consignIn({ actor: ctx.actor, intake: input })
		),

	/** Unsold consignment copies back to their label. Idempotent on documentId. */
	returnToLabel: managerProcedure
		.input(returnToLabelInputSchema)
		.mutation(({ ctx, input }) =>
			ctx.stores.office.stock.returnToLabel({ actor: ctx.actor, shipment: input })
		),

	/** A bin's count: differences against the on-hand at `cursor` become 'count' movements. */
	count: managerProcedure
		.input(countInputSchema)
		.mutation(({ ctx, input }) =>
			ctx.stores.office.stock.count({ actor: ctx.actor, count: input })
		),

	/** What should be in a bin, and the cursor to count against. */
	bin: managerProcedure
		.input(z.object({ bin: text('bin', 50) }))
		.query(({ ctx, input }) =>
			ctx.stores.office.stock.binContents({ shopId: ctx.actor.shopId, bin: input.bin })
		),

	document: managerProcedure
		.input(z.object({ documentId: entityId('documentId') }))
		.query(({ ctx, input }) =>
			ctx.stores.office.stock.document({ shopId: ctx.actor.shopId, documentId: input.documentId })
		),

	documents: managerProcedure
		.input(
			z.object({
				kind: z.enum(['receive', 'consign_in', 'return_to_label', 'count']).optional(),
				limit: limit(200, 50)
			})
		)
		.query(({ ctx, input }) =>
			ctx.stores.office.stock.documents({
				shopId: ctx.actor.shopId,
				limit: input.limit,
				...(input.kind === undefined ? {} : { kind: input.kind })
			})
		),

	movements: managerProcedure
		.input(z.object({ itemId: entityId('itemId'), limit: limit(500, 100) }))
		.query(({ ctx, input }) =>
			ctx.stores.office.stock.movements({ shopId: ctx.actor.shopId, ...input })
		)
});
