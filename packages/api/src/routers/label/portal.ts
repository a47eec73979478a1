import { z } from 'zod';
import { labelProcedure, router } from '../../trpc.ts';
import { copies, id, note, period, returnTarget } from './schemas.ts';

/*
 * What a signed-in label reads and asks for. Every call passes `ctx.viewer` (the label and login
 * from the session) to the store; no input names a label or a login, and an id of another label's
 * row, or of a shop that has not linked this login, answers like a missing one.
 */
export const portalRouter = router({
	/** The label and the shops that carry it. */
	overview: labelProcedure.query(({ ctx }) => ctx.stores.labels.portal.overview(ctx.viewer)),

	/** Stock, sales, money owed and the sales chart for business days `from`–`to`. */
	dashboard: labelProcedure
		.input(period)
		.query(({ ctx, input }) => ctx.stores.labels.portal.dashboard({ ...ctx.viewer, ...input })),

	/** Monthly statements of every shop, newest first. */
	statementPeriods: labelProcedure.query(({ ctx }) =>
		ctx.stores.labels.portal.statementPeriods(ctx.viewer)
	),

	/** One shop's statement with its lines (the CSV export reads these). */
	statement: labelProcedure
		.input(period.extend({ shopId: id('shopId') }))
		.query(({ ctx, input }) => ctx.stores.labels.portal.statement({ ...ctx.viewer, ...input })),

	payouts: labelProcedure.query(({ ctx }) => ctx.stores.labels.portal.payouts(ctx.viewer)),

	returnRequests: labelProcedure.query(({ ctx }) =>
		ctx.stores.labels.portal.returnRequests(ctx.viewer)
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
			ctx.stores.labels.portal.requestReturn({ ...ctx.viewer, ...input })
		),

	/** Withdraws a request the shop has not answered yet. */
	cancelReturn: labelProcedure
		.input(z.object({ requestId: id('requestId') }))
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.portal.cancelReturn({ ...ctx.viewer, requestId: input.requestId })
		)
});
