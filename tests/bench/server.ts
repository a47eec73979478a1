import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface RunningServer {
	baseURL: string;
	stop(): Promise<void>;
}

/**
 * Starts the real server (`pnpm deadwax serve`, without pnpm's start-up cost) and resolves once
 * /healthz answers. Throws with the server's own output when it exits or does not answer in time.
 */
export async function startServer(options: {
	root: string;
	port: number;
	dataDir: string;
	timeoutMs?: number;
}): Promise<RunningServer> {
	const { root, port, dataDir, timeoutMs = 120_000 } = options;
	const baseURL = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'serve'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATABASE_URL: `file:${join(dataDir, 'deadwax.db')}`,
			DEMO_SEED: 'true',
			LOG_LEVEL: 'warn'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`the server exited with code ${child.exitCode} before answering:\n${output}`);
		}
		const isHealthy = await fetch(`${baseURL}/healthz`).then(
			(response) => response.ok,
			() => false // not listening yet
		);
		if (isHealthy) return { baseURL, stop: () => stop(child) };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await stop(child);
	throw new Error(
		`the server did not answer ${baseURL}/healthz within ${timeoutMs} ms:\n${output}`
	);
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = once(child, 'exit');
	child.kill('SIGTERM');
	await exited;
}
