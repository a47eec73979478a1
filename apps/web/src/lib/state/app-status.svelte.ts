/** App-wide flags that several screens read. */
export class AppStatus {
	/** True while the register has a sale open. The update banner will not reload then. */
	saleInProgress = $state(false);
	/** The browser's view of the network. Selling never depends on it; syncing does. */
	isOnline = $state(true);

	/** Follows the browser's online and offline events. Returns the function that stops it. */
	watchConnection(target: Window): () => void {
		const update = () => {
			this.isOnline = target.navigator.onLine;
		};
		update();
		target.addEventListener('online', update);
		target.addEventListener('offline', update);
		return () => {
			target.removeEventListener('online', update);
			target.removeEventListener('offline', update);
		};
	}
}

export const appStatus = new AppStatus();
