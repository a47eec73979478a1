import { DomainError } from '@deadwax/core';
import { TRPCError } from '@trpc/server';
import { expect, test } from 'vitest';
import type { Session } from '../../context.ts';
import { createCaller } from '../../router.ts';
import { memoryStores, recordingOfficeStores, testContext } from '../../testing/index.ts';

const MANAGER: Session = { kind: 'staff', shopId: 'kreuzberg', staffId: 'mika', role: 'manager' };
const CLERK: Session = { kind: 'staff', shopId: 'kreuzberg', staffId: 'cleo', role: 'clerk' };
const DOCUMENT_ID = '01950000-0000-7000-8000-000000000001';

function office(auth: Session, answers: Parameters<typeof recordingOfficeStores>[0] = {}) {
	const { stores, calls } = recordingOfficeStores(answers);
	const caller = createCaller(testContext({ auth, stores: { ...memoryStores(), office: stores } }));
	return { caller, calls };
}

async function caught(promise: Promise<unknown>): Promise<TRPCError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof TRPCError) return error;
		throw error;
	}
	throw new Error('expected the call to fail');
}

test('refuses every office procedure to a signed-out caller and to a clerk, touching no store', async () => {
	for (const [auth, message] of [
		[{ kind: 'anonymous' }, 'Sign in to the office as a manager or owner first'],
		[CLERK, 'The office needs a manager or owner; a clerk cannot use it'],
		[
			{ kind: 'device', shopId: 'kreuzberg', deviceId: 'k1' },
			'Sign in to the office as a manager or owner first'
		],
		[
			{ kind: 'label', labelId: 'svek', accountId: 'svek-login' },
			'Sign in to the office as a manager or owner first'
		]
	] as const) {
		const { caller, calls } = office(auth);
		const error = await caught(caller.office.catalog.lists());
		expect([error.code, error.message]).toEqual(['FORBIDDEN', message]);
		await expect(caller.office.staff.list()).rejects.toThrow(message);
		await expect(caller.office.discogs.export()).rejects.toThrow(message);
		expect(calls).toEqual([]);
	}
});

test('acts for the shop and staff member of the session, never for ids in the input', async () => {
	const { caller, calls } = office(MANAGER);
	await caller.office.stock.receive({
		documentId: DOCUMENT_ID,
		supplier: 'Cargo Records',
		reference: 'DN-4711',
		lines: [{ itemId: 'item-1', quantity: 3, costCents: 1100 }]
	});
	await caller.office.catalog.items({ search: 'svek' });
	expect(calls).toEqual([
		{
			method: 'stock.receive',
			input: {
				actor: { shopId: 'kreuzberg', staffId: 'mika', role: 'manager' },
				receipt: {
					documentId: DOCUMENT_ID,
					supplier: 'Cargo Records',
					reference: 'DN-4711',
					lines: [{ itemId: 'item-1', quantity: 3, costCents: 1100 }]
				}
			}
		},
		{
			method: 'catalog.listItems',
			input: { shopId: 'kreuzberg', search: 'svek', limit: 50, offset: 0 }
		}
	]);
});

test('refuses bad input naming each field and calls no store', async () => {
	const { caller, calls } = office(MANAGER);
	const error = await caught(
		caller.office.stock.receive({
			documentId: 'not-a-uuid',
			supplier: ' ',
			reference: null,
			lines: [{ itemId: 'item-1', quantity: 0, costCents: -5 }]
		})
	);
	expect(error.code).toBe('BAD_REQUEST');
	expect(error.message).toBe(
		'documentId: must be a UUID; supplier: supplier must not be empty; lines.0.quantity: quantity must be ≥ 1; lines.0.costCents: must be ≥ 0'
	);
	await expect(
		caller.office.stock.count({
			documentId: DOCUMENT_ID,
			bin: 'A1',
			reason: '',
			cursor: 3,
			lines: []
		})
	).rejects.toThrow(
		'reason: reason must say why the stock changed; lines: a count needs at least one line'
	);
	await expect(
		caller.office.staff.create({ name: 'Pat', role: 'manager', pin: '12a4' })
	).rejects.toThrow('pin: pin must be 4 to 8 digits');
	expect(calls).toEqual([]);
});

test('passes a stale edit refusal through as CONFLICT with its message', async () => {
	const stale =
		'Ola Owner changed this item after you opened it (you edited version 1, it is now version 2): price is now 14.99 EUR. Nothing was saved; reload to edit the current version.';
	const { caller } = office(MANAGER, {
		'catalog.updateItem': () => {
			throw new DomainError('conflict', stale);
		}
	});
	const error = await caught(
		caller.office.catalog.updateItem({
			itemId: 'item-1',
			version: 1,
			fields: {
				releaseId: null,
				title: 'Tote bag',
				kind: 'new',
				priceCents: 1500,
				costCents: null,
				taxClassId: 'merch',
				mediaGrade: null,
				sleeveGrade: null,
				bin: null,
				genre: null,
				labelId: null,
				notes: null,
				status: 'active'
			}
		})
	);
	expect([error.code, error.message]).toEqual(['CONFLICT', stale]);
});

test('tells the browser who is signed in, and nobody for a clerk', async () => {
	const { caller } = office(MANAGER, {
		'staff.list': () => [
			{
				id: 'mika',
				name: 'Mika Manager',
				role: 'manager',
				isActive: true,
				isLocked: false,
				updatedAt: ''
			}
		]
	});
	expect(await caller.office.session.me()).toEqual({
		shopId: 'kreuzberg',
		shopName: 'kreuzberg',
		staffId: 'mika',
		name: 'Mika Manager',
		role: 'manager'
	});
	expect(await office(CLERK).caller.office.session.me()).toBeNull();
	expect(await office({ kind: 'anonymous' }).caller.office.session.me()).toBeNull();
});

test('shows the progress of a running Discogs import and nothing once it is done', async () => {
	let finish: (value: unknown) => void = () => undefined;
	let reported: () => void = () => undefined;
	const hasReported = new Promise<void>((resolve) => (reported = resolve));
	const { caller } = office(MANAGER, {
		'discogs.commitUpload': (input) => {
			const { onProgress } = input as { onProgress: (done: number, total: number) => void };
			onProgress(400, 1000);
			reported();
			return new Promise((resolve) => (finish = resolve));
		}
	});
	const committing = caller.office.discogs.commitUpload({ uploadId: 'up-1' });
	await hasReported;
	expect(await caller.office.discogs.progress({ uploadId: 'up-1' })).toEqual({
		done: 400,
		total: 1000
	});
	finish({
		ok: true,
		listings: 1000,
		created: 1000,
		updated: 0,
		unchanged: 0,
		releasesCreated: 900
	});
	await expect(committing).resolves.toMatchObject({ ok: true, created: 1000 });
	expect(await caller.office.discogs.progress({ uploadId: 'up-1' })).toBeNull();
});
