import { TRPCClientError } from '@trpc/client';
import { describeError } from '$lib/errors.ts';

/**
 * describeError for the office, except that a refused stale edit (CONFLICT) keeps the server's
 * message: it says who changed what to which value, which is what the manager needs to decide.
 */
export function describeOfficeError(error: unknown): string {
	if (error instanceof TRPCClientError) {
		const code = (error.data as { code?: unknown } | undefined)?.code;
		if (code === 'CONFLICT') return error.message;
	}
	return describeError(error);
}

/** True when the request never got an answer: offline, or the server is down. */
export function isUnreachable(error: unknown): boolean {
	if (error instanceof TRPCClientError) {
		return typeof (error.data as { code?: unknown } | undefined)?.code !== 'string';
	}
	return error instanceof TypeError;
}
