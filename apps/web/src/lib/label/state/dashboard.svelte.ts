import type { Dashboard } from '@deadwax/sync';
import { api } from '$lib/api.ts';
import { describeError } from '$lib/errors.ts';
import { keepFresh } from '../freshness.ts';
import { periodFor, todayHere, type Period, type PeriodPreset } from '../period.ts';
import { isSignedOut, labelSession } from './session.svelte.ts';

/** How often the figures are read again while the portal is on screen. */
export const REFRESH_MS = 10_000;

/**
 * The label's dashboard for a period. While the page is visible it reads the figures again every
 * REFRESH_MS and at once when the tab regains focus, so a sale synced by a shop's tablet shows
 * within seconds without anyone reloading.
 */
export class DashboardState {
	period = $state<Period>(periodFor('this-month', todayHere()));
	data = $state.raw<Dashboard | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	isLoading = $state(false);
	#pending: Promise<void> | undefined;

	/** Reads the dashboard now; a call while one is running waits for that one. */
	refresh(): Promise<void> {
		this.#pending ??= this.#load().finally(() => {
			this.#pending = undefined;
		});
		return this.#pending;
	}

	async #load(): Promise<void> {
		const { from, to } = this.period;
		this.isLoading = true;
		try {
			const data = await api.label.portal.dashboard.query({ from, to });
			// A slower answer for a period the label has since left is dropped.
			if (from === this.period.from && to === this.period.to) {
				this.data = data;
				this.problem = undefined;
			}
		} catch (error) {
			if (isSignedOut(error)) labelSession.ended();
			else this.problem = describeError(error);
		} finally {
			this.isLoading = false;
		}
	}

	choose(preset: Exclude<PeriodPreset, 'custom'>): Promise<void> {
		this.period = periodFor(preset, todayHere());
		return this.refresh();
	}

	chooseDates(from: string, to: string): Promise<void> {
		this.period = { preset: 'custom', from, to };
		return this.refresh();
	}

	/** Starts keeping the figures fresh in `win`; returns the function that stops it. */
	watch(win: Window): () => void {
		return keepFresh(win, () => this.refresh(), REFRESH_MS);
	}
}
