import { describe, expect, test } from 'vitest';
import {
	afterFailure,
	afterSuccess,
	lockoutRemainingMs,
	NO_LOCKOUT,
	type LockoutState
} from './pin-lockout.ts';

function fail(times: number, from: LockoutState = NO_LOCKOUT, at = 0): LockoutState {
	let state = from;
	for (let i = 0; i < times; i++) state = afterFailure(state, at);
	return state;
}

describe('PIN lockout', () => {
	test('four wrong PINs do not lock; the fifth locks for 30 seconds', () => {
		expect(lockoutRemainingMs(fail(4), 0)).toBe(0);
		expect(lockoutRemainingMs(fail(5), 0)).toBe(30_000);
	});

	test('each later lockout lasts twice as long, up to 30 minutes', () => {
		const second = fail(5, fail(5));
		expect(lockoutRemainingMs(second, 0)).toBe(60_000);
		let state = NO_LOCKOUT;
		for (let i = 0; i < 12; i++) state = fail(5, state);
		expect(lockoutRemainingMs(state, 0)).toBe(30 * 60_000);
	});

	test('a right PIN clears failures and lockouts', () => {
		expect(afterSuccess()).toEqual(NO_LOCKOUT);
	});

	test('the lockout runs out with time', () => {
		expect(lockoutRemainingMs(fail(5, NO_LOCKOUT, 1_000), 31_000)).toBe(0);
	});
});
