import { api } from '$lib/api.ts';
import { formatRatePpm, parsePercentToPpm } from '@deadwax/core';
import { attempt } from './attempt.ts';
import { officeLists } from './lists.svelte.ts';

type TaxClass = Awaited<ReturnType<typeof api.office.taxClasses.list.query>>[number];

/** The shop's tax classes: list, add, rename or re-rate (at the version the manager saw). */
export class TaxClasses {
	classes = $state.raw<TaxClass[]>([]);
	problem = $state<string | undefined>(undefined);
	saved = $state<string | undefined>(undefined);

	#report = (problem: string): void => {
		this.problem = problem;
		this.saved = undefined;
	};

	async load(): Promise<void> {
		const classes = await attempt(() => api.office.taxClasses.list.query(), this.#report);
		if (classes !== undefined) this.classes = classes;
	}

	/** The typed rate in ppm, or undefined after reporting why it is not a rate. */
	#rate(text: string): number | undefined {
		const ratePpm = parsePercentToPpm(text);
		if (ratePpm === null) {
			this.#report(
				`rate: type a percentage from 0 to 100 with at most four decimals, e.g. 8.875 (got ${JSON.stringify(text)})`
			);
			return undefined;
		}
		return ratePpm;
	}

	async add(name: string, rateText: string): Promise<boolean> {
		this.problem = undefined;
		const ratePpm = this.#rate(rateText);
		if (ratePpm === undefined) return false;
		const created = await attempt(
			() => api.office.taxClasses.create.mutate({ name, ratePpm }),
			this.#report
		);
		if (created === undefined) return false;
		this.saved = `Added ${created.name} at ${formatRatePpm(created.ratePpm)}.`;
		await this.#reload();
		return true;
	}

	async update(taxClass: TaxClass, name: string, rateText: string): Promise<boolean> {
		this.problem = undefined;
		const ratePpm = this.#rate(rateText);
		if (ratePpm === undefined) return false;
		const updated = await attempt(
			() =>
				api.office.taxClasses.update.mutate({
					taxClassId: taxClass.id,
					expectedVersion: taxClass.version,
					name,
					ratePpm
				}),
			this.#report
		);
		if (updated === undefined) return false;
		this.saved = `Saved ${updated.name} at ${formatRatePpm(updated.ratePpm)}; sales from now on use it.`;
		await this.#reload();
		return true;
	}

	async #reload(): Promise<void> {
		await Promise.all([this.load(), officeLists.load(true)]);
	}
}
