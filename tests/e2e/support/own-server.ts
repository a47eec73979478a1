import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findFreePort } from './environment.ts';

/*
 * A Deadwax server of a spec's own, on its own port and data directory, for a spec that must
 * change what every other spec shares (a second shop makes the office sign-in ask for a shop).
 * The CLI runs against the same store, as an operator would.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

export interface OwnServer {
	url: string;
	/** `pnpm deadwax <args>` against this server's store; resolves to what it printed. */
	cli(args: readonly string[]): Promise<string>;
	stop(): Promise<void>;
}

export async function startOwnServer({ demoSeed = true } = {}): Promise<OwnServer> {
	const port = String(await findFreePort());
	const dataDir = mkdtempSync(join(tmpdir(), 'deadwax-e2e-own-'));
	const env = {
		...process.env,
		PORT: port,
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		DATABASE_URL: `file:${join(dataDir, 'deadwax.db')}`,
		DEMO_SEED: demoSeed ? 'true' : 'false',
		LOG_LEVEL: 'warn'
	};
	const child: ChildProcess = spawn(
		'node',
		['--import', 'tsx', 'apps/server/src/cli.ts', 'serve'],
		{
			cwd: root,
			env,
			stdio: ['ignore', 'ignore', 'pipe']
		}
	);
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server stopped at start: ${stderr}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) throw new Error(`the server did not answer in 60 s: ${stderr}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return {
		url,
		async cli(args) {
			const { stdout } = await run('node', ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
				cwd: root,
				env
			});
			return stdout;
		},
		async stop() {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
