import type { OfficeStores } from '@deadwax/sync';

const PORTS = [
	'auth',
	'catalog',
	'stock',
	'discogs',
	'review',
	'staff',
	'audit',
	'reports',
	'taxClasses'
] as const;

export interface OfficeCall {
	/** `catalog.updateItem` */
	method: string;
	input: unknown;
}

/**
 * OfficeStores for procedure tests of the office routers: every call is recorded and answered from
 * `answers` (by `port.method`), or with undefined. The real stores run against SQLite and
 * PostgreSQL in packages/db; these tests are about who may call what, with which input.
 */
export function recordingOfficeStores(answers: Record<string, (input: unknown) => unknown> = {}): {
	stores: OfficeStores;
	calls: OfficeCall[];
} {
	const calls: OfficeCall[] = [];
	const port = (name: string): unknown =>
		new Proxy(
			{},
			{
				get: (_target, method) => {
					if (typeof method !== 'string' || method === 'then') return undefined;
					return (input: unknown) => {
						const key = `${name}.${method}`;
						calls.push({ method: key, input });
						const answer = answers[key];
						return Promise.resolve(answer === undefined ? undefined : answer(input));
					};
				}
			}
		);
	const stores = Object.fromEntries(PORTS.map((p) => [p, port(p)])) as unknown as OfficeStores;
	return { stores, calls };
}

/** Office stores for tests that never touch the office: any call fails, naming the method. */
export function unavailableOfficeStores(): OfficeStores {
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
										`office.${name}.${method} is not in memoryStores; use recordingOfficeStores`
									)
								)
			}
		);
	return Object.fromEntries(PORTS.map((p) => [p, port(p)])) as unknown as OfficeStores;
}
