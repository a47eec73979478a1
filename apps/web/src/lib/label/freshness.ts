/** The parts of a browser window keepFresh uses, so a test can pass its own. */
export interface FreshnessWindow {
	document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
	addEventListener(type: 'focus', listener: () => void): void;
	removeEventListener(type: 'focus', listener: () => void): void;
	setInterval(handler: () => void, ms: number): number;
	clearInterval(id: number): void;
}

/**
 * Calls `refresh` now, then every `intervalMs` while the page is visible, and at once when the
 * window regains focus or the tab becomes visible again. A hidden tab makes no requests. Returns
 * the function that stops it all.
 */
export function keepFresh(
	win: FreshnessWindow,
	refresh: () => Promise<void>,
	intervalMs: number
): () => void {
	const doc = win.document;
	const whenVisible = (): void => {
		if (doc.visibilityState === 'visible') void refresh();
	};
	void refresh();
	const timer = win.setInterval(whenVisible, intervalMs);
	win.addEventListener('focus', whenVisible);
	doc.addEventListener('visibilitychange', whenVisible);
	return () => {
		win.clearInterval(timer);
		win.removeEventListener('focus', whenVisible);
		doc.removeEventListener('visibilitychange', whenVisible);
	};
}
