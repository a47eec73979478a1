import { DomainError, type DomainErrorCode } from '@deadwax/core';
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { Context } from './context.ts';

// A Record, so a new DomainErrorCode fails to compile until it is mapped here.
const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
	invalid_input: 'BAD_REQUEST',
	not_found: 'NOT_FOUND',
	sale_closed: 'PRECONDITION_FAILED',
	conflict: 'CONFLICT',
	tender_short: 'UNPROCESSABLE_CONTENT',
	overpaid: 'UNPROCESSABLE_CONTENT',
	return_exceeds_sale: 'UNPROCESSABLE_CONTENT',
	manager_required: 'FORBIDDEN'
};

/** One validation problem as the client sees it: where (`["lines", 0, "quantity"]`) and what. */
export interface InputIssue {
	path: (string | number)[];
	message: string;
}

interface IssueLike {
	path?: readonly PropertyKey[] | undefined;
	message: string;
}

/** The issues of a zod (or any Standard Schema) failure, or null when `error` is not one. */
function issuesOf(error: unknown): InputIssue[] | null {
	if (typeof error !== 'object' || error === null || !('issues' in error)) return null;
	const issues: unknown = error.issues;
	if (!Array.isArray(issues)) return null;
	return (issues as IssueLike[]).map((issue) => ({
		path: (issue.path ?? []).map((p) => (typeof p === 'number' ? p : String(p))),
		message: issue.message
	}));
}

/** `lines.0.quantity: must be ≥ 1; currency: must be an ISO 4217 code like EUR`. */
export function describeIssues(issues: readonly InputIssue[]): string {
	return issues
		.map(({ path, message }) => `${path.length > 0 ? path.join('.') : 'input'}: ${message}`)
		.join('; ');
}

const t = initTRPC.context<Context>().create({
	errorFormatter({ shape, error }) {
		return { ...shape, data: { ...shape.data, zodIssues: issuesOf(error.cause) } };
	}
});

const domainErrors = t.middleware(async ({ next }) => {
	const result = await next();
	const cause = result.ok ? undefined : result.error.cause;
	if (cause instanceof DomainError) {
		throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
	}
	const issues = issuesOf(cause);
	if (issues !== null) {
		// zod's own message is a JSON dump; name each field instead.
		throw new TRPCError({ code: 'BAD_REQUEST', message: describeIssues(issues), cause });
	}
	return result; // anything else stays an INTERNAL_SERVER_ERROR with its cause attached
});

export const router = t.router;
export const procedure = t.procedure.use(domainErrors);
export const createCallerFactory = t.createCallerFactory;

/**
 * The office: a signed-in manager or owner of one shop. `ctx.actor` is who acts, taken from the
 * session, never from input; anyone else gets `manager_required` (FORBIDDEN), signed out or a clerk.
 */
export const managerProcedure = procedure.use(({ ctx, next }) => {
	const auth = ctx.auth;
	if (auth.kind !== 'staff' || (auth.role !== 'manager' && auth.role !== 'owner')) {
		throw new TRPCError({
			code: TRPC_CODE.manager_required,
			message:
				auth.kind === 'staff'
					? 'The office needs a manager or owner; a clerk cannot use it'
					: 'Sign in to the office as a manager or owner first'
		});
	}
	return next({ ctx: { actor: { shopId: auth.shopId, staffId: auth.staffId, role: auth.role } } });
});

/**
 * The label portal: a signed-in label. `ctx.labelId` comes from the session, never from input, and
 * every store call of a label procedure is scoped by it; anyone else gets UNAUTHORIZED.
 */
export const labelProcedure = procedure.use(({ ctx, next }) => {
	const auth = ctx.auth;
	if (auth.kind !== 'label') {
		throw new TRPCError({
			code: 'UNAUTHORIZED',
			message: 'Sign in to the label portal first'
		});
	}
	return next({ ctx: { viewer: { labelId: auth.labelId, accountId: auth.accountId } } });
});
