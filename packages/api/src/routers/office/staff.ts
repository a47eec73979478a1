import { z } from 'zod';
import { managerProcedure, router } from '../../trpc.ts';
import { entityId, limit, pinSchema, staffRoleSchema, text } from './schemas.ts';

export const staffRouter = router({
	list: managerProcedure.query(({ ctx }) => ctx.stores.office.staff.list(ctx.actor.shopId)),

	/** Only an owner may add managers and owners. */
	create: managerProcedure
		.input(z.object({ name: text('name', 80), role: staffRoleSchema, pin: pinSchema }))
		.mutation(({ ctx, input }) => ctx.stores.office.staff.create({ actor: ctx.actor, ...input })),

	update: managerProcedure
		.input(
			z.object({
				staffId: entityId('staffId'),
				name: text('name', 80).optional(),
				role: staffRoleSchema.optional(),
				pin: pinSchema.optional(),
				isActive: z.boolean({ error: 'isActive must be true or false' }).optional()
			})
		)
		.mutation(({ ctx, input }) => {
			const { staffId, name, role, pin, isActive } = input;
			return ctx.stores.office.staff.update({
				actor: ctx.actor,
				staffId,
				...(name === undefined ? {} : { name }),
				...(role === undefined ? {} : { role }),
				...(pin === undefined ? {} : { pin }),
				...(isActive === undefined ? {} : { isActive })
			});
		})
});

export const auditRouter = router({
	/** Who did what, newest first; `before` (an ISO time) pages back. */
	list: managerProcedure
		.input(
			z.object({
				limit: limit(500, 100),
				before: z.iso
					.datetime({ offset: true, error: 'before must be an ISO 8601 time' })
					.optional(),
				action: z.string().max(60).optional()
			})
		)
		.query(({ ctx, input }) =>
			ctx.stores.office.audit.list({
				shopId: ctx.actor.shopId,
				limit: input.limit,
				...(input.before === undefined ? {} : { before: input.before }),
				...(input.action === undefined || input.action === '' ? {} : { action: input.action })
			})
		)
});
