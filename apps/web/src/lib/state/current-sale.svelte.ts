import { appStatus, type AppStatus } from './app-status.svelte.ts';

/**
 * The sale on screen. For now it is only open or not, which is what the update prompt needs.
 * TODO(#5): lines, tenders and completion through core, written to IndexedDB before the receipt.
 */
export class CurrentSale {
	#status: AppStatus;

	constructor(status: AppStatus) {
		this.#status = status;
	}

	get isOpen(): boolean {
		return this.#status.saleInProgress;
	}

	start(): void {
		this.#status.saleInProgress = true;
	}

	/** Abandons the open sale; nothing was taken, so nothing is recorded. */
	void(): void {
		this.#status.saleInProgress = false;
	}
}

export const currentSale = new CurrentSale(appStatus);
