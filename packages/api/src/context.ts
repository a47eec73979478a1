import type { Clock, ServerStores, StoreKind } from '@deadwax/sync';

/** Who is calling. Resolved by the server per request; procedures never trust an id the client sends. */
export type Session =
	| { kind: 'anonymous' }
	| { kind: 'staff'; shopId: string; staffId: string; role: 'clerk' | 'manager' | 'owner' }
	| { kind: 'device'; shopId: string; deviceId: string }
	| {
			kind: 'label';
			labelId: string;
			/** The signed-in login: it sees only the shops that linked it. */
			accountId: string;
			/** The session's id (its token's hash), so sign-out can end it. */
			sessionId?: string;
	  };

export const ANONYMOUS: Session = { kind: 'anonymous' };

/**
 * Cookies a procedure sets on its response (sign-in, sign-out). The server decides the rest of
 * each cookie: always HttpOnly and Path=/, Secure when the request came over https.
 */
export interface ResponseCookies {
	set(
		name: string,
		value: string,
		options: { maxAgeSeconds: number; sameSite: 'Strict' | 'Lax' }
	): void;
	clear(name: string, options: { sameSite: 'Strict' | 'Lax' }): void;
}

/** For callers without a response (tests, scripts): cookies go nowhere. */
export const NO_COOKIES: ResponseCookies = { set: () => undefined, clear: () => undefined };

export interface ServerInfo {
	/** The running build, from the server's package.json. */
	version: string;
	storeKind: StoreKind;
	/** Where labels reach the server (links in invites); null: the browser's own address. */
	publicUrl?: string | null;
}

/** Everything a procedure may use. The server builds one per request; tests build one directly. */
export interface ContextDeps {
	stores: ServerStores;
	config: ServerInfo;
	clock: Clock;
	auth: Session;
	/** The request's `Authorization: Bearer` token, if any; sync procedures resolve it to a device. */
	bearerToken?: string | null;
	/** Sets cookies on the response; absent outside HTTP. */
	cookies?: ResponseCookies;
	/** The client's network address, for rate limits; null when unknown. */
	clientAddress?: string | null;
}

export type Context = Readonly<ContextDeps>;

/** The context without any HTTP: what `createCaller` gets in tests and what the fetch adapter wraps. */
export function createInnerContext(deps: ContextDeps): Context {
	return {
		stores: deps.stores,
		config: deps.config,
		clock: deps.clock,
		auth: deps.auth,
		bearerToken: deps.bearerToken ?? null,
		cookies: deps.cookies ?? NO_COOKIES,
		clientAddress: deps.clientAddress ?? null
	};
}
