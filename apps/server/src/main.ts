import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createStores, maskUrl, migrateToLatest, openDatabase, type Database } from '@deadwax/db';
import { verifyPin } from '@deadwax/sync';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { Log } from './log.ts';
import {
	DEMO_CATALOG_PATH,
	DEMO_SHOP_ID,
	DEMO_SHOP_NAME,
	DEMO_STAFF,
	hasNoShop,
	seedDemoShop,
	type DemoSummary
} from './seed/index.ts';

/** Waits this long for open requests on shutdown before cutting connections. */
const SHUTDOWN_GRACE_MS = 5_000;

export interface PreparedStore {
	database: Database;
	/** What the demo seed wrote on this start; null when the store already had a shop. */
	seeded: DemoSummary | null;
}

/** Opens the configured store, migrates it, and seeds the demo shop into an empty store when DEMO_SEED is on. */
export async function prepareStore(config: ServerConfig, log: Log): Promise<PreparedStore> {
	const database = await openDatabase(config.databaseUrl);
	try {
		const { applied } = await migrateToLatest(database.db);
		if (applied.length > 0) log.info(`migrated: ${applied.join(', ')}`);
		let seeded: DemoSummary | null = null;
		if (config.demoSeed && (await hasNoShop(database))) {
			log.info('empty store: seeding the demo shop from the Discogs sample');
			seeded = await seedDemoShop(database, {
				catalogPath: DEMO_CATALOG_PATH,
				now: new Date().toISOString()
			});
			log.info(
				`demo shop seeded: ${seeded.releases} releases, ${seeded.newItems} new titles (${seeded.newCopies} copies), ` +
					`${seeded.usedItems} used copies, ${seeded.consignedItems} consigned titles (${seeded.consignedCopies} copies)`
			);
		}
		return { database, seeded };
	} catch (error) {
		await database.close();
		throw error;
	}
}

export interface RunningServer {
	/** The port actually bound (PORT=0 picks a free one). */
	port: number;
	/** Where to open the app: localhost first, then this machine's network addresses. */
	urls: string[];
	/** Stops accepting, lets open requests finish (up to 5 s), then closes the database. */
	close(): Promise<void>;
}

/** Serves the app over HTTP, or HTTPS when the config has a certificate and key. */
export async function listen({
	config,
	database,
	log
}: {
	config: ServerConfig;
	database: Database;
	log: Log;
}): Promise<RunningServer> {
	const app = createApp({
		stores: createStores(database),
		info: { version: config.version, storeKind: database.kind, publicUrl: config.publicUrl },
		clock: { now: () => new Date() },
		webRoot: config.webRoot,
		log,
		trustProxy: config.trustProxy
	});
	const server: ServerType = config.tls
		? serve({
				fetch: app.fetch,
				port: config.port,
				hostname: config.host,
				createServer: createHttpsServer,
				serverOptions: {
					cert: readFileSync(config.tls.certFile),
					key: readFileSync(config.tls.keyFile)
				}
			})
		: serve({ fetch: app.fetch, port: config.port, hostname: config.host });

	await new Promise<void>((resolve, reject) => {
		server.once('listening', resolve);
		server.once('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EADDRINUSE') {
				reject(
					new Error(
						`Port ${config.port} is already in use. Stop the other server or set PORT to a free port.`,
						{ cause: error }
					)
				);
			} else {
				reject(error);
			}
		});
	});
	const { port } = server.address() as AddressInfo;
	const scheme = config.tls ? 'https' : 'http';
	const hosts = ['0.0.0.0', '::'].includes(config.host)
		? ['localhost', ...lanAddresses()]
		: [config.host];

	let closing: Promise<void> | undefined;
	return {
		port,
		urls: hosts.map((host) => `${scheme}://${host}:${port}`),
		close() {
			closing ??= (async () => {
				await new Promise<void>((resolve) => {
					const force = setTimeout(() => {
						if ('closeAllConnections' in server) server.closeAllConnections();
					}, SHUTDOWN_GRACE_MS);
					server.close(() => {
						clearTimeout(force);
						resolve();
					});
					if ('closeIdleConnections' in server) server.closeIdleConnections();
				});
				await database.close();
			})();
			return closing;
		}
	};
}

function lanAddresses(): string[] {
	return Object.values(networkInterfaces())
		.flat()
		.filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
		.map((a) => a!.address);
}

/** The demo staff whose PIN is still the printed one (an owner may have changed theirs). */
export async function demoPinsInUse(database: Database): Promise<(typeof DEMO_STAFF)[number][]> {
	const rows = await database.db
		.selectFrom('staff')
		.select(['id', 'pin_hash', 'active'])
		.where('shop_id', '=', DEMO_SHOP_ID)
		.execute();
	const inUse: (typeof DEMO_STAFF)[number][] = [];
	for (const staff of DEMO_STAFF) {
		const row = rows.find((r) => r.id === staff.id);
		if (row !== undefined && row.active === 1 && (await verifyPin(staff.pin, row.pin_hash)))
			inUse.push(staff);
	}
	return inUse;
}

/** What `deadwax serve` prints once it listens: where to go, how to sign in, where the data is. */
export async function startupBanner({
	config,
	database,
	server
}: {
	config: ServerConfig;
	database: Database;
	server: RunningServer;
}): Promise<string[]> {
	const [local, ...lan] = server.urls;
	const lines = [
		`Deadwax ${config.version} is running.`,
		`  Open:      ${local}/register   (office: ${local}/office)`
	];
	for (const url of lan) lines.push(`             ${url}/register   (tablets on this network)`);
	if (lan.length > 0 && !config.tls) {
		lines.push(
			'             Tablets need HTTPS for offline use: set TLS_CERT_FILE/TLS_KEY_FILE or use a TLS proxy (README).'
		);
	}
	lines.push(
		database.kind === 'sqlite'
			? `  Data:      ${database.sqlitePath ?? ':memory:'} (SQLite in ${config.dataDir}); copy it live with \`pnpm deadwax backup\``
			: `  Data:      PostgreSQL at ${maskUrl(config.databaseUrl)}; back it up with pg_dump`
	);
	const shops = await database.db
		.selectFrom('shops')
		.select(['id', 'name'])
		.orderBy('created_at')
		.execute();
	const demo = shops.find((s) => s.id === DEMO_SHOP_ID);
	if (demo !== undefined) {
		lines.push(`  Demo shop: ${DEMO_SHOP_NAME} (shop id ${DEMO_SHOP_ID})`);
		const pins = await demoPinsInUse(database);
		if (pins.length > 0) {
			lines.push(`  Demo PINs: ${pins.map((s) => `${s.role} ${s.name} ${s.pin}`).join(' · ')}`);
		}
	} else if (shops.length === 0) {
		lines.push(
			'  No shop yet: create one with `pnpm deadwax shop create --name … --currency EUR --timezone Europe/Berlin`.'
		);
	} else {
		lines.push(`  Shops:     ${shops.map((s) => `${s.name} (${s.id})`).join(', ')}`);
	}
	lines.push('Press Ctrl+C to stop.');
	return lines;
}
