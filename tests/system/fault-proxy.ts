import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Probabilities (0…1) of each fault per request, and the longest delay used to reorder. */
export type Faults = {
	/** The request never reaches the server; the client's connection is cut. */
	dropRequest: number;
	/** The server handles the request (and commits), then the client's connection is cut. */
	dropResponse: number;
	/** The request is sent again later, after the original: a duplicate that also arrives out of order. */
	duplicate: number;
	/** Each request waits up to this long before being forwarded, so concurrent requests overtake each other. */
	maxDelayMs: number;
};

export const NO_FAULTS: Faults = { dropRequest: 0, dropResponse: 0, duplicate: 0, maxDelayMs: 0 };

export type ProxyStats = {
	requests: number;
	droppedRequests: number;
	droppedResponses: number;
	duplicated: number;
	delayed: number;
	upstreamErrors: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An HTTP proxy on 127.0.0.1 in front of the server that injects network faults. While the
 * server is down (killed) it answers 502, like a reverse proxy would. Replays are bounded: each
 * is sent once, and `stop()` cancels any still waiting.
 */
export class FaultProxy {
	readonly stats: ProxyStats = {
		requests: 0,
		droppedRequests: 0,
		droppedResponses: 0,
		duplicated: 0,
		delayed: 0,
		upstreamErrors: 0
	};
	#faults: Faults;
	readonly #target: URL;
	readonly #random: () => number;
	readonly #server: http.Server;
	readonly #replays = new Set<NodeJS.Timeout>();
	readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

	constructor({
		target,
		faults,
		random
	}: {
		target: string;
		faults: Faults;
		random: () => number;
	}) {
		this.#target = new URL(target);
		this.#faults = faults;
		this.#random = random;
		this.#server = http.createServer((req, res) => void this.#handle(req, res));
	}

	set faults(faults: Faults) {
		this.#faults = faults;
	}

	/** Listens on a free loopback port; resolves to the proxy's base URL. */
	async start(): Promise<string> {
		await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
		const { port } = this.#server.address() as AddressInfo;
		return `http://127.0.0.1:${port}`;
	}

	async stop(): Promise<void> {
		for (const timer of this.#replays) clearTimeout(timer);
		this.#replays.clear();
		this.#server.closeAllConnections();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
		this.#agent.destroy();
	}

	async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		const faults = this.#faults;
		this.stats.requests += 1;
		if (this.#random() < faults.dropRequest) {
			this.stats.droppedRequests += 1;
			req.socket.destroy();
			return;
		}
		if (faults.maxDelayMs > 0) {
			this.stats.delayed += 1;
			await sleep(this.#random() * faults.maxDelayMs);
		}
		if (this.#random() < faults.duplicate) {
			this.stats.duplicated += 1;
			const timer = setTimeout(() => {
				this.#replays.delete(timer);
				// A replay's answer goes nowhere; a failure is the point of the exercise.
				this.#forward(req, body).catch(() => undefined);
			}, this.#random() * 1_000);
			this.#replays.add(timer);
		}
		let upstream: { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
		try {
			upstream = await this.#forward(req, body);
		} catch (error) {
			this.stats.upstreamErrors += 1;
			if (!res.headersSent && !res.destroyed) {
				res.writeHead(502, { 'content-type': 'text/plain' });
				res.end(`bad gateway: ${error instanceof Error ? error.message : String(error)}`);
			}
			return;
		}
		if (this.#random() < faults.dropResponse) {
			this.stats.droppedResponses += 1;
			req.socket.destroy();
			return;
		}
		const headers = { ...upstream.headers };
		delete headers['transfer-encoding'];
		delete headers['connection'];
		headers['content-length'] = String(upstream.body.length);
		res.writeHead(upstream.status, headers);
		res.end(upstream.body);
	}

	#forward(
		req: http.IncomingMessage,
		body: Buffer
	): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
		return new Promise((resolve, reject) => {
			const headers = { ...req.headers, host: this.#target.host };
			delete headers['connection'];
			const upstream = http.request(
				{
					host: this.#target.hostname,
					port: this.#target.port,
					method: req.method,
					path: req.url,
					headers,
					agent: this.#agent,
					timeout: 10_000
				},
				(response) => {
					const parts: Buffer[] = [];
					response.on('data', (part: Buffer) => parts.push(part));
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 502,
							headers: response.headers,
							body: Buffer.concat(parts)
						})
					);
					response.on('error', reject);
				}
			);
			upstream.on('timeout', () => upstream.destroy(new Error('upstream timed out')));
			upstream.on('error', reject);
			upstream.end(body);
		});
	}
}
