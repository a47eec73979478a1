import { DomainError } from '@deadwax/core';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { procedure, router } from '../trpc.ts';

const text = (field: string, max: number) =>
	z
		.string({ error: `${field} must be text` })
		.trim()
		.min(1, { error: `${field} must not be empty` })
		.max(max, { error: `${field} must be at most ${max} characters` });

/**
 * A manager proves who they are either by a signed-in staff session or, until office sign-in
 * lands everywhere, by their staff id and PIN in the call.
 */
const managerInput = z
	.object({
		shopId: text('manager.shopId', 64),
		staffId: text('manager.staffId', 64),
		pin: text('manager.pin', 8)
	})
	.optional();

async function requireManager(
	ctx: Context,
	manager: z.infer<typeof managerInput>
): Promise<{ shopId: string; staffId: string }> {
	const auth = ctx.auth;
	if (auth.kind === 'staff' && (auth.role === 'manager' || auth.role === 'owner')) {
		return { shopId: auth.shopId, staffId: auth.staffId };
	}
	if (manager !== undefined && (await ctx.stores.devices.verifyManagerPin(manager))) {
		return { shopId: manager.shopId, staffId: manager.staffId };
	}
	throw new DomainError(
		'manager_required',
		'Only a manager can manage devices: sign in as a manager or give a manager’s staff id and PIN'
	);
}

export const devicesRouter = router({
	/** A one-time pairing code for a new register, valid 10 minutes. Manager only. */
	createPairingCode: procedure
		.input(z.object({ manager: managerInput }))
		.mutation(async ({ ctx, input }) => {
			const { shopId, staffId } = await requireManager(ctx, input.manager);
			return ctx.stores.devices.createPairingCode({ shopId, createdBy: staffId });
		}),

	/** Exchanges a pairing code for a device token. Anyone holding a valid code may call it, once. */
	pair: procedure
		.input(z.object({ code: text('code', 20), name: text('name', 60) }))
		.mutation(({ ctx, input }) => ctx.stores.devices.pair(input)),

	/** Stops a device's token at once; its unsynced ops stay on the tablet. Manager only. */
	revoke: procedure
		.input(z.object({ deviceId: text('deviceId', 64), manager: managerInput }))
		.mutation(async ({ ctx, input }) => {
			const { shopId, staffId } = await requireManager(ctx, input.manager);
			await ctx.stores.devices.revoke({ shopId, deviceId: input.deviceId, by: staffId });
			return { deviceId: input.deviceId, isRevoked: true };
		}),

	/** The shop's devices, revoked ones included. Manager only. */
	list: procedure.input(z.object({ manager: managerInput })).query(async ({ ctx, input }) => {
		const { shopId } = await requireManager(ctx, input.manager);
		return ctx.stores.devices.list(shopId);
	})
});
