import { z } from 'zod';
import { managerProcedure, router } from '../../trpc.ts';
import { day, email, id, note, payoutMethod, returnStatus } from './schemas.ts';

const amountCents = z
	.number({ error: 'amountCents must be a number of cents' })
	.int({ error: 'amountCents must be a whole number of cents' })
	.min(1, { error: 'amountCents must be ≥ 1' })
	.max(100_000_000_00, { error: 'amountCents is too large' });

/** A label's share of each copy: percent (basis points, 0–10000) or a fixed amount per copy. */
const shareRule = (field: string) =>
	z.discriminatedUnion(
		'kind',
		[
			z.object({
				kind: z.literal('percent'),
				percentBp: z
					.number({ error: `${field}.percentBp must be a number` })
					.int({ error: `${field}.percentBp must be whole basis points (30 % is 3000)` })
					.min(0, { error: `${field}.percentBp must be ≥ 0` })
					.max(10_000, { error: `${field}.percentBp must be ≤ 10000 (100 %)` })
			}),
			z.object({
				kind: z.literal('fixed'),
				amountCents: z
					.number({ error: `${field}.amountCents must be a number` })
					.int({ error: `${field}.amountCents must be a whole number of cents` })
					.min(0, { error: `${field}.amountCents must be ≥ 0` })
					.max(100_000_00, { error: `${field}.amountCents is too large` })
			})
		],
		{ error: `${field}.kind must be percent or fixed` }
	);

/*
 * The shop's side of the label portal, in the office: which labels it carries, invites (and
 * password resets), payouts, and labels' requests for copies back. Manager or owner only, and
 * every call is scoped to the shop of the session (`ctx.actor.shopId`).
 */
export const consignmentRouter = router({
	labels: managerProcedure.query(({ ctx }) => ctx.stores.labels.shop.labels(ctx.actor.shopId)),

	/** The shop's consignment agreements with their terms. */
	agreements: managerProcedure.query(({ ctx }) =>
		ctx.stores.labels.terms.agreements(ctx.actor.shopId)
	),

	/** Stops a label login from seeing this shop; its other shops keep it. */
	removeLogin: managerProcedure
		.input(z.object({ accountId: id('accountId') }))
		.mutation(async ({ ctx, input }) => {
			await ctx.stores.labels.shop.removeLogin({ actor: ctx.actor, accountId: input.accountId });
			return { accountId: input.accountId, isRemoved: true };
		}),

	/** Starts carrying a label (the server's label of that name, or a new one) on these terms. */
	addLabel: managerProcedure
		.input(
			z.object({
				name: id('name').pipe(
					z.string().max(120, { error: 'name must be at most 120 characters' })
				),
				contact: note('contact', 200).default(null),
				defaultRule: shareRule('defaultRule')
			})
		)
		.mutation(({ ctx, input }) => ctx.stores.labels.terms.addLabel({ actor: ctx.actor, ...input })),

	/** Replaces an agreement's terms; refused when someone saved them since `expectedVersion`. */
	saveAgreement: managerProcedure
		.input(
			z.object({
				labelId: id('labelId'),
				expectedVersion: z
					.number({ error: 'expectedVersion must be a number' })
					.int({ error: 'expectedVersion must be a whole number' }),
				defaultRule: shareRule('defaultRule'),
				overrides: z
					.array(z.object({ releaseId: id('releaseId'), rule: shareRule('rule') }))
					.max(500, { error: 'overrides must be at most 500 releases' })
					.default([]),
				isActive: z.boolean({ error: 'isActive must be true or false' })
			})
		)
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.terms.saveAgreement({ actor: ctx.actor, ...input })
		),

	/** A single-use invite link for a label's email; for an existing account it resets the password. */
	invite: managerProcedure
		.input(z.object({ labelId: id('labelId'), email }))
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.accounts.createInvite({
				actor: ctx.actor,
				labelId: input.labelId,
				email: input.email
			})
		),

	invites: managerProcedure.query(({ ctx }) =>
		ctx.stores.labels.accounts.listInvites(ctx.actor.shopId)
	),

	revokeInvite: managerProcedure
		.input(z.object({ inviteId: id('inviteId') }))
		.mutation(async ({ ctx, input }) => {
			await ctx.stores.labels.accounts.revokeInvite({ actor: ctx.actor, inviteId: input.inviteId });
			return { inviteId: input.inviteId, isRevoked: true };
		}),

	/** Records money paid to a label; it may not exceed what the shop owes it. */
	recordPayout: managerProcedure
		.input(
			z.object({
				labelId: id('labelId'),
				amountCents,
				businessDay: day('businessDay').nullable().default(null),
				method: payoutMethod,
				reference: note('reference', 200).default(null)
			})
		)
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.shop.recordPayout({ actor: ctx.actor, ...input })
		),

	payouts: managerProcedure
		.input(z.object({ labelId: id('labelId').nullable().default(null) }))
		.query(({ ctx, input }) =>
			ctx.stores.labels.shop.payouts({ shopId: ctx.actor.shopId, labelId: input.labelId })
		),

	returnRequests: managerProcedure
		.input(z.object({ status: returnStatus.nullable().default(null) }))
		.query(({ ctx, input }) =>
			ctx.stores.labels.shop.returnRequests({ shopId: ctx.actor.shopId, status: input.status })
		),

	acceptReturn: managerProcedure
		.input(z.object({ requestId: id('requestId'), note: note('note', 500).default(null) }))
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.shop.acceptReturn({ actor: ctx.actor, ...input })
		),

	/** Declines with a note the label reads, so it says why. */
	declineReturn: managerProcedure
		.input(
			z.object({
				requestId: id('requestId'),
				note: z
					.string({ error: 'note must be text' })
					.trim()
					.min(1, { error: 'note must say why the request is declined' })
					.max(500, { error: 'note must be at most 500 characters' })
			})
		)
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.shop.declineReturn({ actor: ctx.actor, ...input })
		),

	/** The copies are packed: takes them out of stock as a return to the label. */
	markPacked: managerProcedure
		.input(z.object({ requestId: id('requestId') }))
		.mutation(({ ctx, input }) =>
			ctx.stores.labels.shop.markPacked({ actor: ctx.actor, requestId: input.requestId })
		)
});
