import { appRouter } from '@deadwax/api';
import { createStores, type Database } from '@deadwax/db';
import { forEachStore, seedLabelWorld, type LabelWorld } from '@deadwax/db/testing';
import { saleOp, saleRecord } from '@deadwax/sync/testing';
import { expect, test } from 'vitest';
import { createApp } from '../app.ts';

/*
 * The label portal over real HTTP and a real store: the cookie's attributes, sign-in, sign-out and
 * its rate limit, and a walk of every label procedure by another label holding this label's ids.
 */

const NOW = '2026-03-10T12:00:00.000Z';
const PASSWORD = 'a long enough password';

function app(database: Database) {
	return createApp({
		stores: createStores(database, { now: () => new Date().toISOString() }),
		info: { version: '9.9.9', storeKind: database.kind },
		clock: { now: () => new Date() },
		webRoot: '/nonexistent/web/build'
	});
}

type App = ReturnType<typeof app>;

function mutate(a: App, path: string, input: unknown, cookie = '', base = 'http://shop.local') {
	return a.request(`${base}/trpc/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify(input)
	});
}

function query(a: App, path: string, input: unknown, cookie: string) {
	const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
	return a.request(`http://shop.local/trpc/${path}${qs}`, { headers: { cookie } });
}

/**
 * A login for `labelId` made through a real invite from shop A, signed in, and linked by shop B
 * too when `linkB` (B's link invite accepted with the same password): returns the last
 * `dw_label=…` cookie.
 */
async function signedIn(
	a: App,
	database: Database,
	w: LabelWorld,
	labelId: string,
	email: string,
	{ base = 'http://shop.local', linkB = labelId === w.labelId } = {}
) {
	const accounts = createStores(database).labels.accounts;
	const invite = await accounts.createInvite({
		actor: { shopId: w.shopA, staffId: w.managerA },
		labelId,
		email
	});
	let response = await mutate(
		a,
		'label.account.acceptInvite',
		{ token: invite.token, password: PASSWORD },
		'',
		base
	);
	expect(response.status).toBe(200);
	if (linkB) {
		const link = await accounts.createInvite({
			actor: { shopId: w.shopB, staffId: w.managerB },
			labelId,
			email
		});
		expect(link.kind).toBe('link');
		response = await mutate(
			a,
			'label.account.acceptLink',
			{ token: link.token, password: PASSWORD },
			'',
			base
		);
		expect(response.status).toBe(200);
	}
	const setCookie = response.headers.get('set-cookie') ?? '';
	return { setCookie, cookie: setCookie.split(';')[0]! };
}

async function sellOneAtB(database: Database, w: LabelWorld) {
	const sync = createStores(database, { now: () => NOW }).sync;
	const sale = saleRecord(
		[{ itemId: w.itemB, quantity: 1, unitPriceCents: 2000, labelId: w.labelId }],
		{
			completedAt: '2026-03-03T15:00:00.000Z'
		}
	);
	const result = await sync.push({
		shopId: w.shopB,
		deviceId: 'tablet-b',
		ops: [
			saleOp({
				...sale,
				currency: 'GBP',
				lines: sale.lines.map((l) => ({ ...l, releaseId: w.releaseB }))
			})
		]
	});
	expect(result.results[0]?.status).toBe('applied');
}

forEachStore('label sessions over HTTP', (store) => {
	test('an invite sets an HttpOnly SameSite=Lax cookie that opens the portal; sign-out ends it', async () => {
		const { database } = store();
		const w = await seedLabelWorld(database.db, 'http');
		const a = app(database);
		const { setCookie, cookie } = await signedIn(a, database, w, w.labelId, 'owner@http.example', {
			linkB: false
		});
		expect(setCookie).toMatch(
			/^dw_label=[\w-]{40,}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/
		);

		const overview = await query(a, 'label.portal.overview', undefined, cookie);
		expect(overview.status).toBe(200);
		expect(await overview.json()).toMatchObject({
			result: { data: { labelId: w.labelId, shops: [{ id: w.shopA }] } }
		});

		const out = await mutate(a, 'label.account.signOut', undefined, cookie);
		expect(out.headers.get('set-cookie')).toMatch(
			/^dw_label=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/
		);
		const after = await query(a, 'label.portal.overview', undefined, cookie);
		expect(after.status).toBe(401);
		expect(await after.json()).toMatchObject({
			error: { message: 'Sign in to the label portal first' }
		});
	});

	test('a link invite from another shop needs the label’s own password; then one login sees both shops', async () => {
		const { database } = store();
		const w = await seedLabelWorld(database.db, 'linkhttp');
		const a = app(database);
		await signedIn(a, database, w, w.labelId, 'owner@linkhttp.example', { linkB: false });
		const link = await createStores(database).labels.accounts.createInvite({
			actor: { shopId: w.shopB, staffId: w.managerB },
			labelId: w.labelId,
			email: 'owner@linkhttp.example'
		});
		const asPassword = await mutate(a, 'label.account.acceptInvite', {
			token: link.token,
			password: 'shop b picks a new one'
		});
		expect(asPassword.status).toBe(409);
		expect(asPassword.headers.get('set-cookie')).toBeNull();
		const wrong = await mutate(a, 'label.account.acceptLink', {
			token: link.token,
			password: 'shop b guesses this'
		});
		expect(wrong.status).toBe(400);
		expect(wrong.headers.get('set-cookie')).toBeNull();
		expect(await wrong.json()).toMatchObject({
			error: { message: expect.stringMatching(/^The password is wrong\./) as unknown }
		});
		const right = await mutate(a, 'label.account.acceptLink', {
			token: link.token,
			password: PASSWORD
		});
		expect(right.status).toBe(200);
		const cookie = (right.headers.get('set-cookie') ?? '').split(';')[0]!;
		const overview = await query(a, 'label.portal.overview', undefined, cookie);
		expect(await overview.json()).toMatchObject({
			result: { data: { shops: [{ id: w.shopA }, { id: w.shopB }] } }
		});
	});

	test('the cookie is Secure when the request came over https', async () => {
		const { database } = store();
		const w = await seedLabelWorld(database.db, 'https');
		const { setCookie } = await signedIn(app(database), database, w, w.labelId, 'x@https.example', {
			base: 'https://shop.local'
		});
		expect(setCookie).toContain('; Secure');
	});

	test('the sixth wrong password in 15 minutes answers 429 and says when to retry', async () => {
		const { database } = store();
		const w = await seedLabelWorld(database.db, 'limit');
		const a = app(database);
		await signedIn(a, database, w, w.labelId, 'limit@limit.example');
		const attempt = (password: string) =>
			mutate(a, 'label.account.signIn', { email: 'limit@limit.example', password });
		for (let i = 0; i < 5; i++) {
			const wrong = await attempt('not the password');
			expect(wrong.status).toBe(400);
			expect(wrong.headers.get('set-cookie')).toBeNull();
		}
		const limited = await attempt(PASSWORD);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('set-cookie')).toBeNull();
		expect(await limited.json()).toMatchObject({
			error: {
				message: expect.stringMatching(
					/^Too many failed sign-ins for this email; try again in 1[45] minutes/
				) as unknown
			}
		});
	});

	test('a made-up or malformed cookie is nobody', async () => {
		const { database } = store();
		await seedLabelWorld(database.db, 'forged');
		const a = app(database);
		for (const cookie of [
			'dw_label=made-up-token-that-is-long-enough-to-look-real',
			'dw_label=<script>',
			'dw_label='
		]) {
			const response = await query(a, 'label.portal.overview', undefined, cookie);
			expect(response.status).toBe(401);
		}
	});

	test('another label walking every label procedure with this label’s ids reads nothing of it', async () => {
		const { database } = store();
		const w = await seedLabelWorld(database.db, 'walk');
		await sellOneAtB(database, w);
		const a = app(database);
		const victim = await signedIn(a, database, w, w.labelId, 'victim@walk.example');
		const request = await mutate(
			a,
			'label.portal.requestReturn',
			{
				shopId: w.shopB,
				target: { kind: 'release', id: w.releaseB },
				quantity: 1,
				note: 'secret note'
			},
			victim.cookie
		);
		const requestId = ((await request.json()) as { result: { data: { id: string } } }).result.data
			.id;
		const intruder = await signedIn(a, database, w, w.otherLabelId, 'intruder@walk.example');

		// Inputs naming the victim's shop, release, item and request: one per label procedure.
		const guesses: Record<string, unknown> = {
			'label.portal.overview': undefined,
			'label.portal.dashboard': { from: '2026-03-01', to: '2026-03-31', labelId: w.labelId },
			'label.portal.statementPeriods': undefined,
			'label.portal.statement': { shopId: w.shopB, from: '2026-03-01', to: '2026-03-31' },
			'label.portal.payouts': undefined,
			'label.portal.returnRequests': undefined,
			'label.portal.requestReturn': {
				shopId: w.shopB,
				target: { kind: 'release', id: w.releaseB },
				quantity: 1,
				labelId: w.labelId
			},
			'label.portal.cancelReturn': { requestId }
		};
		const procedures = appRouter._def.procedures as unknown as Record<
			string,
			{ _def: { type: string } }
		>;
		const labelPaths = Object.keys(procedures).filter((p) => p.startsWith('label.portal.'));
		expect(labelPaths.filter((p) => !(p in guesses))).toEqual([]);

		const secrets = [
			w.shopB,
			w.releaseB,
			w.itemB,
			requestId,
			'secret note',
			'walk London',
			"Knockin' Boots"
		];
		for (const path of labelPaths) {
			const input = guesses[path];
			const response =
				procedures[path]?._def.type === 'query'
					? await query(a, path, input, intruder.cookie)
					: await mutate(a, path, input, intruder.cookie);
			const body = await response.text();
			for (const secret of secrets) {
				expect({ path, leaked: body.includes(secret) ? secret : null }).toEqual({
					path,
					leaked: null
				});
			}
			if (
				[
					'label.portal.statement',
					'label.portal.requestReturn',
					'label.portal.cancelReturn'
				].includes(path)
			) {
				expect({ path, status: response.status }).toEqual({ path, status: 404 });
			} else {
				expect({ path, status: response.status }).toEqual({ path, status: 200 });
			}
		}
		// The victim's request is untouched.
		const mine = await query(a, 'label.portal.returnRequests', undefined, victim.cookie);
		expect(await mine.json()).toMatchObject({
			result: { data: [{ id: requestId, status: 'requested' }] }
		});
	});
});
