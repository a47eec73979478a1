import { createCallerFactory, router } from './trpc.ts';
import { shopsRouter } from './routers/shops.ts';
import { systemRouter } from './routers/system.ts';

export const appRouter = router({
	system: systemRouter,
	shops: shopsRouter
	// ── sync helper: add `sync: syncRouter, devices: devicesRouter` here (routers/sync.ts, routers/devices.ts).
});

export type AppRouter = typeof appRouter;

/** `createCaller(createInnerContext(deps))`: call procedures in-process, as tests do. */
export const createCaller = createCallerFactory(appRouter);
