import { saleOp, saleRecord, returnOp, returnRecord } from '@deadwax/sync/testing';
import type { SaleRecord } from '@deadwax/core';
import type { Kysely } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { Schema } from '../schema.ts';
import { createSyncStore } from '../sync/index.ts';
import { forEachStore } from '../testing/index.ts';
import { seedLabelLogin, seedLabelWorld, type LabelWorld } from './fixtures.ts';
import { createLabelStores } from './index.ts';

const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1 };
const PASSWORD = 'correct horse battery';

function clock(start = '2026-03-10T12:00:00.000Z') {
	let at = start;
	return {
		now: () => at,
		set(next: string) {
			at = next;
		}
	};
}

function labelStores(db: Kysely<Schema>, now: () => string) {
	return createLabelStores({ db, now, scryptCost: CHEAP_SCRYPT });
}

function withRelease(
	record: SaleRecord,
	releaseId: string,
	currency = record.currency
): SaleRecord {
	return { ...record, currency, lines: record.lines.map((l) => ({ ...l, releaseId })) };
}

/**
 * Sales through the real sync store: 2 of the label's copies at A (one later returned), 1 at B,
 * and 1 of the other label's copies at A. Shares are half the line (the fixture's rule).
 */
async function sellSome(db: Kysely<Schema>, w: LabelWorld) {
	const sync = createSyncStore({ db, now: () => '2026-03-06T10:00:00.000Z' });
	const atA = withRelease(
		saleRecord([{ itemId: w.itemA, quantity: 2, unitPriceCents: 2000, labelId: w.labelId }], {
			completedAt: '2026-03-02T11:00:00.000Z',
			receiptNo: 'A1-000001'
		}),
		w.releaseA
	);
	const other = withRelease(
		saleRecord(
			[{ itemId: w.otherItem, quantity: 1, unitPriceCents: 2000, labelId: w.otherLabelId }],
			{ completedAt: '2026-03-02T12:00:00.000Z', receiptNo: 'A1-000002' }
		),
		w.otherRelease
	);
	const atB = withRelease(
		saleRecord([{ itemId: w.itemB, quantity: 1, unitPriceCents: 2000, labelId: w.labelId }], {
			completedAt: '2026-03-03T15:00:00.000Z',
			receiptNo: 'B1-000001'
		}),
		w.releaseB,
		'GBP'
	);
	const back = returnRecord(atA, [{ lineIndex: 0, quantity: 1 }], {
		completedAt: '2026-03-05T10:00:00.000Z'
	});
	const pushedA = await sync.push({
		shopId: w.shopA,
		deviceId: 'tablet-a',
		ops: [
			saleOp(atA, { deviceId: 'tablet-a', deviceSeq: 1 }),
			saleOp(other, { deviceId: 'tablet-a', deviceSeq: 2 }),
			returnOp(back, { deviceId: 'tablet-a', deviceSeq: 3 })
		]
	});
	const pushedB = await sync.push({
		shopId: w.shopB,
		deviceId: 'tablet-b',
		ops: [saleOp(atB, { deviceId: 'tablet-b', deviceSeq: 1 })]
	});
	for (const r of [...pushedA.results, ...pushedB.results]) expect(r.status).toBe('applied');
	return { atA, atB, other, back };
}

forEachStore('label accounts', (store) => {
	test('an invite link sets the password once, opens a session, and cannot be used again', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'inv');
		const time = clock();
		const { accounts } = labelStores(db, time.now);
		const invite = await accounts.createInvite({
			actor: { shopId: w.shopA, staffId: w.managerA },
			labelId: w.labelId,
			email: '  Owner@Svek.example '
		});
		expect(invite).toMatchObject({ email: 'owner@svek.example', kind: 'new' });
		expect(invite.expiresAt).toBe('2026-03-17T12:00:00.000Z');
		expect(await accounts.previewInvite(invite.token)).toEqual({
			labelName: 'inv Svek',
			email: 'owner@svek.example',
			shopName: 'inv Berlin',
			expiresAt: invite.expiresAt,
			kind: 'new'
		});

		const signIn = await accounts.acceptInvite({ token: invite.token, password: PASSWORD });
		expect(signIn.session).toMatchObject({ labelId: w.labelId, email: 'owner@svek.example' });
		expect(await accounts.resolve(signIn.token)).toMatchObject({
			labelId: w.labelId,
			sessionId: signIn.session.sessionId
		});
		await expect(
			accounts.acceptInvite({ token: invite.token, password: PASSWORD })
		).rejects.toThrow('This invite link is unknown, already used, withdrawn or expired');
		expect(await accounts.previewInvite(invite.token)).toBeNull();

		const stored = await db
			.selectFrom('label_accounts')
			.select('password_hash')
			.where('email', '=', 'owner@svek.example')
			.executeTakeFirstOrThrow();
		expect(stored.password_hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(stored.password_hash).not.toContain(PASSWORD);
		const tokens = await db.selectFrom('label_sessions').select('id').execute();
		expect(tokens.map((t) => t.id)).not.toContain(signIn.token);
	});

	test('an expired or withdrawn invite does nothing', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'exp');
		const time = clock();
		const { accounts } = labelStores(db, time.now);
		const actor = { shopId: w.shopA, staffId: w.managerA };
		const expiring = await accounts.createInvite({
			actor,
			labelId: w.labelId,
			email: 'a@exp.example'
		});
		const withdrawn = await accounts.createInvite({
			actor,
			labelId: w.labelId,
			email: 'b@exp.example'
		});
		await accounts.revokeInvite({ actor, inviteId: withdrawn.inviteId });
		time.set('2026-03-17T12:00:00.001Z');
		for (const invite of [expiring, withdrawn]) {
			await expect(
				accounts.acceptInvite({ token: invite.token, password: PASSWORD })
			).rejects.toMatchObject({ code: 'not_found' });
		}
		expect(
			await db
				.selectFrom('label_accounts')
				.select('id')
				.where('email', 'like', '%@exp.example')
				.execute()
		).toEqual([]);
		await expect(
			accounts.revokeInvite({
				actor: { shopId: w.shopB, staffId: w.managerB },
				inviteId: expiring.inviteId
			})
		).rejects.toMatchObject({ code: 'not_found' });
	});

	test('a shop invites only labels it carries, and one email signs in for one label', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'carry');
		const { accounts } = labelStores(db, clock().now);
		await expect(
			accounts.createInvite({
				actor: { shopId: w.shopB, staffId: w.managerB },
				labelId: w.otherLabelId,
				email: 'x@carry.example'
			})
		).rejects.toMatchObject({ code: 'not_found' });
		const first = await accounts.createInvite({
			actor: { shopId: w.shopA, staffId: w.managerA },
			labelId: w.labelId,
			email: 'shared@carry.example'
		});
		await accounts.acceptInvite({ token: first.token, password: PASSWORD });
		await expect(
			accounts.createInvite({
				actor: { shopId: w.shopA, staffId: w.managerA },
				labelId: w.otherLabelId,
				email: 'SHARED@carry.example'
			})
		).rejects.toThrow('shared@carry.example already signs in for another label');
	});

	test('a reset is a new invite: the new password works, the old one and every session stop', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'reset');
		const time = clock();
		const { accounts } = labelStores(db, time.now);
		const actor = { shopId: w.shopB, staffId: w.managerB };
		const invite = await accounts.createInvite({
			actor,
			labelId: w.labelId,
			email: 'r@reset.example'
		});
		const before = await accounts.acceptInvite({ token: invite.token, password: PASSWORD });
		time.set('2026-03-11T12:00:00.000Z');
		const reset = await accounts.createInvite({
			actor,
			labelId: w.labelId,
			email: 'r@reset.example'
		});
		expect(reset.kind).toBe('reset');
		expect((await accounts.previewInvite(reset.token))?.kind).toBe('reset');
		await accounts.acceptInvite({ token: reset.token, password: 'a brand new password' });
		expect(await accounts.resolve(before.token)).toBeNull();
		const old = await accounts.signIn({
			email: 'r@reset.example',
			password: PASSWORD,
			clientAddress: '10.0.0.1'
		});
		expect(old).toEqual({ ok: false, reason: 'wrong_credentials' });
		const fresh = await accounts.signIn({
			email: 'R@reset.example',
			password: 'a brand new password',
			clientAddress: '10.0.0.1'
		});
		expect(fresh.ok).toBe(true);
		const listed = await accounts.listInvites(w.shopB);
		expect(listed.map((i) => [i.kind, i.usedAt !== null])).toEqual([
			['reset', true],
			['new', true]
		]);
	});

	test('only the shop that made a login resets it; another shop links itself with the label’s own password', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'link');
		await sellSome(db, w);
		const { accounts, portal, shop } = labelStores(db, clock().now);
		const shopA = { shopId: w.shopA, staffId: w.managerA };
		const shopB = { shopId: w.shopB, staffId: w.managerB };
		const made = await accounts.createInvite({
			actor: shopA,
			labelId: w.labelId,
			email: 'owner@link.example'
		});
		const owner = (await accounts.acceptInvite({ token: made.token, password: PASSWORD })).session;
		const ownerView = { labelId: owner.labelId, accountId: owner.accountId };
		expect((await portal.overview(ownerView)).shops.map((s) => s.id)).toEqual([w.shopA]);

		// Shop B cannot reset a login it did not make: its invite only offers to link shop B.
		const link = await accounts.createInvite({
			actor: shopB,
			labelId: w.labelId,
			email: 'owner@link.example'
		});
		expect(link.kind).toBe('link');
		expect((await accounts.previewInvite(link.token))?.kind).toBe('link');
		await expect(
			accounts.acceptInvite({ token: link.token, password: 'shop b chose this one' })
		).rejects.toThrow(
			'This link adds link London to it: enter the password you already sign in with'
		);
		const guessed = await accounts.acceptLink({
			token: link.token,
			password: 'shop b chose this one',
			clientAddress: '10.9.9.9'
		});
		expect(guessed).toEqual({ ok: false, reason: 'wrong_credentials' });
		expect(await accounts.previewInvite(link.token)).not.toBeNull();
		expect((await portal.overview(ownerView)).shops.map((s) => s.id)).toEqual([w.shopA]);

		const linked = await accounts.acceptLink({
			token: link.token,
			password: PASSWORD,
			clientAddress: '10.0.0.2'
		});
		if (!linked.ok) throw new Error('expected the label’s own password to link shop B');
		expect(linked.signIn.session.accountId).toBe(owner.accountId);
		expect((await portal.overview(ownerView)).shops.map((s) => s.id)).toEqual([w.shopA, w.shopB]);
		expect(await accounts.previewInvite(link.token)).toBeNull();
		// The password did not change, and sessions from before still work.
		expect(await accounts.resolve(linked.signIn.token)).not.toBeNull();
		expect(
			(
				await accounts.signIn({
					email: 'owner@link.example',
					password: PASSWORD,
					clientAddress: '10.0.0.2'
				})
			).ok
		).toBe(true);

		// Shop B lists the login among those it vouches for; shop A's list is its own business.
		const atB = (await shop.labels(w.shopB)).find((l) => l.labelId === w.labelId);
		expect(atB?.accounts.map((a) => a.email)).toEqual(['owner@link.example']);

		// Once linked, shop B still cannot make a reset link; shop A can.
		await expect(
			accounts.createInvite({ actor: shopB, labelId: w.labelId, email: 'owner@link.example' })
		).rejects.toThrow(
			"owner@link.example already sees this shop's figures. Only link Berlin can reset its password"
		);
		expect(
			(
				await accounts.createInvite({
					actor: shopA,
					labelId: w.labelId,
					email: 'owner@link.example'
				})
			).kind
		).toBe('reset');

		// Shop B can stop sharing with the login again; shop A's link stays.
		await shop.removeLogin({ actor: shopB, accountId: owner.accountId });
		expect((await portal.overview(ownerView)).shops.map((s) => s.id)).toEqual([w.shopA]);
		await expect(
			shop.removeLogin({ actor: shopB, accountId: owner.accountId })
		).rejects.toMatchObject({ code: 'not_found' });

		// A login shop B makes for another email sees shop B only, not what the label sells at A.
		const own = await accounts.createInvite({
			actor: shopB,
			labelId: w.labelId,
			email: 'someone@shop-b.example'
		});
		expect(own.kind).toBe('new');
		const other = (await accounts.acceptInvite({ token: own.token, password: PASSWORD })).session;
		const otherView = { labelId: other.labelId, accountId: other.accountId };
		const dashboard = await portal.dashboard({
			...otherView,
			from: '2026-03-01',
			to: '2026-03-31'
		});
		expect(dashboard.shops.map((s) => s.id)).toEqual([w.shopB]);
		expect(dashboard.balances.map((b) => b.shopId)).toEqual([w.shopB]);
		expect(dashboard.sales.map((p) => p.shopId)).toEqual([w.shopB]);
		expect(JSON.stringify(dashboard)).not.toContain(w.itemA);
		await expect(
			portal.statement({ ...otherView, shopId: w.shopA, from: '2026-03-01', to: '2026-03-31' })
		).rejects.toMatchObject({ code: 'not_found' });
		expect((await portal.statementPeriods(otherView)).map((p) => p.shopId)).not.toContain(w.shopA);
		await expect(
			portal.requestReturn({
				...otherView,
				shopId: w.shopA,
				target: { kind: 'release', id: w.releaseA },
				quantity: 1,
				note: null
			})
		).rejects.toMatchObject({ code: 'not_found' });
	});

	test('guessing the password of a link invite is limited like signing in', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'guess');
		const { accounts } = labelStores(db, clock().now);
		const made = await accounts.createInvite({
			actor: { shopId: w.shopA, staffId: w.managerA },
			labelId: w.labelId,
			email: 'owner@guess.example'
		});
		await accounts.acceptInvite({ token: made.token, password: PASSWORD });
		const link = await accounts.createInvite({
			actor: { shopId: w.shopB, staffId: w.managerB },
			labelId: w.labelId,
			email: 'owner@guess.example'
		});
		for (let guess = 0; guess < 5; guess++) {
			expect(
				await accounts.acceptLink({
					token: link.token,
					password: `guess ${guess}`,
					clientAddress: '10.1.1.1'
				})
			).toEqual({ ok: false, reason: 'wrong_credentials' });
		}
		expect(
			await accounts.acceptLink({
				token: link.token,
				password: PASSWORD,
				clientAddress: '10.1.1.1'
			})
		).toMatchObject({ ok: false, reason: 'rate_limited', scope: 'email' });
		expect(await accounts.previewInvite(link.token)).not.toBeNull();
	});

	test('sign-in pauses after 5 failures for an email until the oldest leaves the 15-minute window', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'rate');
		const time = clock('2026-03-10T12:00:00.000Z');
		const { accounts } = labelStores(db, time.now);
		const invite = await accounts.createInvite({
			actor: { shopId: w.shopA, staffId: w.managerA },
			labelId: w.labelId,
			email: 'rate@rate.example'
		});
		await accounts.acceptInvite({ token: invite.token, password: PASSWORD });
		const attempt = (password: string, clientAddress = '192.0.2.1') =>
			accounts.signIn({ email: 'rate@rate.example', password, clientAddress });
		for (let minute = 0; minute < 5; minute++) {
			time.set(`2026-03-10T12:0${minute}:00.000Z`);
			expect(await attempt('wrong password!')).toEqual({ ok: false, reason: 'wrong_credentials' });
		}
		time.set('2026-03-10T12:05:00.000Z');
		// Even the right password is refused while paused, from any address.
		expect(await attempt(PASSWORD, '198.51.100.7')).toEqual({
			ok: false,
			reason: 'rate_limited',
			retryAt: '2026-03-10T12:15:00.000Z',
			scope: 'email'
		});
		time.set('2026-03-10T12:15:00.001Z');
		const ok = await attempt(PASSWORD);
		expect(ok.ok).toBe(true);
		// Success clears the email's count: five more tries are allowed before the next pause.
		expect(await attempt('wrong password!')).toEqual({ ok: false, reason: 'wrong_credentials' });
	});

	test('a burst of parallel guesses gets no more than 5 checked', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'burst');
		const { accounts } = labelStores(db, clock().now);
		const invite = await accounts.createInvite({
			actor: { shopId: w.shopA, staffId: w.managerA },
			labelId: w.labelId,
			email: 'burst@burst.example'
		});
		await accounts.acceptInvite({ token: invite.token, password: PASSWORD });
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				accounts.signIn({
					email: 'burst@burst.example',
					password: `guess number ${i}`,
					clientAddress: `198.51.100.${i}`
				})
			)
		);
		const checked = results.filter((r) => !r.ok && r.reason === 'wrong_credentials').length;
		// How many get checked depends on how the calls interleave; never more than the limit.
		expect(checked).toBeLessThanOrEqual(5);
		expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(12 - checked);
		const right = await accounts.signIn({
			email: 'burst@burst.example',
			password: PASSWORD,
			clientAddress: '198.51.100.99'
		});
		expect(right.ok).toBe(checked < 5);
	});

	test('sign-in pauses after 20 failures from one address, whatever the emails', async () => {
		const { db } = store().database;
		await seedLabelWorld(db, 'addr');
		const time = clock('2026-03-10T12:00:00.000Z');
		const { accounts } = labelStores(db, time.now);
		for (let i = 0; i < 20; i++) {
			const result = await accounts.signIn({
				email: `guess${i}@addr.example`,
				password: 'whatever password',
				clientAddress: '203.0.113.9'
			});
			expect(result).toEqual({ ok: false, reason: 'wrong_credentials' });
		}
		expect(
			await accounts.signIn({
				email: 'another@addr.example',
				password: 'whatever password',
				clientAddress: '203.0.113.9'
			})
		).toMatchObject({ ok: false, reason: 'rate_limited', scope: 'address' });
		expect(
			await accounts.signIn({
				email: 'another@addr.example',
				password: 'whatever password',
				clientAddress: '203.0.113.10'
			})
		).toEqual({ ok: false, reason: 'wrong_credentials' });
	});

	test('signing out ends the session; an expired session resolves to nothing', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'out');
		const time = clock();
		const { accounts } = labelStores(db, time.now);
		const invite = await accounts.createInvite({
			actor: { shopId: w.shopA, staffId: w.managerA },
			labelId: w.labelId,
			email: 'out@out.example'
		});
		const first = await accounts.acceptInvite({ token: invite.token, password: PASSWORD });
		const second = await accounts.signIn({
			email: 'out@out.example',
			password: PASSWORD,
			clientAddress: '::1'
		});
		if (!second.ok) throw new Error('expected the second sign-in to work');
		await accounts.signOut(first.session.sessionId);
		expect(await accounts.resolve(first.token)).toBeNull();
		expect(await accounts.resolve(second.signIn.token)).not.toBeNull();
		time.set('2026-04-10T12:00:00.000Z');
		expect(await accounts.resolve(second.signIn.token)).toBeNull();
	});
});

forEachStore('label portal', (store) => {
	test('one row per release across shops: on hand per shop, sold, sell-through, revenue and share', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'dash');
		const viewer = await seedLabelLogin(db, {
			id: 'dash-login',
			labelId: w.labelId,
			shops: [w.shopA, w.shopB]
		});
		await sellSome(db, w);
		const { portal } = labelStores(db, clock().now);
		const dashboard = await portal.dashboard({
			...viewer,
			from: '2026-03-01',
			to: '2026-03-31'
		});
		expect(dashboard.shops.map((s) => [s.id, s.currency])).toEqual([
			[w.shopA, 'EUR'],
			[w.shopB, 'GBP']
		]);
		expect(dashboard.releases).toHaveLength(1);
		const [release] = dashboard.releases;
		expect(release).toMatchObject({
			key: 'catno:SK026|LP',
			artist: 'Mr. James Barth & A.D.',
			onHand: 6,
			soldInPeriod: 2,
			soldAllTime: 2,
			sellThrough: 0.25
		});
		expect(release?.shops).toEqual([
			{
				shopId: w.shopA,
				target: { kind: 'release', id: w.releaseA },
				onHand: 4,
				requestedBack: 0,
				soldInPeriod: 1,
				soldAllTime: 1,
				revenueInPeriodCents: 2000,
				revenueAllTimeCents: 2000,
				shareInPeriodCents: 1000,
				shareAllTimeCents: 1000,
				currency: 'EUR'
			},
			{
				shopId: w.shopB,
				target: { kind: 'release', id: w.releaseB },
				onHand: 2,
				requestedBack: 0,
				soldInPeriod: 1,
				soldAllTime: 1,
				revenueInPeriodCents: 2000,
				revenueAllTimeCents: 2000,
				shareInPeriodCents: 1000,
				shareAllTimeCents: 1000,
				currency: 'GBP'
			}
		]);
		expect(dashboard.balances.map((b) => [b.shopId, b.balanceCents, b.currency])).toEqual([
			[w.shopA, 1000, 'EUR'],
			[w.shopB, 1000, 'GBP']
		]);
		expect(dashboard.totalOwed).toEqual([
			{ currency: 'EUR', cents: 1000 },
			{ currency: 'GBP', cents: 1000 }
		]);
		expect(dashboard.sales).toEqual([
			{ day: '2026-03-02', shopId: w.shopA, units: 2, shareCents: 2000 },
			{ day: '2026-03-03', shopId: w.shopB, units: 1, shareCents: 1000 },
			{ day: '2026-03-05', shopId: w.shopA, units: -1, shareCents: -1000 }
		]);
		expect(JSON.stringify(dashboard)).not.toContain(w.otherItem);
		expect(JSON.stringify(dashboard)).not.toContain('Someone Else');

		const april = await portal.dashboard({
			...viewer,
			from: '2026-04-01',
			to: '2026-04-30'
		});
		expect(april.releases[0]).toMatchObject({ soldInPeriod: 0, soldAllTime: 2 });
		expect(april.sales).toEqual([]);
	});

	test('refuses a period that is not real dates, ends before it starts, or spans years', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'period');
		const viewer = await seedLabelLogin(db, {
			id: 'period-login',
			labelId: w.labelId,
			shops: [w.shopA, w.shopB]
		});
		const { portal } = labelStores(db, clock().now);
		await expect(
			portal.dashboard({ ...viewer, from: '2026-02-30', to: '2026-03-01' })
		).rejects.toThrow('from must be a date YYYY-MM-DD (got "2026-02-30")');
		await expect(
			portal.dashboard({ ...viewer, from: '2026-03-02', to: '2026-03-01' })
		).rejects.toThrow('to (2026-03-01) must not be before from (2026-03-02)');
		await expect(
			portal.dashboard({ ...viewer, from: '2020-01-01', to: '2026-03-01' })
		).rejects.toThrow('a period may span at most 731 days');
	});

	test('statements chain month to month and list every sale, return and payout', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'stmt');
		const viewer = await seedLabelLogin(db, {
			id: 'stmt-login',
			labelId: w.labelId,
			shops: [w.shopA, w.shopB]
		});
		await sellSome(db, w);
		const time = clock('2026-03-10T12:00:00.000Z');
		const { portal, shop } = labelStores(db, time.now);
		const actor = { shopId: w.shopA, staffId: w.managerA };
		await shop.recordPayout({
			actor,
			labelId: w.labelId,
			amountCents: 600,
			businessDay: null,
			method: 'bank_transfer',
			reference: 'INV-7'
		});
		time.set('2026-04-02T12:00:00.000Z');
		await shop.recordPayout({
			actor,
			labelId: w.labelId,
			amountCents: 400,
			businessDay: null,
			method: 'cash',
			reference: null
		});

		const periods = await portal.statementPeriods(viewer);
		expect(periods.map((p) => [p.shopId, p.month, p.openingCents, p.closingCents])).toEqual([
			[w.shopA, '2026-04', 400, 0],
			[w.shopB, '2026-04', 1000, 1000],
			[w.shopA, '2026-03', 0, 400],
			[w.shopB, '2026-03', 0, 1000]
		]);
		const march = await portal.statement({
			...viewer,
			shopId: w.shopA,
			from: '2026-03-01',
			to: '2026-03-31'
		});
		expect(march).toMatchObject({
			shopName: 'stmt Berlin',
			currency: 'EUR',
			openingCents: 0,
			salesCents: 2000,
			returnsCents: 1000,
			payoutsCents: 600,
			closingCents: 400
		});
		expect(
			march.lines.map((l) => [l.businessDay, l.kind, l.quantity, l.amountCents, l.receiptNo])
		).toEqual([
			['2026-03-02', 'sale', 2, 2000, 'A1-000001'],
			['2026-03-05', 'return', 1, 1000, 'T1-R00001'],
			['2026-03-10', 'payout', null, 600, null]
		]);
		expect(march.lines[2]?.description).toBe('Payout by bank transfer (INV-7)');
		expect(march.lines[1]?.description).toBe(
			"Customer return: Mr. James Barth & A.D. – Knockin' Boots"
		);

		const payouts = await portal.payouts(viewer);
		expect(payouts.map((p) => [p.businessDay, p.amountCents, p.method, p.recordedByName])).toEqual([
			['2026-04-02', 400, 'cash', 'Manager of stmt Berlin'],
			['2026-03-10', 600, 'bank_transfer', 'Manager of stmt Berlin']
		]);
	});

	test('a payout may not exceed what the shop owes the label', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'over');
		const viewer = await seedLabelLogin(db, {
			id: 'over-login',
			labelId: w.labelId,
			shops: [w.shopA, w.shopB]
		});
		await sellSome(db, w);
		const { shop, portal } = labelStores(db, clock().now);
		await expect(
			shop.recordPayout({
				actor: { shopId: w.shopB, staffId: w.managerB },
				labelId: w.labelId,
				amountCents: 1001,
				businessDay: '2026-03-10',
				method: 'bank_transfer',
				reference: null
			})
		).rejects.toThrow('payout of 10.01 GBP is more than the 10.00 GBP owed');
		expect(await portal.payouts(viewer)).toEqual([]);
		await expect(
			shop.recordPayout({
				actor: { shopId: w.shopB, staffId: w.managerB },
				labelId: w.otherLabelId,
				amountCents: 1,
				businessDay: null,
				method: 'cash',
				reference: null
			})
		).rejects.toMatchObject({ code: 'not_found' });
	});

	test('a label asks for unsold copies back; the shop accepts and packing takes them out of stock', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'ret');
		const viewer = await seedLabelLogin(db, {
			id: 'ret-login',
			labelId: w.labelId,
			shops: [w.shopA, w.shopB]
		});
		await sellSome(db, w);
		const { portal, shop } = labelStores(db, clock().now);
		const target = { kind: 'release' as const, id: w.releaseA };
		await expect(
			portal.requestReturn({ ...viewer, shopId: w.shopA, target, quantity: 5, note: null })
		).rejects.toThrow('quantity must be at most 4 (got 5): 4 unsold on hand, 0 already asked for');
		const request = await portal.requestReturn({
			...viewer,
			shopId: w.shopA,
			target,
			quantity: 3,
			note: 'for the tour'
		});
		expect(request).toMatchObject({
			status: 'requested',
			quantity: 3,
			onHand: 4,
			description: "Mr. James Barth & A.D. – Knockin' Boots (LP)",
			catno: 'SK 026'
		});
		await expect(
			portal.requestReturn({ ...viewer, shopId: w.shopA, target, quantity: 2, note: null })
		).rejects.toThrow('quantity must be at most 1 (got 2): 4 unsold on hand, 3 already asked for');
		const dashboard = await portal.dashboard({
			...viewer,
			from: '2026-03-01',
			to: '2026-03-31'
		});
		expect(dashboard.releases[0]?.shops[0]?.requestedBack).toBe(3);

		const actor = { shopId: w.shopA, staffId: w.managerA };
		expect(
			(await shop.returnRequests({ shopId: w.shopA, status: 'requested' })).map((r) => r.id)
		).toEqual([request.id]);
		expect(await shop.returnRequests({ shopId: w.shopB, status: null })).toEqual([]);
		await expect(shop.markPacked({ actor, requestId: request.id })).rejects.toMatchObject({
			code: 'conflict'
		});
		await expect(
			shop.acceptReturn({
				actor: { shopId: w.shopB, staffId: w.managerB },
				requestId: request.id,
				note: null
			})
		).rejects.toMatchObject({ code: 'not_found' });
		const accepted = await shop.acceptReturn({
			actor,
			requestId: request.id,
			note: 'packing on Friday'
		});
		expect(accepted).toMatchObject({
			status: 'accepted',
			shopNote: 'packing on Friday',
			decidedByName: 'Manager of ret Berlin'
		});
		await expect(portal.cancelReturn({ ...viewer, requestId: request.id })).rejects.toMatchObject({
			code: 'conflict'
		});
		const packed = await shop.markPacked({ actor, requestId: request.id });
		expect(packed).toMatchObject({ status: 'packed', onHand: 1 });
		expect(packed.documentId).not.toBeNull();

		const movements = await db
			.selectFrom('stock_movements')
			.select(['item_id', 'delta', 'reason', 'ref_id'])
			.where('shop_id', '=', w.shopA)
			.where('reason', '=', 'return_to_label')
			.execute();
		expect(movements).toEqual([
			{ item_id: w.itemA, delta: -3, reason: 'return_to_label', ref_id: packed.documentId }
		]);
		const level = await db
			.selectFrom('stock_levels')
			.select('on_hand')
			.where('item_id', '=', w.itemA)
			.executeTakeFirstOrThrow();
		expect(level.on_hand).toBe(1);
		expect((await portal.returnRequests(viewer)).map((r) => r.status)).toEqual(['packed']);
	});

	test('the shop declines with a note the label sees; the label withdraws an unanswered request', async () => {
		const { db } = store().database;
		const w = await seedLabelWorld(db, 'decl');
		const viewer = await seedLabelLogin(db, {
			id: 'decl-login',
			labelId: w.labelId,
			shops: [w.shopA, w.shopB]
		});
		const { portal, shop } = labelStores(db, clock().now);
		const target = { kind: 'release' as const, id: w.releaseB };
		const first = await portal.requestReturn({
			...viewer,
			shopId: w.shopB,
			target,
			quantity: 1,
			note: null
		});
		const declined = await shop.declineReturn({
			actor: { shopId: w.shopB, staffId: w.managerB },
			requestId: first.id,
			note: 'these sell well, keep them here'
		});
		expect(declined).toMatchObject({
			status: 'declined',
			shopNote: 'these sell well, keep them here'
		});
		const second = await portal.requestReturn({
			...viewer,
			shopId: w.shopB,
			target,
			quantity: 3,
			note: null
		});
		const cancelled = await portal.cancelReturn({ ...viewer, requestId: second.id });
		expect(cancelled.status).toBe('cancelled');
		expect((await portal.returnRequests(viewer)).map((r) => [r.id, r.status, r.shopNote])).toEqual([
			[second.id, 'cancelled', null],
			[first.id, 'declined', 'these sell well, keep them here']
		]);
	});

	describe('another label, even with guessed ids', () => {
		test('sees none of this label’s stock, statements, payouts or requests and cannot touch them', async () => {
			const { db } = store().database;
			const w = await seedLabelWorld(db, 'iso');
			const viewer = await seedLabelLogin(db, {
				id: 'iso-login',
				labelId: w.labelId,
				shops: [w.shopA, w.shopB]
			});
			await sellSome(db, w);
			const { portal, shop } = labelStores(db, clock().now);
			await shop.recordPayout({
				actor: { shopId: w.shopA, staffId: w.managerA },
				labelId: w.labelId,
				amountCents: 100,
				businessDay: null,
				method: 'cash',
				reference: null
			});
			const request = await portal.requestReturn({
				...viewer,
				shopId: w.shopA,
				target: { kind: 'release', id: w.releaseA },
				quantity: 1,
				note: null
			});
			const intruder = await seedLabelLogin(db, {
				id: 'iso-intruder',
				labelId: w.otherLabelId,
				shops: [w.shopA]
			});

			const dashboard = await portal.dashboard({
				...intruder,
				from: '2026-03-01',
				to: '2026-03-31'
			});
			expect(dashboard.shops.map((s) => s.id)).toEqual([w.shopA]);
			expect(dashboard.releases.map((r) => r.title)).toEqual(['Their Record']);
			expect(dashboard.balances).toEqual([
				{
					shopId: w.shopA,
					currency: 'EUR',
					balanceCents: 1000,
					shareInPeriodCents: 1000,
					lastPayoutDay: null
				}
			]);
			const serialized = JSON.stringify(dashboard);
			for (const secret of [w.itemA, w.itemB, w.releaseA, w.releaseB, w.shopB, 'Knockin']) {
				expect(serialized).not.toContain(secret);
			}
			await expect(
				portal.statement({
					...intruder,
					shopId: w.shopB,
					from: '2026-03-01',
					to: '2026-03-31'
				})
			).rejects.toMatchObject({ code: 'not_found' });
			const shared = await portal.statement({
				...intruder,
				shopId: w.shopA,
				from: '2026-03-01',
				to: '2026-03-31'
			});
			expect(shared.lines.map((l) => l.amountCents)).toEqual([1000]);
			expect((await portal.statementPeriods(intruder)).map((p) => p.shopId)).toEqual([w.shopA]);
			expect(await portal.payouts(intruder)).toEqual([]);
			expect(await portal.returnRequests(intruder)).toEqual([]);
			await expect(
				portal.cancelReturn({ ...intruder, requestId: request.id })
			).rejects.toMatchObject({
				code: 'not_found'
			});
			for (const target of [
				{ kind: 'release' as const, id: w.releaseA },
				{ kind: 'item' as const, id: w.itemA },
				{ kind: 'release' as const, id: w.releaseB }
			]) {
				await expect(
					portal.requestReturn({
						...intruder,
						shopId: target.id === w.releaseB ? w.shopB : w.shopA,
						target,
						quantity: 1,
						note: null
					})
				).rejects.toMatchObject({ code: 'not_found' });
			}
			expect((await portal.returnRequests(viewer)).map((r) => r.status)).toEqual(['requested']);
		});
	});
});
