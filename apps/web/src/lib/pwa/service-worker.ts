import { Workbox } from 'workbox-window';

/** What the app hears from the service worker's life cycle. */
export interface ServiceWorkerEvents {
	/** A new version has installed and waits for this page's permission to take over. */
	onWaiting(): void;
	/** A new worker now controls this page (after any tab's skip-waiting). */
	onControlling(): void;
	onError(error: unknown): void;
}

/** Lets the app tell a waiting worker to take over. */
export interface ServiceWorkerControl {
	activateWaiting(): void;
}

/**
 * Registers the generated worker (/sw.js, made by @vite-pwa/sveltekit at build time) through
 * workbox-window. Returns undefined where the browser has no service workers (plain http on a
 * LAN address is not a secure context; see the README's HTTPS set-ups).
 */
export function registerServiceWorker(
	events: ServiceWorkerEvents,
	scriptUrl = '/sw.js'
): ServiceWorkerControl | undefined {
	if (!('serviceWorker' in navigator)) return undefined;
	const workbox = new Workbox(scriptUrl, { scope: '/' });
	workbox.addEventListener('waiting', () => events.onWaiting());
	workbox.addEventListener('controlling', () => events.onControlling());
	workbox.register().catch((error: unknown) => events.onError(error));
	return {
		activateWaiting() {
			// The generated worker calls skipWaiting() when it receives { type: 'SKIP_WAITING' }.
			workbox.messageSkipWaiting();
		}
	};
}
