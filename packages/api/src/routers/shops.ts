import { DomainError } from '@deadwax/core';
import { z } from 'zod';
import { procedure, router } from '../trpc.ts';

const shopId = z
	.string({ error: 'id must be a shop id' })
	.min(1, { error: 'id must not be empty' })
	.max(64, { error: 'id must be at most 64 characters' });

export const shopsRouter = router({
	/** The shop's public settings (name, currency, zone, tax mode). Throws `not_found`. */
	byId: procedure.input(z.object({ id: shopId })).query(async ({ ctx, input }) => {
		const shop = await ctx.stores.shops.byId(input.id);
		if (shop === null) throw new DomainError('not_found', `No shop with id ${input.id}`);
		return shop;
	})
});
