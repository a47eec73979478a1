import { api } from '$lib/api.ts';
import { downloadText } from '../download.ts';
import { describeOfficeError } from '../errors.ts';
import { splitForUpload } from '../upload.ts';
import { attempt } from './attempt.ts';

type Outcome = Awaited<ReturnType<typeof api.office.discogs.commitUpload.mutate>>;

/** How often the bar asks the server how far a running import is. */
const POLL_MS = 300;

/**
 * The Discogs import: the file goes up in chunks (the bar shows the upload), then the server
 * imports it in one transaction (the bar shows listings written, polled). All or nothing: a bad
 * file comes back as every bad row and column, and nothing changed.
 */
export class DiscogsImport {
	phase = $state<'idle' | 'reading' | 'uploading' | 'importing' | 'done'>('idle');
	/** 0 to 1 across the whole import: upload is the first half, writing the second. */
	progress = $state(0);
	detail = $state('');
	outcome = $state.raw<Outcome | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	fileName = $state('');

	get isBusy(): boolean {
		return this.phase === 'reading' || this.phase === 'uploading' || this.phase === 'importing';
	}

	async import(file: File): Promise<void> {
		this.outcome = undefined;
		this.problem = undefined;
		this.fileName = file.name;
		this.phase = 'reading';
		this.progress = 0;
		try {
			const chunks = splitForUpload(await file.text());
			this.phase = 'uploading';
			const started = await attempt(
				() => api.office.discogs.startUpload.mutate({ chunkCount: chunks.length }),
				(p) => (this.problem = p)
			);
			if (started === undefined) return this.#stop();
			for (const [index, text] of chunks.entries()) {
				this.detail = `Sending ${file.name}: part ${index + 1} of ${chunks.length}`;
				const sent = await attempt(
					() => api.office.discogs.putChunk.mutate({ uploadId: started.uploadId, index, text }),
					(p) => (this.problem = p)
				);
				if (sent === undefined) return this.#stop();
				this.progress = ((index + 1) / chunks.length) * 0.5;
			}
			this.phase = 'importing';
			this.detail = 'Checking every row, then importing…';
			let isRunning = true;
			const poll = async (): Promise<void> => {
				while (isRunning) {
					await new Promise((resolve) => setTimeout(resolve, POLL_MS));
					const progress = await api.office.discogs.progress
						.query({ uploadId: started.uploadId })
						.catch(() => null);
					if (isRunning && progress !== null && progress.total > 0) {
						this.progress = 0.5 + (progress.done / progress.total) * 0.5;
						this.detail = `Imported ${progress.done} of ${progress.total} listings`;
					}
				}
			};
			const polling = poll();
			const outcome = await attempt(
				() => api.office.discogs.commitUpload.mutate({ uploadId: started.uploadId }),
				(p) => (this.problem = p)
			);
			isRunning = false;
			await polling;
			if (outcome === undefined) return this.#stop();
			this.outcome = outcome;
			this.progress = 1;
			this.detail = '';
			this.phase = 'done';
		} catch (error) {
			this.problem = describeOfficeError(error);
			this.#stop();
		}
	}

	#stop(): void {
		this.phase = 'idle';
		this.detail = '';
	}
}

/** Downloads the shop's used stock as a Discogs inventory export. */
export async function exportDiscogs(report: (problem: string) => void): Promise<void> {
	const file = await attempt(() => api.office.discogs.export.query(), report);
	if (file !== undefined) downloadText(file.fileName, file.text);
}
