import { router, procedure } from '../trpc.ts';

export const systemRouter = router({
	/** What is running: the version, the store kind and the server's clock (for drift checks). */
	info: procedure.query(({ ctx }) => ({
		version: ctx.config.version,
		storeKind: ctx.config.storeKind,
		publicUrl: ctx.config.publicUrl ?? null,
		serverTime: ctx.clock.now().toISOString()
	}))
});
