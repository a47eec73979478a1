import { z } from 'zod';
import { managerProcedure, router } from '../../trpc.ts';
import { entityId, text } from './schemas.ts';

const ratePpm = z
	.number({ error: 'ratePpm must be a number of parts per million' })
	.int({ error: 'ratePpm must be a whole number of parts per million' })
	.min(0, { error: 'ratePpm must be ≥ 0 (0 %)' })
	.max(1_000_000, { error: 'ratePpm must be ≤ 1000000 (100 %)' });

/** The shop's tax classes. A new rate applies to later sales; sold lines keep theirs. */
export const taxClassesRouter = router({
	list: managerProcedure.query(({ ctx }) => ctx.stores.office.taxClasses.list(ctx.actor.shopId)),

	create: managerProcedure
		.input(z.object({ name: text('name', 80), ratePpm }))
		.mutation(({ ctx, input }) =>
			ctx.stores.office.taxClasses.create({ actor: ctx.actor, ...input })
		),

	update: managerProcedure
		.input(
			z.object({
				taxClassId: entityId('taxClassId'),
				expectedVersion: z
					.number({ error: 'expectedVersion must be a number' })
					.int({ error: 'expectedVersion must be a whole number' })
					.min(1, { error: 'expectedVersion must be ≥ 1' }),
				name: text('name', 80),
				ratePpm
			})
		)
		.mutation(({ ctx, input }) =>
			ctx.stores.office.taxClasses.update({ actor: ctx.actor, ...input })
		)
});
