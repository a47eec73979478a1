/**
 * A broken invariant: a programmer error, never bad input. Let it crash loudly; bad input
 * gets a DomainError instead.
 */
export class InvariantError extends Error {
	override readonly name = 'InvariantError';
}

/** Throws InvariantError(`why`) unless `condition` holds. `why` says why it must hold. */
export function assert(condition: unknown, why: string): asserts condition {
	if (!condition) throw new InvariantError(why);
}

/** Returns `value`, or throws InvariantError naming `what` was missing when null/undefined. */
export function must<T>(value: T | null | undefined, what: string): T {
	if (value === null || value === undefined) throw new InvariantError(`missing: ${what}`);
	return value;
}
