import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ConfigError, describeConfig, loadConfig, REPO_ROOT } from './config.ts';

const cwd = '/srv/shop';

function problemsOf(env: Record<string, string>): readonly string[] {
	try {
		loadConfig(env, { cwd });
	} catch (error) {
		if (error instanceof ConfigError) return error.problems;
		throw error;
	}
	throw new Error('expected a ConfigError');
}

test('defaults to port 8787 and SQLite in ./data of the directory it was started in', () => {
	const config = loadConfig({}, { cwd });
	expect(config).toMatchObject({
		port: 8787,
		host: '0.0.0.0',
		dataDir: '/srv/shop/data',
		databaseUrl: 'file:/srv/shop/data/deadwax.db',
		storeKind: 'sqlite',
		webRoot: join(REPO_ROOT, 'apps/web/build'),
		tls: null,
		demoSeed: true,
		logLevel: 'info',
		publicUrl: null,
		trustProxy: false
	});
	expect(config.version).toMatch(/^\d+\.\d+\.\d+/);
});

test('reads every variable, resolving DATA_DIR from the cwd and WEB_ROOT from the repo root', () => {
	const config = loadConfig(
		{
			PORT: '9000',
			HOST: '127.0.0.1',
			DATA_DIR: 'var/deadwax',
			WEB_ROOT: 'dist/web',
			DEMO_SEED: 'no',
			LOG_LEVEL: 'debug',
			PUBLIC_URL: 'https://Records.Example:8443/',
			TRUST_PROXY: 'yes'
		},
		{ cwd }
	);
	expect(config).toMatchObject({
		port: 9000,
		host: '127.0.0.1',
		dataDir: '/srv/shop/var/deadwax',
		databaseUrl: 'file:/srv/shop/var/deadwax/deadwax.db',
		webRoot: join(REPO_ROOT, 'dist/web'),
		demoSeed: false,
		logLevel: 'debug',
		publicUrl: 'https://records.example:8443',
		trustProxy: true
	});
});

test('picks PostgreSQL from DATABASE_URL and masks its password in the log lines', () => {
	const config = loadConfig(
		{ DATABASE_URL: 'postgres://shop:hunter2@db.internal:5432/deadwax' },
		{ cwd }
	);
	expect(config.storeKind).toBe('postgres');
	expect(config.databaseUrl).toBe('postgres://shop:hunter2@db.internal:5432/deadwax');
	const lines = describeConfig(config).join('\n');
	expect(lines).toContain('postgres://shop:***@db.internal:5432/deadwax (postgres)');
	expect(lines).not.toContain('hunter2');
});

test('treats empty variables as unset', () => {
	expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }, { cwd }).port).toBe(8787);
});

test('lists every bad variable at once with what was expected and what arrived', () => {
	const problems = problemsOf({
		PORT: 'eighty',
		DATABASE_URL: 'mysql://root:secret@db/deadwax',
		DEMO_SEED: 'maybe',
		LOG_LEVEL: 'loud',
		TLS_CERT_FILE: '/nonexistent/cert.pem',
		PUBLIC_URL: 'https://records.example/label?x=1',
		TRUST_PROXY: 'sometimes'
	});
	expect(problems).toEqual([
		'PORT: expected a port number from 0 to 65535 (0 picks a free port), got "eighty"',
		'DATABASE_URL: expected a URL starting with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL), got "mysql://root:***@db/deadwax"',
		'TLS_CERT_FILE: expected a path to an existing PEM file, got "/nonexistent/cert.pem"',
		'TLS_KEY_FILE: expected set together with TLS_CERT_FILE (both or neither), got nothing',
		'DEMO_SEED: expected true or false (also 1/0, yes/no, on/off), got "maybe"',
		'LOG_LEVEL: expected one of debug, info, warn, error, got "loud"',
		'PUBLIC_URL: expected an http:// or https:// address with no path, query or fragment, got "https://records.example/label?x=1"',
		'TRUST_PROXY: expected true or false (also 1/0, yes/no, on/off), got "sometimes"'
	]);
});

test('says how many problems there are and where the variables are documented', () => {
	try {
		loadConfig({ PORT: '70000' }, { cwd });
		expect.unreachable('PORT 70000 must be refused');
	} catch (error) {
		expect((error as Error).message).toBe(
			'Invalid server configuration (1 problem):\n' +
				'  - PORT: expected a port number from 0 to 65535 (0 picks a free port), got "70000"\n' +
				'See apps/server/.env.example for every variable.'
		);
	}
});

test('serves HTTPS when both TLS files exist', () => {
	const dir = mkdtempSync(join(tmpdir(), 'deadwax-tls-'));
	writeFileSync(join(dir, 'cert.pem'), 'cert');
	writeFileSync(join(dir, 'key.pem'), 'key');
	const config = loadConfig(
		{ TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: join(dir, 'key.pem') },
		{ cwd: dir }
	);
	expect(config.tls).toEqual({ certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') });
	expect(describeConfig(config)).toContain(`listen        0.0.0.0:8787 (HTTPS)`);
});
