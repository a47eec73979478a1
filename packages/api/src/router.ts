import { createCallerFactory, router } from './trpc.ts';
import { devicesRouter } from './routers/devices.ts';
import { consignmentRouter, labelRouter } from './routers/label/index.ts';
import { officeRouter } from './routers/office/index.ts';
import { shopsRouter } from './routers/shops.ts';
import { syncRouter } from './routers/sync.ts';
import { systemRouter } from './routers/system.ts';

export const appRouter = router({
	system: systemRouter,
	shops: shopsRouter,
	sync: syncRouter,
	devices: devicesRouter,
	office: officeRouter,
	label: labelRouter,
	consignment: consignmentRouter
});

export type AppRouter = typeof appRouter;

/** `createCaller(createInnerContext(deps))`: call procedures in-process, as tests do. */
export const createCaller = createCallerFactory(appRouter);
