import { api } from '$lib/api.ts';
import type { MoneySettings } from '../format.ts';
import { attempt } from './attempt.ts';

type Lists = Awaited<ReturnType<typeof api.office.catalog.lists.query>>;

/** The shop's tax classes, labels, bins and money settings, loaded once per office visit. */
export class OfficeLists {
	lists = $state.raw<Lists | undefined>(undefined);
	problem = $state<string | undefined>(undefined);

	get money(): MoneySettings {
		return { currency: this.lists?.currency ?? 'EUR', locale: this.lists?.locale ?? 'en-US' };
	}

	async load(force = false): Promise<void> {
		if (this.lists !== undefined && !force) return;
		this.lists = await attempt(
			() => api.office.catalog.lists.query(),
			(p) => (this.problem = p)
		);
	}
}

export const officeLists = new OfficeLists();
