import { LABEL_COOKIE, type ResponseCookies, type Session } from '@deadwax/api';
import type { ServerStores } from '@deadwax/sync';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { serialize } from 'hono/utils/cookie';
import { isHttps } from './office-session.ts';

/** Session tokens are base64url; anything else in the cookie is not ours and is ignored. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The `dw_label` cookie's token, or null. */
export function labelTokenOf(request: Request): string | null {
	const header = request.headers.get('cookie') ?? '';
	for (const part of header.split(';')) {
		const [name, ...value] = part.trim().split('=');
		if (name === LABEL_COOKIE) {
			const token = value.join('=');
			return TOKEN.test(token) ? token : null;
		}
	}
	return null;
}

/**
 * The label session a request's `dw_label` cookie names, or null (no cookie, or a token that is
 * unknown or expired, or whose account is gone).
 */
export async function resolveLabelSession(
	request: Request,
	stores: ServerStores
): Promise<Session | null> {
	const token = labelTokenOf(request);
	if (token === null) return null;
	const session = await stores.labels.accounts.resolve(token);
	if (session === null) return null;
	return {
		kind: 'label',
		labelId: session.labelId,
		accountId: session.accountId,
		sessionId: session.sessionId
	};
}

/**
 * Cookies tRPC procedures set (label sign-in and sign-out), written into the response headers.
 * Every cookie is HttpOnly with Path=/, and Secure when the request came over https; procedures
 * choose only the name, value, lifetime and SameSite.
 */
export function responseCookies(resHeaders: Headers, request: Request): ResponseCookies {
	const secure = isHttps(request);
	return {
		set(name, value, { maxAgeSeconds, sameSite }) {
			resHeaders.append(
				'set-cookie',
				serialize(name, value, {
					path: '/',
					httpOnly: true,
					secure,
					sameSite,
					maxAge: maxAgeSeconds
				})
			);
		},
		clear(name, { sameSite }) {
			resHeaders.append(
				'set-cookie',
				serialize(name, '', { path: '/', httpOnly: true, secure, sameSite, maxAge: 0 })
			);
		}
	};
}

/**
 * The caller's address for sign-in rate limits: the TCP peer. Behind a reverse proxy every label
 * shares the proxy's address, so with `trustProxy` (TRUST_PROXY) the last X-Forwarded-For entry,
 * the one the proxy itself appended, is used instead; without it the header is ignored, as anyone
 * can send it. Null without a socket (app.request() in tests) and no trusted header.
 */
export function clientAddressOf(c: Context, trustProxy = false): string | null {
	if (trustProxy) {
		const forwarded = (c.req.header('x-forwarded-for') ?? '')
			.split(',')
			.map((a) => a.trim())
			.filter((a) => a !== '');
		const last = forwarded[forwarded.length - 1];
		if (last !== undefined) return last;
	}
	try {
		return getConnInfo(c).remote.address ?? null;
	} catch {
		// No Node socket behind this request (tests call app.request()): the address is unknown.
		return null;
	}
}
