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

/** What a page does when a new service worker takes control of it. */
export type ControllingAction = 'reload' | 'await-clerk' | 'ignore';

/**
 * Decides what a `controlling` event (a new worker took over this page) means here.
 * - This page asked for the update: reload, once.
 * - Another tab asked while this page showed the prompt: the new worker already controls this
 *   page, so wait for the clerk here too. That must never reload a register mid-sale.
 * - No update was pending: the first install claimed the page; nothing to do.
 */
export function actionOnControlling({
	hasRequestedUpdate,
	hasReloaded,
	isUpdateWaiting
}: {
	hasRequestedUpdate: boolean;
	hasReloaded: boolean;
	isUpdateWaiting: boolean;
}): ControllingAction {
	if (hasRequestedUpdate) return hasReloaded ? 'ignore' : 'reload';
	return isUpdateWaiting ? 'await-clerk' : 'ignore';
}

/**
 * What "Reload now" does: hand over to the waiting worker (the page reloads on `controlling`),
 * or, when another tab already handed over, simply reload into the new version.
 */
export function reloadStep({
	isNewVersionInControl
}: {
	isNewVersionInControl: boolean;
}): 'activate-waiting' | 'reload' {
	return isNewVersionInControl ? 'reload' : 'activate-waiting';
}
