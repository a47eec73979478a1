import { z } from 'zod';
import { procedure, router } from '../../trpc.ts';
import { entityId } from './schemas.ts';

/*
 * Sign-in itself happens at POST /auth/office/sign-in on the server (it sets the HttpOnly
 * cookie); these read the result.
 */
export const sessionRouter = router({
	/** Who is signed in to the office on this browser, or null. */
	me: procedure.query(async ({ ctx }) => {
		const auth = ctx.auth;
		if (auth.kind !== 'staff' || auth.role === 'clerk') return null;
		const [staff, shop] = await Promise.all([
			ctx.stores.office.staff.list(auth.shopId),
			ctx.stores.shops.byId(auth.shopId)
		]);
		return {
			shopId: auth.shopId,
			shopName: shop?.name ?? auth.shopId,
			staffId: auth.staffId,
			name: staff.find((s) => s.id === auth.staffId)?.name ?? auth.staffId,
			role: auth.role
		};
	}),

	/** The shop and the managers and owners who may sign in, for the sign-in screen. */
	choices: procedure
		.input(z.object({ shopId: entityId('shopId') }))
		.query(({ ctx, input }) => ctx.stores.office.auth.signInChoices(input.shopId)),

	/** The shops this server hosts, for the sign-in screen's first step. */
	shops: procedure.query(async ({ ctx }) =>
		(await ctx.stores.shops.list()).map((s) => ({ id: s.id, name: s.name }))
	)
});
