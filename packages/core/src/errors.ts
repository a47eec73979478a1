/**
 * Every failure the domain reports on purpose. Add the code here before throwing a new kind;
 * packages/api and apps/web map each one, so a new code fails their build until it is handled.
 */
export type DomainErrorCode =
	| 'invalid_input'
	| 'not_found'
	| 'sale_closed'
	| 'conflict'
	| 'tender_short'
	| 'overpaid'
	| 'return_exceeds_sale'
	| 'manager_required';

/** Every code, for exhaustive maps and tests. */
export const DOMAIN_ERROR_CODES: readonly DomainErrorCode[] = [
	'invalid_input',
	'not_found',
	'sale_closed',
	'conflict',
	'tender_short',
	'overpaid',
	'return_exceeds_sale',
	'manager_required'
];

/**
 * A failure the domain expects (bad input, a rule refused). The message names the field, what
 * was expected and what arrived; `code` is what boundaries translate.
 */
export class DomainError extends Error {
	override readonly name = 'DomainError';
	readonly code: DomainErrorCode;

	constructor(code: DomainErrorCode, message: string, options?: ErrorOptions) {
		super(message, options);
		this.code = code;
	}
}

/** True when `error` is a DomainError, optionally with the given code. */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
	return error instanceof DomainError && (code === undefined || error.code === code);
}
