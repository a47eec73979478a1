import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions, findFreePort, requireWebBuild } from './e2e/support/environment.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// The server serves apps/web/build as it is; npm test (packages/tooling/bin/run.mjs) builds it
// first. Run by hand: pnpm --filter @deadwax/web build && pnpm exec playwright test -c tests/playwright.config.ts
requireWebBuild(root);

// Playwright loads this file in the runner and again in every worker. The runner picks the port
// and the data directory once and leaves them in the environment, which the workers inherit.
process.env.DEADWAX_E2E_PORT ??= String(await findFreePort());
process.env.DEADWAX_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'deadwax-e2e-'));
const port = process.env.DEADWAX_E2E_PORT;
const dataDir = process.env.DEADWAX_E2E_DATA_DIR;
const baseURL = `http://127.0.0.1:${port}`;

// A second server for update-prompt.spec.ts, serving its own copy of the build: that spec
// "deploys" a new /sw.js into the copy, which must not reach the pages of the other specs.
process.env.DEADWAX_E2E_UPDATE_PORT ??= String(await findFreePort());
process.env.DEADWAX_E2E_UPDATE_DIR ??= mkdtempSync(join(tmpdir(), 'deadwax-e2e-update-'));
const updatePort = process.env.DEADWAX_E2E_UPDATE_PORT;
const updateDir = process.env.DEADWAX_E2E_UPDATE_DIR;
const updateWebRoot = join(updateDir, 'web');
if (!existsSync(updateWebRoot)) {
	cpSync(join(root, 'apps', 'web', 'build'), updateWebRoot, { recursive: true });
	mkdirSync(join(updateDir, 'data'));
}

/** The real server: `pnpm deadwax serve` without pnpm's start-up cost. */
function server(options: { port: string; dataDir: string; env: Record<string, string> }) {
	return {
		command: 'node --import tsx apps/server/src/cli.ts serve',
		cwd: root,
		url: `http://127.0.0.1:${options.port}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe' as const,
		stderr: 'pipe' as const,
		env: {
			PORT: options.port,
			HOST: '127.0.0.1',
			DATA_DIR: options.dataDir,
			DATABASE_URL: `file:${join(options.dataDir, 'deadwax.db')}`,
			LOG_LEVEL: 'warn',
			...options.env
		}
	};
}

const config: PlaywrightTestConfig = {
	testDir: './e2e',
	testMatch: '**/*.spec.ts',
	outputDir: join(root, 'test-results', 'e2e-artifacts'),
	forbidOnly: true,
	retries: 0,
	// Two cores on the CI machine, shared with the server and the browser.
	workers: 2,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: join(root, 'test-results', 'e2e.json') }]],
	globalTeardown: './e2e/support/global-teardown.ts',
	use: {
		baseURL,
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: chromiumLaunchOptions()
	},
	projects: [
		{
			name: 'tablet',
			use: { browserName: 'chromium', viewport: { width: 768, height: 1024 }, hasTouch: true },
			testIgnore: '**/label-*.spec.ts'
		},
		{
			name: 'desktop',
			use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
			// update-prompt.spec.ts rewrites one shared /sw.js, so only one project runs it.
			// The Discogs round trip imports into the one shared demo shop and compares the export
			// byte for byte; run twice at once it races itself, and it has nothing viewport-specific.
			testIgnore: ['**/label-*.spec.ts', '**/update-prompt.spec.ts', '**/office-discogs.spec.ts']
		},
		{
			// Labels check their stock from a phone; their specs and the layout checks run here.
			name: 'phone',
			use: { browserName: 'chromium', viewport: { width: 360, height: 740 }, hasTouch: true },
			testMatch: ['**/label-*.spec.ts', '**/layout.spec.ts']
		}
	],
	webServer: [
		server({ port, dataDir, env: { DEMO_SEED: 'true' } }),
		server({
			port: updatePort,
			dataDir: join(updateDir, 'data'),
			env: { DEMO_SEED: 'false', WEB_ROOT: updateWebRoot }
		})
	]
};

export default defineConfig(config);
