// `npm run test:chaos`: the full-size chaos run on SQLite, and on PostgreSQL when
// CHAOS_DATABASE_URL or TEST_DATABASE_URL names a server. Exits non-zero unless every run is clean.
//   CHAOS_TABLETS (5) CHAOS_SALES (300 per tablet) CHAOS_KILLS (2) CHAOS_SEED (random)
//   CHAOS_SERVER_URL: send the tablets to that running server (or proxy) instead of starting one;
//     then CHAOS_DATABASE_URL must name the database it uses (the run seeds and checks it there).
import { isClean, runChaos, summaryLine } from './chaos-run.ts';

const DEFAULT_FAULTS = { dropRequest: 0.08, dropResponse: 0.1, duplicate: 0.12, maxDelayMs: 150 };

function intFrom(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) {
		console.error(`${name} must be a whole number ≥ 0 (got ${JSON.stringify(raw)})`);
		process.exit(2);
	}
	return value;
}

async function main(): Promise<void> {
	const tablets = intFrom('CHAOS_TABLETS', 5);
	const salesPerTablet = intFrom('CHAOS_SALES', 300);
	const kills = intFrom('CHAOS_KILLS', 2);
	const seed = intFrom('CHAOS_SEED', Math.floor(Math.random() * 2 ** 31));
	const serverUrl = process.env.CHAOS_SERVER_URL || undefined;
	const pgUrl = process.env.CHAOS_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
	if (serverUrl !== undefined && process.env.CHAOS_DATABASE_URL === undefined) {
		console.error(
			'CHAOS_SERVER_URL needs CHAOS_DATABASE_URL: the database that server uses, to seed the shop and check the results.'
		);
		process.exit(2);
	}
	// createTestStore reads TEST_DATABASE_URL for the PostgreSQL server to create a database on.
	if (pgUrl !== undefined) process.env.TEST_DATABASE_URL = pgUrl;
	const stores: ('sqlite' | 'postgres')[] =
		serverUrl !== undefined
			? [pgUrl?.startsWith('postgres') ? 'postgres' : 'sqlite']
			: pgUrl !== undefined
				? ['sqlite', 'postgres']
				: ['sqlite'];
	console.log(
		`chaos: seed=${seed} tablets=${tablets} sales/tablet=${salesPerTablet} kills=${serverUrl === undefined ? kills : 0}`
	);
	let isAllClean = true;
	for (const store of stores) {
		const started = Date.now();
		const report = await runChaos({
			store,
			tablets,
			salesPerTablet,
			kills: serverUrl === undefined ? kills : 0,
			seed,
			faults: DEFAULT_FAULTS,
			...(serverUrl !== undefined
				? { serverUrl, databaseUrl: process.env.CHAOS_DATABASE_URL }
				: {}),
			log: (line) => console.log(line)
		});
		for (const problem of report.problems.slice(0, 20)) console.log(`  problem: ${problem}`);
		console.log(
			`  ${report.returns} returns, ${report.oversells} oversells flagged, ${report.kills} kills, proxy ${JSON.stringify(report.proxy)}, ${Math.round((Date.now() - started) / 1000)}s`
		);
		console.log(summaryLine(report));
		isAllClean &&= isClean(report, salesPerTablet);
	}
	process.exit(isAllClean ? 0 : 1);
}

await main();
