/** Characters per upload chunk: well under the server's 1,000,000 limit per call. */
export const CHUNK_CHARS = 512 * 1024;

/** `text` in consecutive slices of at most `size` characters; the server joins them back in order. */
export function splitForUpload(text: string, size = CHUNK_CHARS): string[] {
	if (text === '') return [''];
	const chunks: string[] = [];
	for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
	return chunks;
}
