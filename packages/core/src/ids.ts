import { DomainError } from './errors.ts';
import { id, uuid } from './wire/operations.ts';

/** Throws `invalid_input` naming `field` unless `value` is an id of 1 to 64 characters. */
export function assertId(value: string, field: string): void {
	if (!id.safeParse(value).success) {
		throw new DomainError(
			'invalid_input',
			`${field} must be 1 to 64 characters (got ${JSON.stringify(value)})`
		);
	}
}

/** Throws `invalid_input` naming `field` unless `value` is a UUID (the app makes UUIDv7s). */
export function assertUuid(value: string, field: string): void {
	if (!uuid.safeParse(value).success) {
		throw new DomainError(
			'invalid_input',
			`${field} must be a UUID (got ${JSON.stringify(value)})`
		);
	}
}

/**
 * `value` trimmed. Throws `invalid_input` naming `field` unless it is 1 to `max` characters once
 * trimmed (names, references, codes people type).
 */
export function requiredText(value: string, field: string, max: number): string {
	const trimmed = value.trim();
	if (trimmed === '' || trimmed.length > max) {
		throw new DomainError(
			'invalid_input',
			`${field} must be 1 to ${max} characters (got ${JSON.stringify(value)})`
		);
	}
	return trimmed;
}
