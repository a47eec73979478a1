import { z } from 'zod';
import { labelProcedure, router } from '../../trpc.ts';
import { copies, id, note, period, returnTarget } from './schemas.ts';

/*
 * What a signed-in label reads and asks for. Every call passes `ctx.labelId` (from the session) to
 * the store; no input names a label, and an id of another label's row answers like a missing one.
 */
export const portalRouter = router({
	/** The label and the shops that carry it. */
	overview: labelProcedure.query(({ ctx }) => ctx.stores.labels.portal.overview(ctx.labelId)),

	/** Stock, sales, money owed and the sales chart for business days `from`–`to`. */
	dashboard: labelProcedure
		.input(period)
		.query(({ ctx, input }) =>
			ctx.stores.labels.portal.dashboard({ labelId: ctx.labelId, ...input })
		),

	/** Monthly statements of every shop, newest first. */
	statementPeriods: labelProcedure.query(({ ctx }) =>
		ctx.stores.labels.portal.statementPeriods(ctx.labelId)
	),

	/** One shop's statement with its lines (the CSV export reads these). */
	statement: labelProcedure
		.input(period.extend({ shopId: id('shopId') }))
		.query(({ ctx, input }) =>
			ctx.stores.labels.portal.statement({ labelId: ctx.labelId, ...input })
		),

	payouts: labelProcedure.query(({ ctx }) => ctx.stores.labels.portal.payouts(ctx.labelId)),

	returnRequests: labelProcedure.query(({ ctx }) =>
		ctx.stores.labels.portal.returnRequests(ctx.labelId)
	),

	/** Asks a shop for unsold copies of a release back. */
	requestReturn: labelProcedure
		.input(
			z.object({
				shopId: id('shopId'),
				target: returnTarget,
				quantity: copies,
				note: note('note', 500).default(null)
			})
		)
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.portal.requestReturn({ labelId: ctx.labelId, ...input })
		),

	/** Withdraws a request the shop has not answered yet. */
	cancelReturn: labelProcedure
		.input(z.object({ requestId: id('requestId') }))
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.portal.cancelReturn({ labelId: ctx.labelId, requestId: input.requestId })
		)
});
