/**
 * Reads barcodes from camera frames: the browser's BarcodeDetector where it exists (Chrome on
 * Android, ChromeOS, macOS), else zxing-wasm. The wasm file is bundled with the app and precached
 * by the service worker, never fetched from a CDN, so the fallback works offline too.
 */

/** The formats a record shop meets: EAN/UPC on sleeves, Code 128 on receipts and shelf tags. */
const FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128'];

export interface FrameReader {
	/** 'native' (BarcodeDetector) or 'zxing' (the wasm fallback). */
	readonly engine: 'native' | 'zxing';
	read(frame: ImageData): Promise<string | null>;
}

interface BarcodeDetectorLike {
	detect(source: ImageData): Promise<{ rawValue: string }[]>;
}

type BarcodeDetectorConstructor = {
	new (options: { formats: string[] }): BarcodeDetectorLike;
	getSupportedFormats?: () => Promise<string[]>;
};

/** True when this browser has a native BarcodeDetector that knows at least one of our formats. */
export async function hasNativeDetector(scope: object = globalThis): Promise<boolean> {
	const Detector = (scope as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
	if (Detector === undefined) return false;
	const supported = (await Detector.getSupportedFormats?.()) ?? FORMATS;
	return FORMATS.some((f) => supported.includes(f));
}

/** The best reader this browser offers. */
export async function createFrameReader(scope: object = globalThis): Promise<FrameReader> {
	if (await hasNativeDetector(scope)) {
		const Detector = (scope as { BarcodeDetector: BarcodeDetectorConstructor }).BarcodeDetector;
		const detector = new Detector({ formats: FORMATS });
		return {
			engine: 'native',
			async read(frame) {
				const [found] = await detector.detect(frame);
				return found?.rawValue ?? null;
			}
		};
	}
	const [{ prepareZXingModule, readBarcodes }, { default: wasmUrl }] = await Promise.all([
		import('zxing-wasm/reader'),
		import('zxing-wasm/reader/zxing_reader.wasm?url')
	]);
	await prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) =>
				path.endsWith('.wasm') ? wasmUrl : prefix + path
		},
		fireImmediately: true
	});
	return {
		engine: 'zxing',
		async read(frame) {
			const [found] = await readBarcodes(frame, {
				formats: ['EAN-13', 'EAN-8', 'UPC-A', 'UPC-E', 'Code128'],
				maxNumberOfSymbols: 1
			});
			return found?.isValid === true ? found.text : null;
		}
	};
}
