import { expect, test, type APIRequestContext } from '@playwright/test';

interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: string;
}

/** Width and height from a PNG's IHDR chunk, which always starts at byte 16. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchIcon(request: APIRequestContext, icon: ManifestIcon) {
	const response = await request.get(icon.src);
	expect(response.status(), `${icon.src} should load`).toBe(200);
	expect(response.headers()['content-type']).toContain(icon.type);
	return response.body();
}

test('the web manifest makes the app installable, with icons that load at their stated sizes', async ({
	page,
	request
}) => {
	await page.goto('/');
	const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(manifestHref).not.toBeNull();
	const response = await request.get(manifestHref!);
	expect(response.status()).toBe(200);
	const manifest = (await response.json()) as {
		name: string;
		short_name: string;
		start_url: string;
		display: string;
		theme_color: string;
		icons: ManifestIcon[];
	};
	expect(manifest).toMatchObject({
		name: 'Deadwax',
		short_name: 'Deadwax',
		start_url: '/register',
		display: 'standalone'
	});
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);

	const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
	expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
		'192x192 any',
		'512x512 any',
		'512x512 maskable'
	]);
	for (const icon of pngs) {
		const [width, height] = icon.sizes.split('x').map(Number);
		expect(pngSize(await fetchIcon(request, icon)), icon.src).toEqual({ width, height });
	}
	const svg = manifest.icons.find((icon) => icon.type === 'image/svg+xml');
	expect(svg).toBeDefined();
	expect((await fetchIcon(request, svg!)).toString('utf8')).toContain('<svg');
});

test('the page links a favicon and an apple-touch-icon that load', async ({ page, request }) => {
	await page.goto('/');
	for (const selector of [
		'link[rel="icon"][type="image/svg+xml"]',
		'link[rel="apple-touch-icon"]'
	]) {
		const href = await page.locator(selector).getAttribute('href');
		expect(href, selector).not.toBeNull();
		const response = await request.get(href!);
		expect(response.status(), `${selector} → ${href}`).toBe(200);
	}
});
