import { TRPCClientError } from '@trpc/client';
import { describeOfficeError } from '../errors.ts';
import { officeSession } from './session.svelte.ts';

/**
 * Runs an office call. A refusal because the session is gone (FORBIDDEN: expired, signed out,
 * demoted) sends the office back to sign-in; any other failure is reported as words and gives
 * undefined. Nothing is swallowed.
 */
export async function attempt<T>(
	run: () => Promise<T>,
	report: (problem: string) => void
): Promise<T | undefined> {
	try {
		return await run();
	} catch (error) {
		if (
			error instanceof TRPCClientError &&
			(error.data as { code?: unknown } | undefined)?.code === 'FORBIDDEN'
		) {
			const message = error.message;
			if (message.startsWith('Sign in to the office')) {
				officeSession.ended();
				return undefined;
			}
		}
		report(describeOfficeError(error));
		return undefined;
	}
}
