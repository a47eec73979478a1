import type { AppRouter } from '@deadwax/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

/** The typed client for the shop server. Same origin: the server serves this app and /trpc. */
export const api = createTRPCClient<AppRouter>({
	links: [httpBatchLink({ url: '/trpc' })]
});

export type SystemInfo = Awaited<ReturnType<typeof api.system.info.query>>;
