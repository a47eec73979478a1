import {
	consignmentReceivedSchema,
	consignmentReturnedSchema,
	MEDIA_GRADES,
	SLEEVE_GRADES,
	stockCountedSchema,
	stockReceivedSchema
} from '@deadwax/core';
import { RELEASE_FORMATS } from '@deadwax/core/discogs';
import { z } from 'zod';

/* Input schemas of the office procedures. Each message names its field; see trpc.ts for how the
 * issues reach the client. */

export const text = (field: string, max: number) =>
	z
		.string({ error: `${field} must be text` })
		.trim()
		.min(1, { error: `${field} must not be empty` })
		.max(max, { error: `${field} must be at most ${max} characters` });

export const optionalText = (field: string, max: number) =>
	z
		.string({ error: `${field} must be text` })
		.trim()
		.max(max, { error: `${field} must be at most ${max} characters` })
		.nullable();

export const entityId = (field: string) => text(field, 64);

export const cents = (field: string) =>
	z
		.number({ error: `${field} must be a number of cents` })
		.int({ error: `${field} must be a whole number of cents` })
		.min(0, { error: `${field} must be ≥ 0` })
		.max(100_000_000_00, { error: `${field} is too large` });

export const limit = (max: number, fallback: number) =>
	z
		.number({ error: 'limit must be a number' })
		.int({ error: 'limit must be a whole number' })
		.min(1, { error: 'limit must be ≥ 1' })
		.max(max, { error: `limit must be ≤ ${max}` })
		.default(fallback);

export const businessDay = (field: string) =>
	z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${field} must be a date YYYY-MM-DD` });

export const releaseFieldsSchema = z.object({
	artist: text('artist', 300),
	title: text('title', 300),
	label: optionalText('label', 200),
	catno: optionalText('catno', 100),
	format: z.enum(RELEASE_FORMATS, { error: `format must be one of ${RELEASE_FORMATS.join(', ')}` }),
	year: z
		.number({ error: 'year must be a number' })
		.int({ error: 'year must be a whole number' })
		.min(1877, { error: 'year must be 1877 or later' })
		.max(2100, { error: 'year must be 2100 or earlier' })
		.nullable(),
	discogsReleaseId: z
		.number({ error: 'discogsReleaseId must be a number' })
		.int({ error: 'discogsReleaseId must be a whole number' })
		.min(1, { error: 'discogsReleaseId must be ≥ 1' })
		.nullable(),
	genres: z.array(text('genres', 60)).max(20, { error: 'genres: at most 20' }),
	barcodes: z.array(text('barcodes', 40)).max(20, { error: 'barcodes: at most 20 per release' })
});

const gradeText = (field: string, values: readonly string[]) =>
	z
		.string({ error: `${field} must be text` })
		.trim()
		.max(40, { error: `${field} is too long` })
		.nullable()
		.describe(`one of ${values.join(', ')}`);

export const itemFieldsSchema = z.object({
	releaseId: entityId('releaseId').nullable(),
	title: optionalText('title', 300),
	kind: z.enum(['new', 'used'], { error: 'kind must be new or used' }),
	priceCents: cents('priceCents'),
	costCents: cents('costCents').nullable(),
	taxClassId: entityId('taxClassId'),
	mediaGrade: gradeText('mediaGrade', MEDIA_GRADES),
	sleeveGrade: gradeText('sleeveGrade', SLEEVE_GRADES),
	bin: optionalText('bin', 50),
	genre: optionalText('genre', 60),
	labelId: entityId('labelId').nullable(),
	notes: optionalText('notes', 2000),
	status: z.enum(['active', 'sold', 'returned_to_label', 'archived'], {
		error: 'status must be active, sold, returned_to_label or archived'
	})
});

export const version = z
	.number({ error: 'version must be a number' })
	.int({ error: 'version must be a whole number' })
	.min(1, { error: 'version must be ≥ 1' });

/** The office's stock documents are the device ops' payloads without `by`: the session says who. */
export const receiveInputSchema = stockReceivedSchema.omit({ by: true });
export const countInputSchema = stockCountedSchema.omit({ by: true });
export const consignInInputSchema = consignmentReceivedSchema.omit({ by: true });
export const returnToLabelInputSchema = consignmentReturnedSchema.omit({ by: true });

const note = z
	.string({ error: 'note must be text' })
	.trim()
	.max(500, { error: 'note must be at most 500 characters' })
	.optional();

export const reviewResolutionSchema = z.discriminatedUnion(
	'action',
	[
		z.object({
			action: z.literal('recount'),
			countedQty: z
				.number({ error: 'countedQty must be a number' })
				.int({ error: 'countedQty must be a whole number' })
				.min(0, { error: 'countedQty must be ≥ 0' }),
			note
		}),
		z.object({ action: z.literal('accept_negative'), note }),
		z.object({ action: z.literal('mark_found'), note }),
		z.object({ action: z.literal('link_item'), itemId: entityId('itemId'), note }),
		z.object({ action: z.literal('create_item'), fields: itemFieldsSchema, note }),
		z.object({ action: z.literal('acknowledge'), note })
	],
	{
		error:
			'action must be recount, accept_negative, mark_found, link_item, create_item or acknowledge'
	}
);

export const staffRoleSchema = z.enum(['clerk', 'manager', 'owner'], {
	error: 'role must be clerk, manager or owner'
});
export const pinSchema = z
	.string({ error: 'pin must be text' })
	.regex(/^\d{4,8}$/, { error: 'pin must be 4 to 8 digits' });
