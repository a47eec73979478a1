import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * `deadwax serve` as a real child process (`node --import tsx apps/server/src/cli.ts serve`, one
 * process so SIGKILL really kills the server), on a fixed loopback port so it can be killed and
 * started again behind the same proxy.
 */
export class ServerProcess {
	readonly url: string;
	readonly #env: NodeJS.ProcessEnv;
	#child: ChildProcess | undefined;
	#log = '';

	constructor({
		port,
		databaseUrl,
		dataDir
	}: {
		port: number;
		databaseUrl: string;
		dataDir: string;
	}) {
		this.url = `http://127.0.0.1:${port}`;
		this.#env = {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_URL: databaseUrl,
			DATA_DIR: dataDir,
			DEMO_SEED: 'false',
			LOG_LEVEL: 'warn'
		};
	}

	/** Starts the server and resolves once /healthz answers 200 (throws after 60 s, with its log). */
	async start(): Promise<void> {
		const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'serve'], {
			cwd: REPO_ROOT,
			env: this.#env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#child = child;
		const keep = (chunk: Buffer) => {
			this.#log = (this.#log + chunk.toString()).slice(-4_000);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) break;
			try {
				const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
				if (response.ok) return;
			} catch {
				// Not listening yet: keep polling until the deadline.
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		this.#child = undefined;
		child.kill('SIGKILL');
		throw new Error(
			`deadwax serve did not become healthy at ${this.url}. Its output:\n${this.#log}`
		);
	}

	/** kill -9: no shutdown hook runs, requests in flight die with it. */
	async kill(): Promise<void> {
		await this.#end('SIGKILL');
	}

	async stop(): Promise<void> {
		await this.#end('SIGTERM');
	}

	async #end(signal: NodeJS.Signals): Promise<void> {
		const child = this.#child;
		this.#child = undefined;
		if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill(signal);
		await exited;
	}
}
