import { describe, expect, test } from 'vitest';
import {
	actionOnControlling,
	canReloadNow,
	reloadButtonLabel,
	reloadStep
} from './reload-policy.ts';

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

describe('actionOnControlling', () => {
	test('reloads the page that asked for the update', () => {
		expect(
			actionOnControlling({ hasRequestedUpdate: true, hasReloaded: false, isUpdateWaiting: true })
		).toBe('reload');
	});

	test('reloads only once even if a worker takes over twice', () => {
		expect(
			actionOnControlling({ hasRequestedUpdate: true, hasReloaded: true, isUpdateWaiting: true })
		).toBe('ignore');
	});

	test('waits for the clerk when another tab took the update', () => {
		expect(
			actionOnControlling({ hasRequestedUpdate: false, hasReloaded: false, isUpdateWaiting: true })
		).toBe('await-clerk');
	});

	test('ignores the first install claiming the page', () => {
		expect(
			actionOnControlling({ hasRequestedUpdate: false, hasReloaded: false, isUpdateWaiting: false })
		).toBe('ignore');
	});
});

describe('reloadStep', () => {
	test('hands over to the waiting worker first', () => {
		expect(reloadStep({ isNewVersionInControl: false })).toBe('activate-waiting');
	});

	test('just reloads when another tab already handed over', () => {
		expect(reloadStep({ isNewVersionInControl: true })).toBe('reload');
	});
});
