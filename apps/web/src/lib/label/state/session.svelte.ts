import type { InviteKind } from '@deadwax/sync';
import { TRPCClientError } from '@trpc/client';
import { api } from '$lib/api.ts';
import { describeError } from '$lib/errors.ts';

export interface LabelMe {
	labelId: string;
	labelName: string;
}

/** True when the server says the caller is not signed in (expired, reset, signed out elsewhere). */
export function isSignedOut(error: unknown): boolean {
	return (
		error instanceof TRPCClientError &&
		(error.data as { code?: unknown } | undefined)?.code === 'UNAUTHORIZED'
	);
}

/** Who is signed in to the label portal on this browser. The cookie itself is HttpOnly. */
export class LabelSession {
	/** undefined while asking the server; null when nobody is signed in. */
	me = $state.raw<LabelMe | null | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	isBusy = $state(false);

	async load(): Promise<void> {
		try {
			this.me = await api.label.account.me.query();
			this.problem = undefined;
		} catch (error) {
			this.me = null;
			this.problem = describeError(error);
		}
	}

	async signIn(email: string, password: string): Promise<boolean> {
		this.isBusy = true;
		try {
			const me = await api.label.account.signIn.mutate({ email, password });
			this.me = { labelId: me.labelId, labelName: me.labelName };
			this.problem = undefined;
			return true;
		} catch (error) {
			this.problem = describeError(error);
			return false;
		} finally {
			this.isBusy = false;
		}
	}

	/**
	 * Uses an invite link: a `new` or `reset` one sets `password`; a `link` one checks it against
	 * the login's current password and adds the inviting shop.
	 */
	async acceptInvite(token: string, password: string, kind: InviteKind): Promise<boolean> {
		this.isBusy = true;
		try {
			const me =
				kind === 'link'
					? await api.label.account.acceptLink.mutate({ token, password })
					: await api.label.account.acceptInvite.mutate({ token, password });
			this.me = { labelId: me.labelId, labelName: me.labelName };
			this.problem = undefined;
			return true;
		} catch (error) {
			this.problem = describeError(error);
			return false;
		} finally {
			this.isBusy = false;
		}
	}

	async signOut(): Promise<void> {
		try {
			await api.label.account.signOut.mutate();
		} catch (error) {
			this.problem = describeError(error);
		}
		this.me = null;
	}

	/** Another call found the session gone: show the sign-in form again. */
	ended(): void {
		this.me = null;
		this.problem = 'Your session has ended. Please sign in again.';
	}
}

export const labelSession = new LabelSession();
