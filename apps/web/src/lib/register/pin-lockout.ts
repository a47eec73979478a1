/**
 * How a register refuses PIN guessing: after MAX_PIN_FAILURES wrong PINs in a row the staff
 * member is locked out, for longer each time (30 s, 1 min, 2 min, … capped at 30 min). A right PIN
 * clears it. Kept per staff member in IndexedDB so a reload does not reset it.
 */
export interface LockoutState {
	/** Wrong PINs since the last right one or the last lockout. */
	readonly failures: number;
	/** Lockouts so far; each doubles the next. */
	readonly lockouts: number;
	/** Epoch ms until which sign-in is refused; 0 when not locked. */
	readonly lockedUntilMs: number;
}

export const MAX_PIN_FAILURES = 5;
export const FIRST_LOCKOUT_MS = 30_000;
export const MAX_LOCKOUT_MS = 30 * 60_000;

export const NO_LOCKOUT: LockoutState = { failures: 0, lockouts: 0, lockedUntilMs: 0 };

/** Milliseconds left on a lockout at `nowMs`; 0 when sign-in may be tried. */
export function lockoutRemainingMs(state: LockoutState, nowMs: number): number {
	return Math.max(0, state.lockedUntilMs - nowMs);
}

/** The state after a wrong PIN at `nowMs`: the fifth in a row locks, for twice as long as the last lock. */
export function afterFailure(state: LockoutState, nowMs: number): LockoutState {
	const failures = state.failures + 1;
	if (failures < MAX_PIN_FAILURES) return { ...state, failures };
	const ms = Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** state.lockouts);
	return { failures: 0, lockouts: state.lockouts + 1, lockedUntilMs: nowMs + ms };
}

/** A right PIN forgets every failure and lockout. */
export function afterSuccess(): LockoutState {
	return NO_LOCKOUT;
}
