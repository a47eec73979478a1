import { DomainError, type DomainErrorCode } from '@deadwax/core';
import { TRPCClientError } from '@trpc/client';

// A Record, so a new DomainErrorCode fails to compile until it has words here.
const CASHIER_TEXT: Record<DomainErrorCode, string> = {
	invalid_input: 'Please check what was entered.',
	not_found: 'That is not on this register.',
	sale_closed: 'This sale is already closed. Start a new sale.',
	conflict: 'That is already in this sale.',
	tender_short: 'The payment does not cover the total yet.',
	overpaid: 'Only cash can be more than the amount due.',
	return_exceeds_sale: 'That is more than was sold on this receipt.',
	manager_required: 'A manager needs to approve this.'
};

/** tRPC error codes the server sends, in words a cashier or manager can act on. */
const SERVER_TEXT: Record<string, string> = {
	UNAUTHORIZED: 'Please sign in again.',
	FORBIDDEN: 'You are not allowed to do that.',
	NOT_FOUND: 'That could not be found on the shop server.',
	CONFLICT: 'Someone else changed this at the same time. Reload it and try again.',
	PRECONDITION_FAILED: 'That cannot be done in its current state.',
	TOO_MANY_REQUESTS: 'Too many attempts. Wait a moment and try again.',
	INTERNAL_SERVER_ERROR:
		'The shop server hit a problem. Try again; if it keeps happening, tell the manager.'
};

/** Shown whenever the shop server cannot be reached at all. */
export const UNREACHABLE_TEXT =
	"Can't reach the shop server. Check the network; the register keeps working offline.";

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Core's message as a sentence after `generic`, keeping only what `generic` does not already say:
 * a clause ("…; start a new sale") whose every word is in `generic` is dropped, and so is the
 * whole message when nothing is left. Core writes lower-case clauses ("cash tendered €20.00 is
 * short of the €24.99 due in cash"); the first word is capitalised unless it is an identifier.
 */
function withDetail(generic: string, message: string): string {
	const known = new Set(words(generic));
	const detail = message
		.split(';')
		.map((clause) => clause.trim())
		.filter((clause) => words(clause).some((word) => !known.has(word)))
		.join('; ');
	if (detail === '') return generic;
	const capitalised = /^[a-z]+\b/u.test(detail)
		? detail.charAt(0).toUpperCase() + detail.slice(1)
		: detail;
	const sentence = /[.!?]$/u.test(capitalised) ? capitalised : `${capitalised}.`;
	return `${generic} ${sentence}`;
}

/**
 * Turns any error the app meets into one message for the person at the screen. The only such
 * map: screens show what this returns and never invent their own wording. A domain error reads
 * as the plain sentence for its code, then what core said about this case (how much cash is
 * short, which line has fewer copies left to return) when that adds anything.
 */
export function describeError(error: unknown): string {
	if (error instanceof DomainError) return withDetail(CASHIER_TEXT[error.code], error.message);
	if (error instanceof TRPCClientError) {
		const code = (error.data as { code?: unknown } | undefined)?.code;
		if (typeof code !== 'string') return UNREACHABLE_TEXT; // no tRPC payload: the request never got an answer
		// The server writes BAD_REQUEST messages for people, naming each field that was wrong, and
		// TOO_MANY_REQUESTS ones saying when to try again.
		if (code === 'BAD_REQUEST' || code === 'TOO_MANY_REQUESTS') return error.message;
		return SERVER_TEXT[code] ?? error.message;
	}
	// Dexie rethrows IndexedDB's quota error under the same name.
	if (error instanceof Error && error.name === 'QuotaExceededError') {
		return 'This tablet is out of storage space. Free some space before carrying on.';
	}
	if (error instanceof Error) return error.message;
	return String(error);
}
