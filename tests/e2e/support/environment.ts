import type { LaunchOptions } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Flags for Debian's Chromium in a container: no sandbox, no GPU, and no calls home. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** The system Chromium (never a downloaded one). Throws, saying how to fix it, when it is missing. */
export function chromiumPath(): string {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path)) {
		throw new Error(
			`Chromium not found at ${path}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`
		);
	}
	return path;
}

export function chromiumLaunchOptions(): LaunchOptions {
	return { executablePath: chromiumPath(), args: CHROMIUM_ARGS };
}

/** Throws, saying how to fix it, when the web app has not been built. */
export function requireWebBuild(root: string): void {
	const index = join(root, 'apps', 'web', 'build', 'index.html');
	if (!existsSync(index)) {
		throw new Error(
			`${index} is missing: build the web app first with \`pnpm --filter @deadwax/web build\` (npm test and npm run bench do this for you)`
		);
	}
}

/** A TCP port nobody is listening on right now, from the kernel. */
export function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => {
				if (address === null || typeof address === 'string') {
					reject(new Error(`expected a TCP address from the port probe (got ${String(address)})`));
				} else {
					resolve(address.port);
				}
			});
		});
	});
}
