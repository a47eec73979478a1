import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function must(name: string): string {
	const value = process.env[name];
	if (value === undefined)
		throw new Error(`${name} is not set: run the specs through tests/playwright.config.ts`);
	return value;
}

/** The base URL of the second server, whose copy of the build update-prompt.spec.ts may rewrite. */
export function updateServerURL(): string {
	return `http://127.0.0.1:${must('DEADWAX_E2E_UPDATE_PORT')}`;
}

/**
 * Deploys a new version of the service worker to the update server: the same worker with one
 * more line, which is all a browser needs to see an update (any byte change in /sw.js).
 * Returns the function that puts the original back.
 */
export function deployNextServiceWorker(): () => void {
	const path = join(must('DEADWAX_E2E_UPDATE_DIR'), 'web', 'sw.js');
	const original = readFileSync(path, 'utf8');
	writeFileSync(path, `${original}\n// next version ${Date.now()}\n`);
	return () => writeFileSync(path, original);
}
