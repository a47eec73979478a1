import { z } from 'zod';

/* Input schemas of the label portal and the shop's side of it. Each message names its field. */

export const id = (field: string) =>
	z
		.string({ error: `${field} must be text` })
		.trim()
		.min(1, { error: `${field} must not be empty` })
		.max(64, { error: `${field} must be at most 64 characters` });

export const note = (field: string, max: number) =>
	z
		.string({ error: `${field} must be text` })
		.trim()
		.max(max, { error: `${field} must be at most ${max} characters` })
		.nullable()
		.transform((text) => (text === null || text === '' ? null : text));

export const email = z
	.string({ error: 'email must be text' })
	.trim()
	.max(254, { error: 'email must be at most 254 characters' })
	.pipe(z.email({ error: 'email must be an email address like name@label.example' }));

/** ≥ 10 characters; no other rules, so a long passphrase is the easy choice. */
export const newPassword = z
	.string({ error: 'password must be text' })
	.min(10, { error: 'password must be at least 10 characters' })
	.max(200, { error: 'password must be at most 200 characters' });

/** The password at sign-in: never trimmed, only bounded. */
export const password = z
	.string({ error: 'password must be text' })
	.min(1, { error: 'password must not be empty' })
	.max(200, { error: 'password must be at most 200 characters' });

/** An invite token from the link: 43 base64url characters. */
export const inviteToken = z
	.string({ error: 'token must be text' })
	.regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'token must be the code from the invite link' });

export const day = (field: string) =>
	z.string({ error: `${field} must be text` }).regex(/^\d{4}-\d{2}-\d{2}$/, {
		error: `${field} must be a date YYYY-MM-DD`
	});

export const period = z.object({ from: day('from'), to: day('to') });

export const copies = z
	.number({ error: 'quantity must be a number' })
	.int({ error: 'quantity must be a whole number' })
	.min(1, { error: 'quantity must be ≥ 1' })
	.max(10_000, { error: 'quantity must be ≤ 10000' });

export const returnTarget = z.object({
	kind: z.enum(['release', 'item'], { error: 'target.kind must be release or item' }),
	id: id('target.id')
});

export const payoutMethod = z.enum(['bank_transfer', 'cash', 'store_credit', 'other'], {
	error: 'method must be one of bank_transfer, cash, store_credit, other'
});

export const returnStatus = z.enum(['requested', 'accepted', 'packed', 'declined', 'cancelled'], {
	error: 'status must be one of requested, accepted, packed, declined, cancelled'
});
