import { isDomainError } from '@deadwax/core';
import type { Session } from '@deadwax/api';
import type { ServerStores } from '@deadwax/sync';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';

/** The office session cookie: HttpOnly, SameSite=Strict, Secure on https. */
export const OFFICE_COOKIE = 'dw_office';

/** True when the browser reached us over https, directly or through a TLS-terminating proxy. */
export function isHttps(request: Request): boolean {
	return (
		new URL(request.url).protocol === 'https:' ||
		request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
	);
}

/** The `dw_office` cookie's token, or null. */
export function officeTokenOf(request: Request): string | null {
	const header = request.headers.get('cookie') ?? '';
	for (const part of header.split(';')) {
		const [name, ...value] = part.trim().split('=');
		if (name === OFFICE_COOKIE) return decodeURIComponent(value.join('='));
	}
	return null;
}

/**
 * The staff session a request's `dw_office` cookie names, or null (no cookie, or a token that is
 * unknown, expired, revoked, or whose manager was switched off or demoted).
 */
export async function resolveOfficeSession(
	request: Request,
	stores: ServerStores
): Promise<Session | null> {
	const token = officeTokenOf(request);
	if (token === null) return null;
	const session = await stores.office.auth.resolve(token);
	if (session === null) return null;
	return { kind: 'staff', shopId: session.shopId, staffId: session.staffId, role: session.role };
}

const signInSchema = z.object({
	shopId: z
		.string({ error: 'shopId must be text' })
		.min(1, { error: 'shopId must not be empty' })
		.max(64),
	staffId: z
		.string({ error: 'staffId must be text' })
		.min(1, { error: 'choose who is signing in' })
		.max(64),
	pin: z
		.string({ error: 'pin must be text' })
		.regex(/^\d{4,8}$/, { error: 'PIN must be 4 to 8 digits' })
});

const STATUS = { invalid_input: 401, manager_required: 403, not_found: 404 } as const;

function cookieOptions(c: Context) {
	return { path: '/', httpOnly: true, sameSite: 'Strict' as const, secure: isHttps(c.req.raw) };
}

/**
 * POST /sign-in `{ shopId, staffId, pin }` → sets the `dw_office` cookie and answers the session;
 * POST /sign-out → ends it. JSON bodies only, so a cross-site form can never post here.
 */
export function officeAuthRoutes(stores: ServerStores): Hono {
	const routes = new Hono();

	routes.post('/sign-in', async (c) => {
		c.header('Cache-Control', 'no-store');
		if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
			return c.json({ error: 'send the sign-in as JSON' }, 415);
		}
		const parsed = signInSchema.safeParse(await c.req.json().catch(() => null));
		if (!parsed.success) {
			return c.json({ error: parsed.error.issues.map((i) => i.message).join('; ') }, 400);
		}
		try {
			const { token, session } = await stores.office.auth.signIn(parsed.data);
			setCookie(c, OFFICE_COOKIE, token, {
				...cookieOptions(c),
				expires: new Date(session.expiresAt)
			});
			return c.json({ session });
		} catch (error) {
			if (isDomainError(error) && error.code in STATUS) {
				return c.json({ error: error.message }, STATUS[error.code as keyof typeof STATUS]);
			}
			throw error;
		}
	});

	routes.post('/sign-out', async (c) => {
		c.header('Cache-Control', 'no-store');
		const token = getCookie(c, OFFICE_COOKIE);
		if (token !== undefined) await stores.office.auth.signOut(token);
		deleteCookie(c, OFFICE_COOKIE, cookieOptions(c));
		return c.json({ isSignedOut: true });
	});

	return routes;
}
