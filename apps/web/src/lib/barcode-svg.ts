import type { toSVG } from 'bwip-js/browser';

export type BarcodeOptions = Parameters<typeof toSVG>[0];

/**
 * SVG markup of a barcode. bwip-js is about 250 KB gzipped, so it is loaded on first use rather
 * than with the sell screen; the service worker precaches the chunk, so this works offline too.
 */
export async function barcodeSvg(options: BarcodeOptions): Promise<string> {
	const bwip = await import('bwip-js/browser');
	return bwip.toSVG(options);
}
