import { changesFor, PROTOCOL_VERSION, pullInputSchema, pushInputSchema } from '@deadwax/sync';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { procedure, router } from '../trpc.ts';

/**
 * Every sync call carries `Authorization: Bearer <device token>`. The token is resolved to its
 * device here and the call is scoped to that device's shop; nothing the client sends picks the
 * shop. Refusals start with their SyncErrorCode (`device_revoked: …`) so the register can tell
 * "pair again" from "offline".
 */
export const deviceProcedure = procedure.use(async ({ ctx, next }) => {
	const token = ctx.bearerToken;
	if (token === undefined || token === null || token === '') {
		throw new TRPCError({
			code: 'UNAUTHORIZED',
			message:
				'device_unknown: sync calls need Authorization: Bearer <device token>; pair this register with a code from the office'
		});
	}
	const auth = await ctx.stores.devices.authenticate(token);
	if (!auth.ok) throw new TRPCError({ code: 'UNAUTHORIZED', message: auth.message });
	return next({ ctx: { device: { shopId: auth.shopId, deviceId: auth.deviceId } } });
});

// The version is checked in the procedure, so an outdated register gets a code it can act on.
const pushInput = pushInputSchema.extend({
	protocolVersion: z.number({ error: 'protocolVersion must be a number' }).int()
});

export const syncRouter = router({
	/**
	 * Applies up to 100 ops (256 KB) of the calling device, each at most once. Always answers with
	 * one result per op; a malformed op comes back `rejected` and the rest still apply.
	 */
	push: deviceProcedure.input(pushInput).mutation(async ({ ctx, input }) => {
		if (input.protocolVersion !== PROTOCOL_VERSION) {
			throw new TRPCError({
				code: 'PRECONDITION_FAILED',
				message: `protocol_mismatch: this server speaks sync protocol ${PROTOCOL_VERSION}, the register sent ${input.protocolVersion}; reload the app to update it`
			});
		}
		return ctx.stores.sync.push({ ...ctx.device, ops: input.ops });
	}),

	/**
	 * The calling device's shop's changes after `cursor`, at most `limit` (≤ 1000), without the
	 * entities newer than the register's protocol (it would have nowhere to keep them).
	 */
	pull: deviceProcedure.input(pullInputSchema).query(async ({ ctx, input }) => {
		const { cursor, limit } = input;
		const page = await ctx.stores.sync.pull({ shopId: ctx.device.shopId, cursor, limit });
		return changesFor(input.protocolVersion, page);
	})
});
