import { ANONYMOUS, type Session } from '@deadwax/api';
import type { ServerStores } from '@deadwax/sync';
import { resolveLabelSession } from './label-session.ts';
import { resolveOfficeSession } from './office-session.ts';

/**
 * Who is calling, from the request: a device's bearer token is resolved inside the sync
 * procedures (ctx.bearerToken); then the `dw_office` cookie; then the `dw_label` cookie. The first
 * resolver that recognises the request wins; nobody is anonymous.
 */
export function sessionResolver(stores: ServerStores): (request: Request) => Promise<Session> {
	const resolvers: ((request: Request) => Promise<Session | null>)[] = [
		(request) => resolveOfficeSession(request, stores),
		(request) => resolveLabelSession(request, stores)
	];
	return async (request) => {
		for (const resolve of resolvers) {
			const session = await resolve(request);
			if (session !== null) return session;
		}
		return ANONYMOUS;
	};
}
