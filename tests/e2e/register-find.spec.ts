import { expect, test } from '@playwright/test';
import { RegisterPos } from './pages/register-pos.ts';
import { ITEMS, STAFF } from './support/register-fixture.ts';

test.beforeEach(async ({ page, context }) => {
	const register = new RegisterPos(page);
	await register.seed();
	await context.setOffline(true);
	await register.signedIn();
});

test('a keyboard-wedge scan anywhere on the sell screen adds the item, but typing in a field stays typing', async ({
	page
}) => {
	const register = new RegisterPos(page);
	await register.scan(ITEMS.newLp.barcode);
	await expect(register.lines).toHaveCount(1);
	await expect(register.lines.first()).toContainText("Svek – Knockin' Boots");

	await register.search.fill('');
	await register.search.pressSequentially(ITEMS.consigned.barcode);
	await register.search.press('Enter');
	await expect(register.lines).toHaveCount(1);
	await expect(register.search).toHaveValue(ITEMS.consigned.barcode);
});

test('search as you type finds by artist, title, label and catalog number', async ({ page }) => {
	const register = new RegisterPos(page);
	const results = page.getByTestId('search-results');
	await register.search.fill('knockin');
	await expect(results.getByRole('button')).toHaveCount(2);
	await register.search.fill('tiny label');
	await expect(results.getByRole('button')).toHaveCount(1);
	await register.search.fill('epc 26044');
	await expect(results).toContainText('Sade – Diamond Life');
	await register.search.fill('sk026');
	await expect(results.getByRole('button').first()).toContainText('Svek');
	await register.search.fill('nothing like this');
	await expect(results).toContainText('No records match');
});

test('used stock can be browsed by bin and by genre', async ({ page }) => {
	await page.getByText('Browse used stock by bin or genre').click();
	await page.getByRole('combobox', { name: 'Bin' }).selectOption('A1');
	const used = page.getByTestId('used-results');
	await expect(used.getByRole('button')).toHaveCount(1);
	await expect(used).toContainText('Sade');
	await page.getByRole('combobox', { name: 'Genre' }).selectOption('Techno');
	await expect(used.getByRole('button')).toHaveCount(1);
	await expect(used).toContainText('G+/Generic');
	await used.getByRole('button').click();
	await expect(new RegisterPos(page).lines).toHaveCount(1);
});

test('an unknown barcode offers a quick item that needs a manager’s PIN', async ({ page }) => {
	const register = new RegisterPos(page);
	await register.scan('9780201379624');
	const quick = page.getByTestId('quick-item');
	await expect(quick).toContainText('Unknown barcode 9780201379624');
	await quick.getByRole('textbox', { name: 'Description' }).fill('Tote bag');
	await quick.getByRole('textbox', { name: 'Price' }).fill('8.00');
	await quick
		.getByRole('combobox', { name: 'Approving manager' })
		.selectOption({ label: STAFF.manager.name });
	await quick.getByRole('textbox', { name: 'Manager PIN' }).fill('0000');
	await quick.getByRole('button', { name: 'Add quick item' }).click();
	await expect(quick.getByRole('alert')).toContainText('A manager must approve');
	await expect(register.lines).toHaveCount(0);
	await quick.getByRole('textbox', { name: 'Manager PIN' }).fill(STAFF.manager.pin);
	await quick.getByRole('button', { name: 'Add quick item' }).click();
	await expect(register.lines).toHaveCount(1);
	await expect(register.lines).toContainText('Tote bag');
	await expect(register.total).toHaveText('€8.00');
});

/**
 * A fake rear camera for the page: a canvas stream showing an EAN-13, drawn from its digits, so
 * the register's camera scanner reads a real image through getUserMedia.
 */
function fakeCameraShowing(code: string): string {
	return `(() => {
		const L = ['0001101','0011001','0010011','0111101','0100011','0110001','0101111','0111011','0110111','0001011'];
		const R = L.map((p) => [...p].map((b) => (b === '0' ? '1' : '0')).join(''));
		const G = R.map((p) => [...p].reverse().join(''));
		const PARITY = ['LLLLLL','LLGLGG','LLGGLG','LLGGGL','LGLLGG','LGGLLG','LGGGLL','LGLGLG','LGLGGL','LGGLGL'];
		const d = '${code}'.split('').map(Number);
		let bits = '101';
		for (let i = 1; i <= 6; i++) bits += (PARITY[d[0]][i - 1] === 'L' ? L : G)[d[i]];
		bits += '01010';
		for (let i = 7; i <= 12; i++) bits += R[d[i]];
		bits += '101';
		navigator.mediaDevices.getUserMedia = async () => {
			const canvas = document.createElement('canvas');
			canvas.width = 640;
			canvas.height = 360;
			const g = canvas.getContext('2d');
			const draw = () => {
				g.fillStyle = '#fff';
				g.fillRect(0, 0, 640, 360);
				g.fillStyle = '#000';
				[...bits].forEach((b, i) => { if (b === '1') g.fillRect(110 + i * 4, 80, 4, 200); });
			};
			draw();
			setInterval(draw, 100);
			return canvas.captureStream(10);
		};
	})();`;
}

test('the camera scans a sleeve barcode: BarcodeDetector where the browser has it, else zxing-wasm', async ({
	page
}) => {
	await page.addInitScript(fakeCameraShowing(ITEMS.newLp.barcode));
	await page.reload();
	const register = new RegisterPos(page);
	await register.signedIn();
	const hasNative = await page.evaluate(() => 'BarcodeDetector' in window);
	await page.getByRole('button', { name: 'Scan with camera' }).click();
	await expect(page.getByText(/Scanning with the/)).toHaveText(
		hasNative ? /built-in barcode detector/ : /zxing-wasm/
	);
	await expect(register.lines).toHaveCount(1, { timeout: 15_000 });
	await expect(register.lines.first()).toContainText("Svek – Knockin' Boots");
	await page.getByRole('button', { name: 'Stop camera' }).click();

	const wasm = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
		}
		return urls.filter((u) => u.endsWith('.wasm'));
	});
	expect(wasm.length, 'the zxing wasm is precached, never fetched from a CDN').toBeGreaterThan(0);
});
