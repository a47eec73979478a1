import { describe, expect, test } from 'vitest';
import { canReloadNow, reloadButtonLabel, shouldReloadOnControlling } from './reload-policy.ts';

describe('canReloadNow', () => {
	test('allows a reload when an update is waiting and no sale is open', () => {
		expect(canReloadNow({ isUpdateWaiting: true, saleInProgress: false })).toBe(true);
	});

	test('refuses a reload while a sale is in progress', () => {
		expect(canReloadNow({ isUpdateWaiting: true, saleInProgress: true })).toBe(false);
	});

	test('refuses a reload when no update is waiting', () => {
		expect(canReloadNow({ isUpdateWaiting: false, saleInProgress: false })).toBe(false);
	});
});

describe('reloadButtonLabel', () => {
	test('asks the clerk to finish the sale while one is open', () => {
		expect(reloadButtonLabel({ isUpdateWaiting: true, saleInProgress: true })).toBe(
			'Finish the sale first'
		);
	});

	test('offers the reload when no sale is open', () => {
		expect(reloadButtonLabel({ isUpdateWaiting: true, saleInProgress: false })).toBe('Reload now');
	});
});

describe('shouldReloadOnControlling', () => {
	test('reloads the page that asked for the update', () => {
		expect(shouldReloadOnControlling({ hasRequestedUpdate: true, hasReloaded: false })).toBe(true);
	});

	test('never reloads a page that did not ask, such as a register when another tab updated', () => {
		expect(shouldReloadOnControlling({ hasRequestedUpdate: false, hasReloaded: false })).toBe(
			false
		);
	});

	test('reloads only once even if the worker takes over twice', () => {
		expect(shouldReloadOnControlling({ hasRequestedUpdate: true, hasReloaded: true })).toBe(false);
	});
});
