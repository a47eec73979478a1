import { z } from 'zod';
import { managerProcedure, router } from '../../trpc.ts';
import { entityId } from './schemas.ts';

/** One chunk of an upload: large enough to keep round trips few, small enough to show progress. */
export const MAX_CHUNK_CHARS = 1_000_000;

/**
 * Progress of imports being committed on this server, by upload id. An import runs in one
 * transaction in this process, so the map lives here; the browser polls `progress` meanwhile.
 */
const running = new Map<string, { done: number; total: number }>();

export const discogsRouter = router({
	/** Starts a chunked upload of a Discogs inventory export. */
	startUpload: managerProcedure
		.input(
			z.object({
				chunkCount: z
					.number({ error: 'chunkCount must be a number' })
					.int({ error: 'chunkCount must be a whole number' })
					.min(1, { error: 'chunkCount must be ≥ 1' })
					.max(400, { error: 'chunkCount must be ≤ 400 (a file of at most 400 MB)' })
			})
		)
		.mutation(({ ctx, input }) =>
			ctx.stores.office.discogs.startUpload({ actor: ctx.actor, chunkCount: input.chunkCount })
		),

	putChunk: managerProcedure
		.input(
			z.object({
				uploadId: entityId('uploadId'),
				index: z.number().int().min(0, { error: 'index must be ≥ 0' }),
				text: z.string().max(MAX_CHUNK_CHARS, {
					error: `text must be at most ${MAX_CHUNK_CHARS} characters per chunk`
				})
			})
		)
		.mutation(async ({ ctx, input }) => {
			await ctx.stores.office.discogs.putChunk({ actor: ctx.actor, ...input });
			return { index: input.index };
		}),

	/**
	 * Imports the uploaded file all or nothing. Returns `{ ok: false, problems }` listing every bad
	 * row and column when the file has any; then nothing changed.
	 */
	commitUpload: managerProcedure
		.input(z.object({ uploadId: entityId('uploadId') }))
		.mutation(async ({ ctx, input }) => {
			running.set(input.uploadId, { done: 0, total: 0 });
			try {
				return await ctx.stores.office.discogs.commitUpload({
					actor: ctx.actor,
					uploadId: input.uploadId,
					onProgress: (done, total) => running.set(input.uploadId, { done, total })
				});
			} finally {
				running.delete(input.uploadId);
			}
		}),

	/** How far a running commit is; null once it finished (or before it started). */
	progress: managerProcedure
		.input(z.object({ uploadId: entityId('uploadId') }))
		.query(({ input }) => running.get(input.uploadId) ?? null),

	/** The shop's used stock in the Discogs inventory export format, byte for byte. */
	export: managerProcedure.query(async ({ ctx }) => ({
		fileName: `discogs-inventory-${ctx.actor.shopId}-${ctx.clock.now().toISOString().slice(0, 10)}.csv`,
		text: await ctx.stores.office.discogs.exportText(ctx.actor.shopId)
	}))
});
