import { DOMAIN_ERROR_CODES, DomainError } from '@deadwax/core';
import { TRPCClientError } from '@trpc/client';
import { expect, test } from 'vitest';
import { describeError, UNREACHABLE_TEXT } from './errors.ts';

function serverError(code: string, message: string) {
	return TRPCClientError.from({ error: { message, code: -32600, data: { code } } });
}

test('says the server cannot be reached when a request got no tRPC answer', () => {
	const offline = TRPCClientError.from(new TypeError('Failed to fetch'));
	expect(describeError(offline)).toBe(UNREACHABLE_TEXT);
});

test('passes on the field-by-field message of a BAD_REQUEST', () => {
	const error = serverError('BAD_REQUEST', 'name: must not be empty');
	expect(describeError(error)).toBe('name: must not be empty');
});

test('passes on when to try again after too many sign-in attempts', () => {
	const error = serverError(
		'TOO_MANY_REQUESTS',
		'Too many failed sign-ins for this email; try again in 12 minutes (after 14:05 UTC)'
	);
	expect(describeError(error)).toBe(
		'Too many failed sign-ins for this email; try again in 12 minutes (after 14:05 UTC)'
	);
});

test('puts a server-side failure into words instead of showing its internals', () => {
	const error = serverError('INTERNAL_SERVER_ERROR', 'SQLITE_BUSY: database is locked');
	expect(describeError(error)).toBe(
		'The shop server hit a problem. Try again; if it keeps happening, tell the manager.'
	);
});

test('names a full disk on the tablet', () => {
	const quota = new Error('quota');
	quota.name = 'QuotaExceededError';
	expect(describeError(quota)).toBe(
		'This tablet is out of storage space. Free some space before carrying on.'
	);
});

test('puts each domain error into words for the clerk, keeping the field for bad input', () => {
	const badInput = new DomainError('invalid_input', 'quantity must be ≥ 1 (got 0)');
	expect(describeError(badInput)).toBe(
		'Please check what was entered. quantity must be ≥ 1 (got 0)'
	);
	expect(describeError(new DomainError('manager_required', 'no receipt'))).toBe(
		'A manager needs to approve this.'
	);
});

test('has words for every domain error code', () => {
	for (const code of DOMAIN_ERROR_CODES) {
		const text = describeError(new DomainError(code, `internal detail for ${code}`));
		expect(text, code).not.toBe('');
		expect(text, code).not.toContain(code === 'invalid_input' ? 'never' : 'internal detail');
	}
});
