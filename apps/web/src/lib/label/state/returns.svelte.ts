import type { ReturnRequestView, ReturnTarget } from '@deadwax/sync';
import { api } from '$lib/api.ts';
import { describeError } from '$lib/errors.ts';
import { isSignedOut, labelSession } from './session.svelte.ts';

/** What the dashboard's "Ask for copies back" chose: `shopId|kind|id`, read once by the form. */
export const returnDraft = $state<{ choice: string }>({ choice: '' });

/** The label's requests for unsold copies back, and asking for more. */
export class ReturnsState {
	requests = $state.raw<ReturnRequestView[] | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	notice = $state<string | undefined>(undefined);
	isBusy = $state(false);

	#fail(error: unknown): void {
		if (isSignedOut(error)) labelSession.ended();
		else this.problem = describeError(error);
	}

	async load(): Promise<void> {
		try {
			this.requests = await api.label.portal.returnRequests.query();
		} catch (error) {
			this.#fail(error);
		}
	}

	async request(input: {
		shopId: string;
		target: ReturnTarget;
		quantity: number;
		note: string;
	}): Promise<boolean> {
		this.isBusy = true;
		this.notice = undefined;
		try {
			const created = await api.label.portal.requestReturn.mutate({
				...input,
				note: input.note.trim() === '' ? null : input.note
			});
			this.problem = undefined;
			this.notice = `Asked ${created.shopName} for ${created.quantity} ${created.quantity === 1 ? 'copy' : 'copies'} of ${created.description}.`;
			await this.load();
			return true;
		} catch (error) {
			this.#fail(error);
			return false;
		} finally {
			this.isBusy = false;
		}
	}

	async cancel(requestId: string): Promise<void> {
		try {
			await api.label.portal.cancelReturn.mutate({ requestId });
			this.problem = undefined;
			this.notice = 'Request withdrawn.';
			await this.load();
		} catch (error) {
			this.#fail(error);
		}
	}
}
