import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachStore } from '@deadwax/db/testing';
import { afterAll, expect, test } from 'vitest';
import { loadConfig } from './config.ts';
import { listen, prepareStore, startupBanner } from './main.ts';
import { silentLog } from './log.ts';

const tlsDir = mkdtempSync(join(tmpdir(), 'deadwax-tls-'));
afterAll(() => rmSync(tlsDir, { recursive: true, force: true }));

/** A throwaway self-signed certificate for localhost. */
function selfSignedCert(): { cert: string; key: string } {
	const cert = join(tlsDir, 'cert.pem');
	const key = join(tlsDir, 'key.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			key,
			'-out',
			cert,
			'-days',
			'1',
			'-subj',
			'/CN=localhost'
		],
		{ stdio: 'ignore' }
	);
	return { cert, key };
}

function httpsGet(url: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { rejectUnauthorized: false }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

forEachStore(
	'deadwax serve',
	(store) => {
		test('migrates, seeds the demo shop into an empty store, serves HTTP and prints where to go', async () => {
			const config = loadConfig({
				DATABASE_URL: store().url,
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: tlsDir
			});
			const { database, seeded } = await prepareStore(config, silentLog);
			expect(seeded?.releases).toBe(1315);
			const server = await listen({ config, database, log: silentLog });
			try {
				expect(server.urls).toEqual([`http://127.0.0.1:${server.port}`]);
				const health = await fetch(`${server.urls[0]}/healthz`);
				expect(health.status).toBe(200);
				expect(await health.json()).toMatchObject({ status: 'ok', storeKind: store().kind });
				const banner = (await startupBanner({ config, database, server })).join('\n');
				expect(banner).toContain(`Open:      http://127.0.0.1:${server.port}/register`);
				expect(banner).toContain('Demo shop: Deadwax Demo Records (shop id demo)');
				expect(banner).toContain(
					'Demo PINs: owner Ola Owner 2468 · manager Mika Manager 1357 · clerk Cleo Clerk 1234'
				);
				expect(banner).toContain(
					store().kind === 'sqlite'
						? 'Data:      ' + store().database.sqlitePath!
						: 'Data:      PostgreSQL at'
				);
			} finally {
				await server.close();
			}
		});

		test('does not seed again once the store has a shop', async () => {
			const config = loadConfig({
				DATABASE_URL: store().url,
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: tlsDir
			});
			const { database, seeded } = await prepareStore(config, silentLog);
			await database.close();
			expect(seeded).toBeNull();
		});

		test('serves HTTPS itself when given a certificate and key', async () => {
			const { cert, key } = selfSignedCert();
			const config = loadConfig({
				DATABASE_URL: store().url,
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: tlsDir,
				TLS_CERT_FILE: cert,
				TLS_KEY_FILE: key,
				DEMO_SEED: 'false'
			});
			const { database } = await prepareStore(config, silentLog);
			const server = await listen({ config, database, log: silentLog });
			try {
				expect(server.urls).toEqual([`https://127.0.0.1:${server.port}`]);
				const health = await httpsGet(`${server.urls[0]}/healthz`);
				expect(health.status).toBe(200);
				expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', storeKind: store().kind });
				const info = await httpsGet(`${server.urls[0]}/trpc/system.info`);
				expect(JSON.parse(info.body)).toMatchObject({
					result: { data: { storeKind: store().kind } }
				});
			} finally {
				await server.close();
			}
		});

		test('says which port is taken instead of crashing obscurely', async () => {
			const config = loadConfig({
				DATABASE_URL: store().url,
				PORT: '0',
				HOST: '127.0.0.1',
				DEMO_SEED: 'false'
			});
			const first = await listen({
				config,
				database: (await prepareStore(config, silentLog)).database,
				log: silentLog
			});
			try {
				const taken = { ...config, port: first.port };
				const { database } = await prepareStore(taken, silentLog);
				await expect(listen({ config: taken, database, log: silentLog })).rejects.toThrow(
					`Port ${first.port} is already in use. Stop the other server or set PORT to a free port.`
				);
				await database.close();
			} finally {
				await first.close();
			}
		});
	},
	{ migrate: false }
);
