import type { LabelStores } from '@deadwax/sync';

const PORTS = ['accounts', 'portal', 'shop'] as const;

export interface LabelCall {
	/** `portal.dashboard` */
	method: string;
	input: unknown;
}

/**
 * LabelStores for procedure tests: every call is recorded and answered from `answers` (by
 * `port.method`), or with undefined. The real stores run against SQLite and PostgreSQL in
 * packages/db; these tests are about who may call what, with which ids.
 */
export function recordingLabelStores(
	answers: Record<string, (...args: unknown[]) => unknown> = {}
): {
	stores: LabelStores;
	calls: LabelCall[];
} {
	const calls: LabelCall[] = [];
	const port = (name: string): unknown =>
		new Proxy(
			{},
			{
				get: (_target, method) => {
					if (typeof method !== 'string' || method === 'then') return undefined;
					return (...args: unknown[]) => {
						const key = `${name}.${method}`;
						calls.push({ method: key, input: args.length === 1 ? args[0] : args });
						const answer = answers[key];
						return Promise.resolve(answer === undefined ? undefined : answer(...args));
					};
				}
			}
		);
	const stores = Object.fromEntries(PORTS.map((p) => [p, port(p)])) as unknown as LabelStores;
	return { stores, calls };
}

/** Label stores for tests that never touch the portal: any call fails, naming the method. */
export function unavailableLabelStores(): LabelStores {
	const port = (name: string): unknown =>
		new Proxy(
			{},
			{
				get: (_target, method) =>
					typeof method !== 'string' || method === 'then'
						? undefined
						: () =>
								Promise.reject(
									new Error(
										`labels.${name}.${method} is not in memoryStores; use recordingLabelStores`
									)
								)
			}
		);
	return Object.fromEntries(PORTS.map((p) => [p, port(p)])) as unknown as LabelStores;
}
