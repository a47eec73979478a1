import { parseMoney } from '@deadwax/core';
import type {
	CarriedLabel,
	CreatedInvite,
	InviteKind,
	InviteView,
	PayoutMethod,
	PayoutView,
	ReturnRequestView
} from '@deadwax/sync';
import { api } from '$lib/api.ts';
import { describeOfficeError as describeError } from '$lib/office/errors.ts';
import { viewerLocale } from '../format.ts';

/** What the office says once an invite link is made, by what the link will do. */
const INVITE_NOTICE: Readonly<Record<InviteKind, (email: string) => string>> = {
	new: (email) => `Invite link made for ${email}.`,
	reset: (email) =>
		`Password reset link made for ${email}. Their current sessions end when they use it.`,
	link: (email) =>
		`${email} already has a login from another shop. This link adds your shop to it once they enter their password.`
};

/** How the office lists an invite's kind. */
export const INVITE_KIND_NAME: Readonly<Record<InviteKind, string>> = {
	new: 'invite',
	reset: 'password reset',
	link: 'add to existing login'
};

/**
 * The shop's side of the label portal in the office: the labels it carries, invites (a reset is
 * a new invite), payouts and labels' return requests. Needs an office session (manager or owner).
 */
export class OfficeLabelsState {
	/** undefined while asking; false when nobody is signed in to the office here. */
	isSignedIn = $state<boolean | undefined>(undefined);
	labels = $state.raw<CarriedLabel[]>([]);
	invites = $state.raw<InviteView[]>([]);
	requests = $state.raw<ReturnRequestView[]>([]);
	payouts = $state.raw<PayoutView[]>([]);
	/** The invite just made: its link is shown once. */
	created = $state.raw<CreatedInvite | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	notice = $state<string | undefined>(undefined);
	isBusy = $state(false);
	/** Where labels reach the server (PUBLIC_URL); null: links use this browser's address. */
	publicUrl = $state<string | null>(null);

	async load(): Promise<void> {
		try {
			const me = await api.office.session.me.query();
			this.isSignedIn = me !== null;
			if (me === null) return;
			const [labels, invites, requests, payouts, info] = await Promise.all([
				api.consignment.labels.query(),
				api.consignment.invites.query(),
				api.consignment.returnRequests.query({ status: null }),
				api.consignment.payouts.query({ labelId: null }),
				api.system.info.query()
			]);
			this.publicUrl = info.publicUrl;
			this.labels = labels;
			this.invites = invites;
			this.requests = requests;
			this.payouts = payouts;
		} catch (error) {
			this.problem = describeError(error);
		}
	}

	async #act(work: () => Promise<string>): Promise<boolean> {
		this.isBusy = true;
		this.notice = undefined;
		try {
			const notice = await work();
			this.problem = undefined;
			await this.load();
			// Said last, once the lists below show the change.
			this.notice = notice;
			return true;
		} catch (error) {
			this.problem = describeError(error);
			return false;
		} finally {
			this.isBusy = false;
		}
	}

	invite(labelId: string, email: string): Promise<boolean> {
		return this.#act(async () => {
			this.created = await api.consignment.invite.mutate({ labelId, email });
			return INVITE_NOTICE[this.created.kind](this.created.email);
		});
	}

	removeLogin(accountId: string, email: string): Promise<boolean> {
		return this.#act(async () => {
			await api.consignment.removeLogin.mutate({ accountId });
			return `${email} no longer sees this shop's figures.`;
		});
	}

	revokeInvite(inviteId: string): Promise<boolean> {
		return this.#act(async () => {
			await api.consignment.revokeInvite.mutate({ inviteId });
			return 'Invite withdrawn: the link no longer works.';
		});
	}

	recordPayout(input: {
		labelId: string;
		amount: string;
		method: PayoutMethod;
		reference: string;
		businessDay: string;
	}): Promise<boolean> {
		const label = this.labels.find((l) => l.labelId === input.labelId);
		return this.#act(async () => {
			if (label === undefined) throw new Error('Choose a label first.');
			const amountCents = parseMoney(input.amount, label.currency, viewerLocale());
			const payout = await api.consignment.recordPayout.mutate({
				labelId: input.labelId,
				amountCents,
				method: input.method,
				reference: input.reference.trim() === '' ? null : input.reference,
				businessDay: input.businessDay === '' ? null : input.businessDay
			});
			return `Payout to ${payout.labelName} recorded.`;
		});
	}

	accept(requestId: string, note: string): Promise<boolean> {
		return this.#act(async () => {
			await api.consignment.acceptReturn.mutate({
				requestId,
				note: note.trim() === '' ? null : note
			});
			return 'Request accepted. Mark it packed once the copies are boxed up.';
		});
	}

	decline(requestId: string, note: string): Promise<boolean> {
		return this.#act(async () => {
			await api.consignment.declineReturn.mutate({ requestId, note });
			return 'Request declined; the label sees your note.';
		});
	}

	markPacked(requestId: string): Promise<boolean> {
		return this.#act(async () => {
			const packed = await api.consignment.markPacked.mutate({ requestId });
			return `${packed.quantity} ${packed.quantity === 1 ? 'copy' : 'copies'} taken out of stock as a return to ${packed.labelName}.`;
		});
	}
}
