import { z } from 'zod';
import { managerProcedure, router } from '../../trpc.ts';
import { businessDay, limit } from './schemas.ts';

const range = z.object({ from: businessDay('from'), to: businessDay('to') });

export const reportsRouter = router({
	salesByDay: managerProcedure
		.input(range)
		.query(({ ctx, input }) =>
			ctx.stores.office.reports.salesByDay({ shopId: ctx.actor.shopId, ...input })
		),
	salesByFormat: managerProcedure
		.input(range)
		.query(({ ctx, input }) =>
			ctx.stores.office.reports.salesByFormat({ shopId: ctx.actor.shopId, ...input })
		),
	salesByLabel: managerProcedure
		.input(range)
		.query(({ ctx, input }) =>
			ctx.stores.office.reports.salesByLabel({ shopId: ctx.actor.shopId, ...input })
		),
	consignmentVsOwned: managerProcedure
		.input(range)
		.query(({ ctx, input }) =>
			ctx.stores.office.reports.consignmentVsOwned({ shopId: ctx.actor.shopId, ...input })
		),
	bestSellers: managerProcedure
		.input(range.extend({ limit: limit(200, 20) }))
		.query(({ ctx, input }) =>
			ctx.stores.office.reports.bestSellers({ shopId: ctx.actor.shopId, ...input })
		),
	agedStock: managerProcedure.input(z.object({ limit: limit(1000, 100) })).query(({ ctx, input }) =>
		ctx.stores.office.reports.agedStock({
			shopId: ctx.actor.shopId,
			asOf: ctx.clock.now().toISOString(),
			limit: input.limit
		})
	),
	payablePerLabel: managerProcedure.query(({ ctx }) =>
		ctx.stores.office.reports.payablePerLabel(ctx.actor.shopId)
	),
	/** Every register's day: sales, refunds and tenders by business day in the shop's zone. */
	endOfDay: managerProcedure
		.input(z.object({ businessDay: businessDay('businessDay') }))
		.query(({ ctx, input }) =>
			ctx.stores.office.reports.endOfDay({
				shopId: ctx.actor.shopId,
				businessDay: input.businessDay
			})
		)
});
