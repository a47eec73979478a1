/** What the update banner needs to know to decide whether the page may reload. */
export interface UpdateSituation {
	/** A new service worker has installed and is waiting to take over. */
	isUpdateWaiting: boolean;
	/** The register has a sale open; reloading now would throw the clerk out of it. */
	saleInProgress: boolean;
}

/** A reload is allowed only when there is something to reload into and no sale is open. */
export function canReloadNow({ isUpdateWaiting, saleInProgress }: UpdateSituation): boolean {
	return isUpdateWaiting && !saleInProgress;
}

/** The banner button's words: it tells the clerk why it is disabled instead of just greying out. */
export function reloadButtonLabel(situation: UpdateSituation): string {
	return situation.saleInProgress ? 'Finish the sale first' : 'Reload now';
}

/**
 * Whether a `controlling` event (the new worker took over) should reload this page. Only when
 * this page asked for the update, and only once: another tab's "Reload now" also hands this page
 * to the new worker, and that must never reload a register mid-sale.
 */
export function shouldReloadOnControlling({
	hasRequestedUpdate,
	hasReloaded
}: {
	hasRequestedUpdate: boolean;
	hasReloaded: boolean;
}): boolean {
	return hasRequestedUpdate && !hasReloaded;
}
