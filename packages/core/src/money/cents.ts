import { DomainError } from '../errors.ts';

/** True when `value` is a whole, safe number of minor units (may be negative). */
export function isCents(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Throws `invalid_input` naming `field` unless `value` is a whole number of minor units ≥ `min`
 * (default 0). Use it where amounts enter core from a caller.
 */
export function assertCents(value: number, field: string, min = 0): void {
	if (!isCents(value)) {
		throw new DomainError(
			'invalid_input',
			`${field} must be a whole number of minor units (cents) (got ${String(value)})`
		);
	}
	if (value < min) {
		throw new DomainError('invalid_input', `${field} must be ≥ ${min} (got ${value})`);
	}
}

/** Throws `invalid_input` naming `field` unless `value` is a whole number in [min, max]. */
export function assertWholeNumber(value: number, field: string, min: number, max: number): void {
	if (!Number.isSafeInteger(value) || value < min || value > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
		throw new DomainError(
			'invalid_input',
			`${field} must be a whole number ${range} (got ${String(value)})`
		);
	}
}
