import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { keepFresh, type FreshnessWindow } from './freshness.ts';

class FakeWindow extends EventTarget {
	readonly document = Object.assign(new EventTarget(), {
		visibilityState: 'visible'
	});
	setInterval(handler: () => void, ms: number): number {
		return setInterval(handler, ms) as unknown as number;
	}
	clearInterval(id: number): void {
		clearInterval(id);
	}
}

function setup() {
	const win = new FakeWindow();
	const refresh = vi.fn(() => Promise.resolve());
	const stop = keepFresh(win as FreshnessWindow, refresh, 10_000);
	return { win, refresh, stop };
}

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

test('reads at once, then every interval while the page is visible', () => {
	const { refresh } = setup();
	expect(refresh).toHaveBeenCalledTimes(1);
	vi.advanceTimersByTime(9_999);
	expect(refresh).toHaveBeenCalledTimes(1);
	vi.advanceTimersByTime(1);
	expect(refresh).toHaveBeenCalledTimes(2);
	vi.advanceTimersByTime(20_000);
	expect(refresh).toHaveBeenCalledTimes(4);
});

test('a hidden tab makes no requests; coming back reads at once', () => {
	const { win, refresh } = setup();
	win.document.visibilityState = 'hidden';
	vi.advanceTimersByTime(60_000);
	expect(refresh).toHaveBeenCalledTimes(1);
	win.document.visibilityState = 'visible';
	win.document.dispatchEvent(new Event('visibilitychange'));
	expect(refresh).toHaveBeenCalledTimes(2);
});

test('focusing the window reads at once, without waiting for the interval', () => {
	const { win, refresh } = setup();
	vi.advanceTimersByTime(3_000);
	win.dispatchEvent(new Event('focus'));
	expect(refresh).toHaveBeenCalledTimes(2);
});

test('stopping ends the interval and the listeners', () => {
	const { win, refresh, stop } = setup();
	stop();
	vi.advanceTimersByTime(60_000);
	win.dispatchEvent(new Event('focus'));
	win.document.dispatchEvent(new Event('visibilitychange'));
	expect(refresh).toHaveBeenCalledTimes(1);
});
