import { DomainError } from '@deadwax/core';
import type { LabelSignIn, LabelSignInResult } from '@deadwax/sync';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { NO_COOKIES, type Context } from '../../context.ts';
import { procedure, router } from '../../trpc.ts';
import { email, inviteToken, newPassword, password } from './schemas.ts';

/** The label portal's session cookie: HttpOnly (set by the server), SameSite=Lax. */
export const LABEL_COOKIE = 'dw_label';

function startSession(ctx: Context, signIn: LabelSignIn) {
	const maxAgeSeconds = Math.max(
		0,
		Math.floor((Date.parse(signIn.session.expiresAt) - ctx.clock.now().getTime()) / 1000)
	);
	// Lax, not Strict: a label opening the portal from a link in an email arrives signed in.
	(ctx.cookies ?? NO_COOKIES).set(LABEL_COOKIE, signIn.token, { maxAgeSeconds, sameSite: 'Lax' });
	return {
		labelId: signIn.session.labelId,
		labelName: signIn.session.labelName,
		email: signIn.session.email,
		expiresAt: signIn.session.expiresAt
	};
}

/** "in 12 minutes (after 14:05 UTC)". */
function whenToRetry(retryAt: string, now: Date): string {
	const minutes = Math.max(1, Math.ceil((Date.parse(retryAt) - now.getTime()) / 60_000));
	return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} (after ${retryAt.slice(11, 16)} UTC)`;
}

/** Starts the session of a checked password, or says why there is none. */
function signedIn(ctx: Context, result: LabelSignInResult, wrongPassword: string) {
	if (result.ok) return startSession(ctx, result.signIn);
	if (result.reason === 'rate_limited') {
		throw new TRPCError({
			code: 'TOO_MANY_REQUESTS',
			message: `Too many failed sign-ins ${result.scope === 'email' ? 'for this email' : 'from this network'}; try again ${whenToRetry(result.retryAt, ctx.clock.now())}`
		});
	}
	throw new DomainError('invalid_input', wrongPassword);
}

/*
 * Signing in and out of the label portal. These are open to anyone: they are how a session starts.
 * The invite token travels in POST bodies only (checkInvite is a mutation for that reason), so it
 * never lands in a URL, a proxy log or a Referer header.
 */
export const accountRouter = router({
	/** The signed-in label, or null. */
	me: procedure.query(async ({ ctx }) => {
		if (ctx.auth.kind !== 'label') return null;
		const overview = await ctx.stores.labels.portal.overview({
			labelId: ctx.auth.labelId,
			accountId: ctx.auth.accountId
		});
		return { labelId: overview.labelId, labelName: overview.labelName };
	}),

	/** What an invite link is for, before the label picks a password; null for a bad link. */
	checkInvite: procedure
		.input(z.object({ token: inviteToken }))
		.mutation(({ ctx, input }) => ctx.stores.labels.accounts.previewInvite(input.token)),

	/** Sets the password from a `new` or `reset` invite and signs in. */
	acceptInvite: procedure
		.input(z.object({ token: inviteToken, password: newPassword }))
		.mutation(async ({ ctx, input }) =>
			startSession(ctx, await ctx.stores.labels.accounts.acceptInvite(input))
		),

	/** Adds the inviting shop to an existing login (a `link` invite), proven by its password. */
	acceptLink: procedure
		.input(z.object({ token: inviteToken, password }))
		.mutation(async ({ ctx, input }) =>
			signedIn(
				ctx,
				await ctx.stores.labels.accounts.acceptLink({
					token: input.token,
					password: input.password,
					clientAddress: ctx.clientAddress ?? 'unknown'
				}),
				'The password is wrong. Enter the one you already sign in to the label portal with; if you forgot it, ask the shop that set up your login for a new link.'
			)
		),

	/** Email and password; failures are counted per email and per address (see the store). */
	signIn: procedure.input(z.object({ email, password })).mutation(async ({ ctx, input }) =>
		signedIn(
			ctx,
			await ctx.stores.labels.accounts.signIn({
				email: input.email,
				password: input.password,
				clientAddress: ctx.clientAddress ?? 'unknown'
			}),
			'Email or password is wrong. Check both; if you forgot the password, ask the shop for a new invite link.'
		)
	),

	/** Ends this browser's session and clears the cookie; harmless when signed out. */
	signOut: procedure.mutation(async ({ ctx }) => {
		if (ctx.auth.kind === 'label' && ctx.auth.sessionId !== undefined) {
			await ctx.stores.labels.accounts.signOut(ctx.auth.sessionId);
		}
		(ctx.cookies ?? NO_COOKIES).clear(LABEL_COOKIE, { sameSite: 'Lax' });
		return { isSignedOut: true };
	})
});
