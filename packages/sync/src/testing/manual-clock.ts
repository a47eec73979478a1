import type { SyncClock } from '../client/sync-engine.ts';

/** A SyncClock that only moves when told; timers fire from `advance`. */
export class ManualClock implements SyncClock {
	#now: number;
	#nextHandle = 1;
	readonly #timers = new Map<number, { at: number; callback: () => void; ms: number }>();
	/** Every delay ever scheduled, in order: lets a test read the backoff sequence. */
	readonly scheduled: number[] = [];

	constructor(start = Date.parse('2026-03-01T10:00:00.000Z')) {
		this.#now = start;
	}

	now(): number {
		return this.#now;
	}

	setTimeout(callback: () => void, ms: number): unknown {
		const handle = this.#nextHandle++;
		this.#timers.set(handle, { at: this.#now + ms, callback, ms });
		this.scheduled.push(ms);
		return handle;
	}

	clearTimeout(handle: unknown): void {
		this.#timers.delete(handle as number);
	}

	/** Timers waiting to fire. */
	get pendingTimers(): number {
		return this.#timers.size;
	}

	/** Moves time forward and fires every timer that came due, in order. */
	advance(ms: number): void {
		this.#now += ms;
		const due = [...this.#timers.entries()]
			.filter(([, t]) => t.at <= this.#now)
			.sort(([, a], [, b]) => a.at - b.at);
		for (const [handle, timer] of due) {
			this.#timers.delete(handle);
			timer.callback();
		}
	}
}
