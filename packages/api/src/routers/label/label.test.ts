import type { LabelSignIn, LabelSignInResult } from '@deadwax/sync';
import { describe, expect, test } from 'vitest';
import { createInnerContext, type ResponseCookies, type Session } from '../../context.ts';
import { createCaller } from '../../router.ts';
import { fixedClock, memoryStores, recordingLabelStores } from '../../testing/index.ts';

const NOW = '2026-03-10T12:00:00.000Z';

const SIGN_IN: LabelSignIn = {
	token: 'the-cookie-token',
	session: {
		labelId: 'label-a',
		accountId: 'account-a',
		sessionId: 'hash-of-token',
		email: 'a@label.example',
		labelName: 'Label A',
		expiresAt: '2026-04-09T12:00:00.000Z'
	}
};

interface CookieCall {
	op: 'set' | 'clear';
	name: string;
	value?: string;
	options: unknown;
}

function setup(
	answers: Parameters<typeof recordingLabelStores>[0] = {},
	auth: Session = { kind: 'anonymous' }
) {
	const { stores: labels, calls } = recordingLabelStores(answers);
	const cookies: CookieCall[] = [];
	const jar: ResponseCookies = {
		set: (name, value, options) => cookies.push({ op: 'set', name, value, options }),
		clear: (name, options) => cookies.push({ op: 'clear', name, options })
	};
	const caller = createCaller(
		createInnerContext({
			stores: { ...memoryStores(), labels },
			config: { version: 'test', storeKind: 'sqlite' },
			clock: fixedClock(NOW),
			auth,
			cookies: jar,
			clientAddress: '192.0.2.7'
		})
	);
	return { caller, calls, cookies };
}

describe('label.account', () => {
	test('signing in sets the dw_label cookie, Lax, for the life of the session', async () => {
		const ok: LabelSignInResult = { ok: true, signIn: SIGN_IN };
		const { caller, calls, cookies } = setup({ 'accounts.signIn': () => ok });
		const me = await caller.label.account.signIn({ email: ' A@Label.example ', password: 'pw' });
		expect(me).toEqual({
			labelId: 'label-a',
			labelName: 'Label A',
			email: 'a@label.example',
			expiresAt: '2026-04-09T12:00:00.000Z'
		});
		expect(JSON.stringify(me)).not.toContain('the-cookie-token');
		expect(cookies).toEqual([
			{
				op: 'set',
				name: 'dw_label',
				value: 'the-cookie-token',
				options: { maxAgeSeconds: 30 * 24 * 3600, sameSite: 'Lax' }
			}
		]);
		expect(calls).toEqual([
			{
				method: 'accounts.signIn',
				input: { email: 'A@Label.example', password: 'pw', clientAddress: '192.0.2.7' }
			}
		]);
	});

	test('a wrong password is a clear BAD_REQUEST and sets no cookie', async () => {
		const wrong: LabelSignInResult = { ok: false, reason: 'wrong_credentials' };
		const { caller, cookies } = setup({ 'accounts.signIn': () => wrong });
		await expect(
			caller.label.account.signIn({ email: 'a@label.example', password: 'nope' })
		).rejects.toMatchObject({
			code: 'BAD_REQUEST',
			message: expect.stringContaining('Email or password is wrong') as unknown
		});
		expect(cookies).toEqual([]);
	});

	test('too many failures answer TOO_MANY_REQUESTS saying when to try again', async () => {
		const limited: LabelSignInResult = {
			ok: false,
			reason: 'rate_limited',
			retryAt: '2026-03-10T12:11:30.000Z',
			scope: 'email'
		};
		const { caller } = setup({ 'accounts.signIn': () => limited });
		await expect(
			caller.label.account.signIn({ email: 'a@label.example', password: 'right one' })
		).rejects.toMatchObject({
			code: 'TOO_MANY_REQUESTS',
			message: 'Too many failed sign-ins for this email; try again in 12 minutes (after 12:11 UTC)'
		});
	});

	test('an invite needs a password of at least 10 characters and signs in when accepted', async () => {
		const { caller, calls, cookies } = setup({ 'accounts.acceptInvite': () => SIGN_IN });
		const token = 'x'.repeat(43);
		await expect(
			caller.label.account.acceptInvite({ token, password: 'short' })
		).rejects.toMatchObject({
			code: 'BAD_REQUEST',
			message: 'password: password must be at least 10 characters'
		});
		expect(calls).toEqual([]);
		await caller.label.account.acceptInvite({ token, password: 'long enough pw' });
		expect(cookies.map((c) => [c.op, c.name])).toEqual([['set', 'dw_label']]);
	});

	test('a malformed email is refused naming the field', async () => {
		const { caller, calls } = setup();
		await expect(
			caller.label.account.signIn({ email: 'not an email', password: 'pw' })
		).rejects.toMatchObject({
			code: 'BAD_REQUEST',
			message: 'email: email must be an email address like name@label.example'
		});
		expect(calls).toEqual([]);
	});

	test('signing out ends the session it names and clears the cookie', async () => {
		const { caller, calls, cookies } = setup(
			{},
			{ kind: 'label', labelId: 'label-a', accountId: 'login-a', sessionId: 'hash-of-token' }
		);
		expect(await caller.label.account.signOut()).toEqual({ isSignedOut: true });
		expect(calls).toEqual([{ method: 'accounts.signOut', input: 'hash-of-token' }]);
		expect(cookies).toEqual([{ op: 'clear', name: 'dw_label', options: { sameSite: 'Lax' } }]);
	});

	test('signing out while signed out only clears the cookie', async () => {
		const { caller, calls, cookies } = setup();
		await caller.label.account.signOut();
		expect(calls).toEqual([]);
		expect(cookies.map((c) => c.op)).toEqual(['clear']);
	});
});

describe('label.portal', () => {
	const LABEL: Session = {
		kind: 'label',
		labelId: 'label-a',
		accountId: 'login-a',
		sessionId: 's'
	};

	test('a return request names no label: the session decides whose copies are asked for', async () => {
		const { caller, calls } = setup({}, LABEL);
		await caller.label.portal.requestReturn({
			shopId: 'shop-1',
			target: { kind: 'release', id: 'rel-1' },
			quantity: 2,
			note: '  '
		});
		expect(calls).toEqual([
			{
				method: 'portal.requestReturn',
				input: {
					labelId: 'label-a',
					accountId: 'login-a',
					shopId: 'shop-1',
					target: { kind: 'release', id: 'rel-1' },
					quantity: 2,
					note: null
				}
			}
		]);
	});

	test('a return request needs a whole number of copies', async () => {
		const { caller, calls } = setup({}, LABEL);
		await expect(
			caller.label.portal.requestReturn({
				shopId: 'shop-1',
				target: { kind: 'release', id: 'rel-1' },
				quantity: 1.5
			})
		).rejects.toMatchObject({ message: 'quantity: quantity must be a whole number' });
		expect(calls).toEqual([]);
	});

	test('the dashboard period must be two dates', async () => {
		const { caller } = setup({}, LABEL);
		await expect(
			caller.label.portal.dashboard({ from: 'March', to: '2026-03-31' })
		).rejects.toMatchObject({ message: 'from: from must be a date YYYY-MM-DD' });
	});
});

describe('consignment', () => {
	const MANAGER: Session = { kind: 'staff', shopId: 'shop-1', staffId: 'mgr', role: 'manager' };

	test('a payout is recorded for the shop of the session, whatever the input says', async () => {
		const { caller, calls } = setup({}, MANAGER);
		await caller.consignment.recordPayout({
			labelId: 'label-a',
			amountCents: 1500,
			method: 'bank_transfer',
			reference: 'INV 12',
			...({ shopId: 'another-shop' } as object)
		});
		expect(calls).toEqual([
			{
				method: 'shop.recordPayout',
				input: {
					actor: { shopId: 'shop-1', staffId: 'mgr', role: 'manager' },
					labelId: 'label-a',
					amountCents: 1500,
					businessDay: null,
					method: 'bank_transfer',
					reference: 'INV 12'
				}
			}
		]);
	});

	test('declining needs a note saying why', async () => {
		const { caller, calls } = setup({}, MANAGER);
		await expect(
			caller.consignment.declineReturn({ requestId: 'r1', note: ' ' })
		).rejects.toMatchObject({ message: 'note: note must say why the request is declined' });
		expect(calls).toEqual([]);
	});

	test('a clerk cannot invite a label', async () => {
		const { caller, calls } = setup({}, { ...MANAGER, role: 'clerk' });
		await expect(
			caller.consignment.invite({ labelId: 'label-a', email: 'a@label.example' })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect(calls).toEqual([]);
	});
});
