import {
	actionOnControlling,
	canReloadNow,
	reloadButtonLabel,
	reloadStep,
	type UpdateSituation
} from '$lib/pwa/reload-policy.ts';
import { registerServiceWorker, type ServiceWorkerControl } from '$lib/pwa/service-worker.ts';
import { appStatus, type AppStatus } from './app-status.svelte.ts';

/**
 * The "new version ready" prompt. It never reloads by itself: the clerk presses "Reload now",
 * and the button stays disabled while a sale is in progress.
 */
export class AppUpdate {
	#status: AppStatus;
	#reload: () => void;
	#control: ServiceWorkerControl | undefined;
	#hasRequestedUpdate = false;
	#hasReloaded = false;
	#isNewVersionInControl = false;

	isUpdateWaiting = $state(false);
	/** Why this device cannot work offline, when registering the service worker failed. */
	offlineProblem = $state<string | undefined>(undefined);

	constructor(status: AppStatus, reload: () => void) {
		this.#status = status;
		this.#reload = reload;
	}

	get canReload(): boolean {
		return canReloadNow(this.#situation());
	}

	get buttonLabel(): string {
		return reloadButtonLabel(this.#situation());
	}

	/** Starts listening to the service worker. Call once, in production builds only. */
	start(): void {
		this.#control = registerServiceWorker({
			onWaiting: () => {
				this.isUpdateWaiting = true;
			},
			onControlling: () => this.#onControlling(),
			onError: (error) => {
				this.offlineProblem = error instanceof Error ? error.message : String(error);
			}
		});
	}

	/** Moves to the new version: only when the clerk asks and no sale is open. */
	reloadNow(): void {
		if (!this.canReload || this.#control === undefined) return;
		this.#hasRequestedUpdate = true;
		switch (reloadStep({ isNewVersionInControl: this.#isNewVersionInControl })) {
			case 'activate-waiting':
				this.#control.activateWaiting(); // the reload follows on `controlling`
				return;
			case 'reload':
				this.#reloadOnce();
				return;
		}
	}

	#onControlling(): void {
		const action = actionOnControlling({
			hasRequestedUpdate: this.#hasRequestedUpdate,
			hasReloaded: this.#hasReloaded,
			isUpdateWaiting: this.isUpdateWaiting
		});
		switch (action) {
			case 'reload':
				this.#reloadOnce();
				return;
			case 'await-clerk':
				this.#isNewVersionInControl = true;
				return;
			case 'ignore':
				return;
		}
	}

	#reloadOnce(): void {
		if (this.#hasReloaded) return;
		this.#hasReloaded = true;
		this.#reload();
	}

	#situation(): UpdateSituation {
		return { isUpdateWaiting: this.isUpdateWaiting, saleInProgress: this.#status.saleInProgress };
	}
}

export const appUpdate = new AppUpdate(appStatus, () => window.location.reload());
