import { z } from 'zod';
import { managerProcedure, router } from '../../trpc.ts';
import { entityId, limit, reviewResolutionSchema } from './schemas.ts';

export const reviewRouter = router({
	/** Open flags oldest first, or resolved ones newest first. */
	list: managerProcedure
		.input(z.object({ isResolved: z.boolean().default(false), limit: limit(500, 100) }))
		.query(({ ctx, input }) =>
			ctx.stores.office.review.list({ shopId: ctx.actor.shopId, ...input })
		),

	openCount: managerProcedure.query(({ ctx }) =>
		ctx.stores.office.review.openCount(ctx.actor.shopId)
	),

	/** Resolves one flag with an action fitting its kind; records who did it. */
	resolve: managerProcedure
		.input(z.object({ flagId: entityId('flagId'), resolution: reviewResolutionSchema }))
		.mutation(({ ctx, input }) => {
			const { note, ...rest } = input.resolution;
			const resolution = note === undefined || note === '' ? rest : { ...rest, note };
			return ctx.stores.office.review.resolve({
				actor: ctx.actor,
				flagId: input.flagId,
				resolution
			});
		})
});
