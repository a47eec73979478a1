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

test('puts a domain error into words and adds what core said about this case', () => {
	expect(
		describeError(
			new DomainError(
				'tender_short',
				'cash tendered 20.00 EUR is short of the 24.99 EUR due in cash'
			)
		)
	).toBe(
		'The payment does not cover the total yet. Cash tendered 20.00 EUR is short of the 24.99 EUR due in cash.'
	);
	expect(
		describeError(
			new DomainError(
				'return_exceeds_sale',
				'Sade – Diamond Life (LP) has 1 left to return (sold 2, returned 1 before); asked for 2'
			)
		)
	).toBe(
		'That is more than was sold on this receipt. Sade – Diamond Life (LP) has 1 left to return (sold 2, returned 1 before); asked for 2.'
	);
	expect(describeError(new DomainError('invalid_input', 'quantity must be ≥ 1 (got 0)'))).toBe(
		'Please check what was entered. Quantity must be ≥ 1 (got 0).'
	);
});

test('keeps core’s spelling of an identifier and its own full stop', () => {
	expect(
		describeError(new DomainError('invalid_input', 'voucherCode must be 1 to 64 characters.'))
	).toBe('Please check what was entered. voucherCode must be 1 to 64 characters.');
});

test('says a thing once when core’s message only repeats the plain sentence', () => {
	expect(
		describeError(new DomainError('manager_required', 'A manager needs to approve this'))
	).toBe('A manager needs to approve this.');
	expect(describeError(new DomainError('conflict', 'that is already in this sale!'))).toBe(
		'That is already in this sale.'
	);
	// Only the repeated clause goes; the part that tells the clerk more stays.
	expect(
		describeError(new DomainError('sale_closed', 'sale K7-000012 was voided; start a new sale'))
	).toBe('This sale is already closed. Start a new sale. Sale K7-000012 was voided.');
});

test('has words for every domain error code, followed by core’s detail', () => {
	for (const code of DOMAIN_ERROR_CODES) {
		const text = describeError(new DomainError(code, `internal detail for ${code}`));
		expect(text, code).toMatch(/^[A-Z].*\. Internal detail for [a-z_]+\.$/u);
	}
});
