import type { ServerStores } from '@deadwax/sync';
import { TRPCError } from '@trpc/server';
import { describe, expect, test } from 'vitest';
import { createInnerContext, type Session } from './context.ts';
import { appRouter, createCaller } from './router.ts';
import { fixedClock } from './testing/index.ts';

/*
 * Walks every procedure of appRouter (read from the router itself, so a procedure added later is
 * covered without touching this file) and proves two things about a label session:
 * 1. it can call none of the office, register or device procedures, and reaches no store trying;
 * 2. every label procedure passes the session's label and login to the store, whatever ids the
 *    input holds.
 * The stores themselves answer a guessed id of another label like a missing row:
 * packages/db/src/labels/labels.int.test.ts and apps/server/src/auth/label-session.int.test.ts.
 */

const LABEL: Session = {
	kind: 'label',
	labelId: 'label-a',
	accountId: 'login-of-a',
	sessionId: 'session-of-a'
};
const OTHER_LABEL = 'label-b';
const OTHER_LOGIN = 'login-of-b';

/**
 * Procedures anyone may call, signed in or not, each with why that is safe. A label session gains
 * nothing here that an anonymous visitor does not have.
 */
const OPEN_TO_ANYONE: Record<string, string> = {
	'system.info': 'version, store kind and server time: public by design',
	'shops.byId': "a shop's public settings (name, currency, zone)",
	'devices.pair': 'needs a one-time pairing code from a manager, not a session',
	'office.session.me': 'answers null for anyone but office staff',
	'office.session.choices': 'the office sign-in screen (names of managers), before any session',
	'office.session.shops': 'the office sign-in screen (shop names), before any session',
	'label.account.me': "the signed-in label's own name, or null",
	'label.account.checkInvite': 'needs an invite token, not a session',
	'label.account.acceptInvite': 'needs an invite token, not a session',
	'label.account.acceptLink': 'needs an invite token and the login’s own password, not a session',
	'label.account.signIn': 'needs an email and password, not a session',
	'label.account.signOut': "ends the caller's own session only"
};

/** Inputs full of guessed ids of another label and its shops. */
const GUESSED_IDS = {
	labelId: OTHER_LABEL,
	accountId: OTHER_LOGIN,
	shopId: 'shop-of-b',
	requestId: 'request-of-b',
	inviteId: 'invite-of-b',
	itemId: 'item-of-b',
	releaseId: 'release-of-b',
	deviceId: 'device-of-b',
	id: 'anything-of-b',
	from: '2026-03-01',
	to: '2026-03-31',
	target: { kind: 'release', id: 'release-of-b' },
	quantity: 1,
	note: 'mine now',
	token: 'a'.repeat(43),
	email: 'b@label.example',
	password: 'a password of b'
};

interface StoreCall {
	method: string;
	args: unknown[];
}

/** Every port of ServerStores, recording each call and answering undefined. */
function recordingStores(): { stores: ServerStores; calls: StoreCall[] } {
	const calls: StoreCall[] = [];
	const node = (path: string): unknown =>
		new Proxy(() => undefined, {
			get: (_target, key) =>
				typeof key !== 'string' || key === 'then'
					? undefined
					: node(path === '' ? key : `${path}.${key}`),
			apply: (_target, _this, args: unknown[]) => {
				calls.push({ method: path, args });
				return Promise.resolve(undefined);
			}
		});
	return { stores: node('') as ServerStores, calls };
}

function call(
	session: Session,
	stores: ServerStores,
	path: string,
	input: unknown
): Promise<unknown> {
	const caller = createCaller(
		createInnerContext({
			stores,
			config: { version: 'test', storeKind: 'sqlite' },
			clock: fixedClock(),
			auth: session,
			// A label's browser has no device token; a stolen one is the device's problem, not this test's.
			bearerToken: null
		})
	);
	const fn = path
		.split('.')
		.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
	return (fn as (input: unknown) => Promise<unknown>)(input);
}

async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
	}
	return 'resolved';
}

const paths = Object.keys(appRouter._def.procedures).sort();
const labelPaths = paths.filter((p) => p.startsWith('label.portal.'));
const guardedPaths = paths.filter((p) => !p.startsWith('label.') && !(p in OPEN_TO_ANYONE));

test('the walk sees the whole router, and every open procedure is still there', () => {
	expect(paths.length).toBeGreaterThan(40);
	expect(paths).toEqual(expect.arrayContaining(Object.keys(OPEN_TO_ANYONE)));
	expect(labelPaths.length).toBeGreaterThanOrEqual(8);
	// Office, consignment, sync and device procedures are all in the guarded set.
	for (const prefix of ['office.', 'consignment.', 'sync.', 'devices.']) {
		expect(guardedPaths.some((p) => p.startsWith(prefix))).toBe(true);
	}
	// Every label.* procedure is either in the portal (needs a label) or an open account one.
	expect(paths.filter((p) => p.startsWith('label.') && !labelPaths.includes(p))).toEqual(
		paths.filter((p) => p.startsWith('label.account.'))
	);
	expect(
		paths.filter((p) => p.startsWith('label.account.')).every((p) => p in OPEN_TO_ANYONE)
	).toBe(true);
});

describe('a label session is refused by every office, register and device procedure', () => {
	for (const path of guardedPaths) {
		test(path, async () => {
			const { stores, calls } = recordingStores();
			const codes: string[] = [];
			for (const input of [undefined, {}, GUESSED_IDS]) {
				codes.push(await errorCodeOf(call(LABEL, stores, path, input)));
			}
			// A procedure that checks its input before the session may answer BAD_REQUEST to a
			// malformed one; the well-formed guess must still be refused for who is calling.
			expect(codes.every((c) => ['FORBIDDEN', 'UNAUTHORIZED', 'BAD_REQUEST'].includes(c))).toBe(
				true
			);
			expect(['FORBIDDEN', 'UNAUTHORIZED']).toContain(codes[2]);
			expect(calls).toEqual([]);
		});
	}
});

describe('every label procedure is scoped by the session, never by an id in the input', () => {
	for (const path of labelPaths) {
		test(path, async () => {
			const { stores, calls } = recordingStores();
			await call(LABEL, stores, path, GUESSED_IDS);
			expect(calls.length).toBeGreaterThan(0);
			for (const { method, args } of calls) {
				expect(method.startsWith('labels.portal.')).toBe(true);
				const sent = JSON.stringify(args);
				expect(sent).toContain('"label-a"');
				expect(sent).toContain('"login-of-a"');
				expect(sent).not.toContain(OTHER_LABEL);
				expect(sent).not.toContain(OTHER_LOGIN);
			}
		});

		test(`${path} refuses anyone who is not a signed-in label`, async () => {
			const { stores, calls } = recordingStores();
			for (const session of [
				{ kind: 'anonymous' },
				{ kind: 'staff', shopId: 'shop-of-b', staffId: 'owner', role: 'owner' },
				{ kind: 'device', shopId: 'shop-of-b', deviceId: 'tablet' }
			] satisfies Session[]) {
				expect(await errorCodeOf(call(session, stores, path, GUESSED_IDS))).toBe('UNAUTHORIZED');
			}
			expect(calls).toEqual([]);
		});
	}
});
