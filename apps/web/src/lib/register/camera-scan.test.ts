import { expect, test } from 'vitest';
import { createFrameReader, hasNativeDetector } from './camera-scan.ts';

class FakeDetector {
	static formats = ['ean_13', 'code_128'];
	static getSupportedFormats(): Promise<string[]> {
		return Promise.resolve(FakeDetector.formats);
	}
	detect(): Promise<{ rawValue: string }[]> {
		return Promise.resolve([{ rawValue: '5012345678900' }]);
	}
}

test('uses the browser’s BarcodeDetector when it knows a sleeve or receipt format', async () => {
	const scope = { BarcodeDetector: FakeDetector };
	expect(await hasNativeDetector(scope)).toBe(true);
	const reader = await createFrameReader(scope);
	expect(reader.engine).toBe('native');
	expect(await reader.read({} as ImageData)).toBe('5012345678900');
});

test('does not count a BarcodeDetector that reads only QR codes, or none at all', async () => {
	class QrOnly extends FakeDetector {
		static override getSupportedFormats(): Promise<string[]> {
			return Promise.resolve(['qr_code']);
		}
	}
	expect(await hasNativeDetector({ BarcodeDetector: QrOnly })).toBe(false);
	expect(await hasNativeDetector({})).toBe(false);
});
