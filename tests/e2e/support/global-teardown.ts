import { rmSync } from 'node:fs';

/** Removes the servers' temporary data directories (SQLite files, the copied build) after the run. */
export default function globalTeardown(): void {
	for (const dir of [process.env.DEADWAX_E2E_DATA_DIR, process.env.DEADWAX_E2E_UPDATE_DIR]) {
		if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
	}
}
