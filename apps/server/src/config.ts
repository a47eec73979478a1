import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maskUrl, storeKindOf, type StoreKind } from '@deadwax/db';
import { z } from 'zod';

/** The repository root (apps/server/src/../../..): WEB_ROOT and the seed data resolve from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ServerConfig {
	port: number;
	host: string;
	/** Absolute. */
	dataDir: string;
	/** `file:<absolute path>` or `postgres://…`. */
	databaseUrl: string;
	storeKind: StoreKind;
	/** Absolute path of the built web app (apps/web/build by default). */
	webRoot: string;
	/** Set when the server terminates TLS itself; null behind a TLS reverse proxy or on localhost. */
	tls: { certFile: string; keyFile: string } | null;
	demoSeed: boolean;
	logLevel: LogLevel;
	/** The running build, from apps/server/package.json. */
	version: string;
	/**
	 * The address labels reach this server at (https://deadwax.example), for links the office
	 * hands out; null uses the address the manager's browser has open, which may be a LAN one.
	 */
	publicUrl: string | null;
	/**
	 * True behind a reverse proxy that appends the client to X-Forwarded-For: sign-in limits then
	 * count per client instead of per proxy. Never set it without such a proxy, as clients could
	 * then pick their own address.
	 */
	trustProxy: boolean;
}

/** Every bad variable at once, so one restart fixes them all. */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
	readonly problems: readonly string[];

	constructor(problems: readonly string[]) {
		super(
			`Invalid server configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
				problems.map((p) => `  - ${p}`).join('\n') +
				'\nSee apps/server/.env.example for every variable.'
		);
		this.problems = problems;
	}
}

const VARIABLES = [
	'PORT',
	'HOST',
	'DATA_DIR',
	'DATABASE_URL',
	'WEB_ROOT',
	'TLS_CERT_FILE',
	'TLS_KEY_FILE',
	'DEMO_SEED',
	'LOG_LEVEL',
	'PUBLIC_URL',
	'TRUST_PROXY'
] as const;
type Variable = (typeof VARIABLES)[number];

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

const flag = z
	.string()
	.refine((v) => [...TRUE_WORDS, ...FALSE_WORDS].includes(v.toLowerCase()), {
		error: 'true or false (also 1/0, yes/no, on/off)'
	})
	.transform((v) => TRUE_WORDS.includes(v.toLowerCase()));

const pemFile = z.string().refine((path) => existsSync(path), {
	error: 'a path to an existing PEM file'
});

// Each message is the "expected" half of `NAME: expected …, got …`.
const envSchema = z
	.object({
		PORT: z
			.string()
			.regex(/^\d+$/, { error: 'a port number from 0 to 65535 (0 picks a free port)' })
			.transform(Number)
			.refine((n) => n <= 65535, { error: 'a port number from 0 to 65535 (0 picks a free port)' })
			.optional(),
		HOST: z
			.string()
			.regex(/^[A-Za-z0-9.:[\]-]+$/, { error: 'a host name or IP address to listen on' })
			.optional(),
		DATA_DIR: z.string().optional(),
		DATABASE_URL: z
			.string()
			.refine((url) => storeKindOf(url) !== null, {
				error: 'a URL starting with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)'
			})
			.optional(),
		WEB_ROOT: z.string().optional(),
		TLS_CERT_FILE: pemFile.optional(),
		TLS_KEY_FILE: pemFile.optional(),
		DEMO_SEED: flag.optional(),
		LOG_LEVEL: z
			.enum(['debug', 'info', 'warn', 'error'], { error: 'one of debug, info, warn, error' })
			.optional(),
		PUBLIC_URL: z
			.string()
			.refine(isPublicUrl, {
				error: 'an http:// or https:// address with no path, query or fragment'
			})
			.transform((url) => new URL(url).origin)
			.optional(),
		TRUST_PROXY: flag.optional()
	})
	.superRefine(
		(env, ctx) => {
			const hasCert = env.TLS_CERT_FILE !== undefined;
			if (hasCert !== (env.TLS_KEY_FILE !== undefined)) {
				ctx.addIssue({
					code: 'custom',
					path: [hasCert ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'],
					message: `set together with ${hasCert ? 'TLS_CERT_FILE' : 'TLS_KEY_FILE'} (both or neither)`
				});
			}
		},
		// Check the pair even when other variables are bad: every problem is listed at once.
		{ when: () => true }
	);

function isPublicUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (
			(url.protocol === 'http:' || url.protocol === 'https:') &&
			url.pathname === '/' &&
			url.search === '' &&
			url.hash === '' &&
			url.username === ''
		);
	} catch {
		return false;
	}
}

/** What arrived, quoted, with any password masked; "nothing" when unset. */
function received(name: Variable, value: string | undefined): string {
	if (value === undefined) return 'nothing';
	return JSON.stringify(name === 'DATABASE_URL' ? maskUrl(value) : value);
}

function readVersion(): string {
	const manifest = JSON.parse(
		readFileSync(join(REPO_ROOT, 'apps/server/package.json'), 'utf8')
	) as {
		version?: unknown;
	};
	return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

/**
 * Reads the server configuration from `env` (process.env unless a test passes its own), once, at
 * startup. Empty variables count as unset. Relative DATA_DIR and file: paths resolve from `cwd`
 * (where `npm start` runs: the repo root); a relative WEB_ROOT resolves from the repo root.
 * Throws ConfigError listing every bad variable with what was expected and what arrived.
 */
export function loadConfig(
	env: Readonly<Record<string, string | undefined>> = process.env,
	{ cwd = process.cwd() }: { cwd?: string } = {}
): ServerConfig {
	const raw: Partial<Record<Variable, string>> = {};
	for (const name of VARIABLES) {
		const value = env[name]?.trim();
		if (value !== undefined && value !== '') raw[name] = value;
	}
	const resolvedTls = {
		...raw,
		...(raw.TLS_CERT_FILE !== undefined ? { TLS_CERT_FILE: resolve(cwd, raw.TLS_CERT_FILE) } : {}),
		...(raw.TLS_KEY_FILE !== undefined ? { TLS_KEY_FILE: resolve(cwd, raw.TLS_KEY_FILE) } : {})
	};
	const parsed = envSchema.safeParse(resolvedTls);
	if (!parsed.success) {
		const problems = parsed.error.issues
			.map((issue) => ({ name: String(issue.path[0]) as Variable, expected: issue.message }))
			// In the order .env.example documents them.
			.sort((a, b) => VARIABLES.indexOf(a.name) - VARIABLES.indexOf(b.name))
			.map(
				({ name, expected }) => `${name}: expected ${expected}, got ${received(name, raw[name])}`
			);
		throw new ConfigError(problems);
	}
	const vars = parsed.data;
	const dataDir = resolve(cwd, vars.DATA_DIR ?? 'data');
	const databaseUrl = absoluteFileUrl(
		vars.DATABASE_URL ?? `file:${join(dataDir, 'deadwax.db')}`,
		cwd
	);
	const webRoot = vars.WEB_ROOT ?? 'apps/web/build';
	return {
		port: vars.PORT ?? 8787,
		host: vars.HOST ?? '0.0.0.0',
		dataDir,
		databaseUrl,
		storeKind: storeKindOf(databaseUrl) ?? 'sqlite',
		webRoot: isAbsolute(webRoot) ? webRoot : resolve(REPO_ROOT, webRoot),
		tls:
			vars.TLS_CERT_FILE !== undefined && vars.TLS_KEY_FILE !== undefined
				? { certFile: vars.TLS_CERT_FILE, keyFile: vars.TLS_KEY_FILE }
				: null,
		demoSeed: vars.DEMO_SEED ?? true,
		logLevel: vars.LOG_LEVEL ?? 'info',
		version: readVersion(),
		publicUrl: vars.PUBLIC_URL ?? null,
		trustProxy: vars.TRUST_PROXY ?? false
	};
}

/** `file:data/x.db` → `file:/abs/data/x.db`, so every process agrees on the file whatever its cwd. */
function absoluteFileUrl(url: string, cwd: string): string {
	if (!url.startsWith('file:')) return url;
	const path = url.slice('file:'.length);
	if (path === ':memory:' || path === '') return 'file::memory:';
	return `file:${resolve(cwd, path)}`;
}

/** The effective configuration for the startup log, secrets masked. */
export function describeConfig(config: ServerConfig): string[] {
	return [
		`version       ${config.version}`,
		`listen        ${config.host}:${config.port} (${config.tls ? 'HTTPS' : 'HTTP'})`,
		`data dir      ${config.dataDir}`,
		`database      ${maskUrl(config.databaseUrl)} (${config.storeKind})`,
		`web root      ${config.webRoot}`,
		`tls           ${config.tls ? `cert ${config.tls.certFile}, key ${config.tls.keyFile}` : 'off'}`,
		`demo seed     ${config.demoSeed ? 'on' : 'off'}`,
		`log level     ${config.logLevel}`,
		`public url    ${config.publicUrl ?? 'the address each browser has open'}`,
		`trust proxy   ${config.trustProxy ? 'yes (X-Forwarded-For)' : 'no'}`
	];
}
