import type { PayoutView, ShopStatement, StatementPeriod } from '@deadwax/sync';
import { api } from '$lib/api.ts';
import { describeError } from '$lib/errors.ts';
import { isSignedOut, labelSession } from './session.svelte.ts';

/** Monthly statements of every shop, one opened with its lines, and the payout history. */
export class StatementsState {
	periods = $state.raw<StatementPeriod[] | undefined>(undefined);
	payouts = $state.raw<PayoutView[] | undefined>(undefined);
	open = $state.raw<ShopStatement | undefined>(undefined);
	problem = $state<string | undefined>(undefined);

	#fail(error: unknown): void {
		if (isSignedOut(error)) labelSession.ended();
		else this.problem = describeError(error);
	}

	async load(): Promise<void> {
		try {
			const [periods, payouts] = await Promise.all([
				api.label.portal.statementPeriods.query(),
				api.label.portal.payouts.query()
			]);
			this.periods = periods;
			this.payouts = payouts;
			this.problem = undefined;
		} catch (error) {
			this.#fail(error);
		}
	}

	async show(shopId: string, from: string, to: string): Promise<void> {
		try {
			this.open = await api.label.portal.statement.query({ shopId, from, to });
			this.problem = undefined;
		} catch (error) {
			this.#fail(error);
		}
	}

	close(): void {
		this.open = undefined;
	}
}
