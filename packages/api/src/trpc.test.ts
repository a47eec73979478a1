import { DomainError, type DomainErrorCode } from '@deadwax/core';
import { TRPCError } from '@trpc/server';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { createInnerContext } from './context.ts';
import { testContext } from './testing/index.ts';
import { createCallerFactory, procedure, router } from './trpc.ts';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createCaller } from './router.ts';

/** A router that throws whatever the test hands it, to see what the client gets. */
const probe = router({
	fail: procedure.input(z.object({ code: z.string() })).query(({ input }) => {
		throw new DomainError(input.code as DomainErrorCode, `refused: ${input.code}`);
	}),
	crash: procedure.query(() => {
		throw new Error('disk on fire');
	}),
	order: procedure
		.input(
			z.object({
				currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code like EUR' }),
				lines: z.array(z.object({ quantity: z.number().int().min(1, { error: 'must be ≥ 1' }) }))
			})
		)
		.mutation(() => 'ok')
});
const callProbe = createCallerFactory(probe);

async function caught(promise: Promise<unknown>): Promise<TRPCError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof TRPCError) return error;
		throw error;
	}
	throw new Error('expected the call to fail');
}

test.each([
	['invalid_input', 'BAD_REQUEST'],
	['not_found', 'NOT_FOUND'],
	['sale_closed', 'PRECONDITION_FAILED'],
	['conflict', 'CONFLICT'],
	['tender_short', 'UNPROCESSABLE_CONTENT'],
	['overpaid', 'UNPROCESSABLE_CONTENT'],
	['return_exceeds_sale', 'UNPROCESSABLE_CONTENT'],
	['manager_required', 'FORBIDDEN']
])('maps the domain error %s to %s and keeps its message and cause', async (code, trpcCode) => {
	const error = await caught(callProbe(testContext()).fail({ code }));
	expect(error.code).toBe(trpcCode);
	expect(error.message).toBe(`refused: ${code}`);
	expect(error.cause).toBeInstanceOf(DomainError);
});

test('leaves an unexpected error as INTERNAL_SERVER_ERROR with its cause', async () => {
	const error = await caught(callProbe(testContext()).crash());
	expect(error.code).toBe('INTERNAL_SERVER_ERROR');
	expect(error.cause?.message).toBe('disk on fire');
});

test('rejects bad input with BAD_REQUEST naming every field path and what it expected', async () => {
	const error = await caught(
		callProbe(testContext()).order({ currency: 'euro', lines: [{ quantity: 1 }, { quantity: 0 }] })
	);
	expect(error.code).toBe('BAD_REQUEST');
	expect(error.message).toBe(
		'currency: must be an ISO 4217 code like EUR; lines.1.quantity: must be ≥ 1'
	);
});

test('shops.byId names the field when the id is empty, and says which shop is missing', async () => {
	const caller = createCaller(testContext());
	const bad = await caught(caller.shops.byId({ id: '' }));
	expect(bad.code).toBe('BAD_REQUEST');
	expect(bad.message).toBe('id: id must not be empty');
	const missing = await caught(caller.shops.byId({ id: 'nope' }));
	expect(missing.code).toBe('NOT_FOUND');
	expect(missing.message).toBe('No shop with id nope');
});

test('shops.byId returns a shop from the stores in context', async () => {
	const ctx = testContext();
	await ctx.stores.shops.create({
		id: 'demo',
		name: 'Demo',
		currency: 'EUR',
		timezone: 'Europe/Berlin',
		taxMode: 'inclusive'
	});
	expect(await createCaller(createInnerContext(ctx)).shops.byId({ id: 'demo' })).toMatchObject({
		id: 'demo',
		currency: 'EUR',
		taxRounding: 'line'
	});
});

test('sends each zod issue to the client as zodIssues with its path and message', async () => {
	const input = encodeURIComponent(JSON.stringify({ id: '' }));
	const response = await fetchRequestHandler({
		endpoint: '/trpc',
		req: new Request(`http://localhost/trpc/shops.byId?input=${input}`),
		router: appRouter,
		createContext: () => testContext()
	});
	expect(response.status).toBe(400);
	const body = (await response.json()) as {
		error: { message: string; data: { zodIssues: unknown } };
	};
	expect(body.error.message).toBe('id: id must not be empty');
	expect(body.error.data.zodIssues).toEqual([{ path: ['id'], message: 'id must not be empty' }]);
});
