#!/usr/bin/env node
// The one entry point behind `npm start`, `npm test`, `npm run bench` and `npm run test:chaos`.
// It needs only Node and the npm registry: it brings the pinned pnpm, installs, builds, and then
// runs the step. Plain JavaScript on purpose: it must run before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pinnedPnpm = pkg.packageManager.replace(/^pnpm@/, '');
const [command = 'start', ...rest] = process.argv.slice(2);

function fail(message) {
	console.error(`\n✖ ${message}\n`);
	process.exit(1);
}

function run(cmd, args, options = {}) {
	const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
	if (result.error) fail(`${cmd} ${args.join(' ')} could not start: ${result.error.message}`);
	return result.status ?? 1;
}

function must(cmd, args, options) {
	const status = run(cmd, args, options);
	if (status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${status}).`);
}

function checkNode() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 20 || (major === 20 && minor < 19)) {
		fail(`Deadwax needs Node ≥ 20.19 (this is ${process.versions.node}). Install a newer Node.`);
	}
}

/** Re-runs this script under `npm exec pnpm@<pinned>` when the pinned pnpm is not on PATH. */
function ensurePnpm() {
	const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
	if (probe.status === 0 && probe.stdout.trim() === pinnedPnpm) return;
	if (process.env.DEADWAX_PNPM_BOOTSTRAPPED) {
		fail(
			`pnpm ${pinnedPnpm} is still not on PATH after bootstrapping (found ${probe.stdout?.trim() || 'none'}). Run: npm i -g pnpm@${pinnedPnpm}`
		);
	}
	console.log(
		`→ pnpm ${pinnedPnpm} not on PATH; fetching it with npm exec (corepack is not used: its signature check fails on some registries)`
	);
	const status = run(
		'npm',
		[
			'exec',
			'--yes',
			`--package=pnpm@${pinnedPnpm}`,
			'--',
			'node',
			fileURLToPath(import.meta.url),
			command,
			...rest
		],
		{ env: { ...process.env, DEADWAX_PNPM_BOOTSTRAPPED: '1' } }
	);
	process.exit(status);
}

function nativeBuildEnv() {
	// better-sqlite3 compiles from source when no prebuilt binary can be fetched; node-gyp then
	// needs Node's headers, which Debian's nodejs ships under /usr.
	const env = { ...process.env };
	if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
		env.npm_config_nodedir = '/usr';
	return env;
}

function install() {
	const marker = join(root, 'node_modules', '.pnpm', 'lock.yaml');
	const lock = join(root, 'pnpm-lock.yaml');
	if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
	console.log('→ installing dependencies (first run compiles better-sqlite3, about a minute)');
	must('pnpm', ['install', '--frozen-lockfile'], { env: nativeBuildEnv() });
}

/** SvelteKit writes apps/web/.svelte-kit (tsconfig, types) on sync; lint, typecheck and Vitest read it. */
function syncSvelteKit() {
	if (existsSync(join(root, 'apps', 'web', '.svelte-kit', 'tsconfig.json'))) return;
	must('pnpm', ['--filter', '@deadwax/web', 'exec', 'svelte-kit', 'sync']);
}

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

function buildWeb({ force = false } = {}) {
	const index = join(root, 'apps', 'web', 'build', 'index.html');
	const sources = ['apps/web/src', 'apps/web/static', 'packages/core/src', 'packages/sync/src'];
	const newestSource = Math.max(
		...sources.map((s) => (existsSync(join(root, s)) ? newestMtime(join(root, s)) : 0))
	);
	if (!force && existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
	console.log('→ building the web app');
	must('pnpm', ['--filter', '@deadwax/web', 'build']);
}

function chromiumPath() {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path)) {
		fail(
			`Chromium not found at ${path}. The e2e tests and benchmarks drive a real browser.\n  Fix: install Debian's Chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`
		);
	}
	return path;
}

/** Runs every check, counts what each runner reports, and ends with one `N passed, N failed` line. */
function test() {
	chromiumPath();
	const resultsDir = join(root, 'test-results');
	rmSync(resultsDir, { recursive: true, force: true });
	mkdirSync(resultsDir, { recursive: true });
	const rows = [];
	const step = (name, cmd, args, count) => {
		console.log(`\n━━ ${name} ━━`);
		const started = Date.now();
		const status = run(cmd, args);
		const counted = count?.();
		const passed = counted ? counted.passed : status === 0 ? 1 : 0;
		let failed = counted ? counted.failed : status === 0 ? 0 : 1;
		if (status !== 0 && failed === 0) failed = 1; // a runner that crashed still fails the run
		rows.push({ name, passed, failed, seconds: Math.round((Date.now() - started) / 1000) });
	};
	const vitestCount = (file) => () => {
		const path = join(resultsDir, file);
		if (!existsSync(path)) return undefined;
		const report = JSON.parse(readFileSync(path, 'utf8'));
		return {
			passed: report.numPassedTests,
			failed: report.numFailedTests + (report.numRuntimeErrorTests ?? 0)
		};
	};
	const playwrightCount = () => {
		const path = join(resultsDir, 'e2e.json');
		if (!existsSync(path)) return undefined;
		const { stats } = JSON.parse(readFileSync(path, 'utf8'));
		return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
	};

	if (!process.env.TEST_DATABASE_URL) {
		console.log(
			'ℹ TEST_DATABASE_URL is not set: integration tests run on SQLite only. Set it to postgres://… to run them on PostgreSQL too (.ci/run does).'
		);
	}
	step('format', 'pnpm', ['format:check']);
	step('lint', 'pnpm', ['lint']);
	step('typecheck', 'pnpm', ['typecheck']);
	const vitestJson = (file) => [
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=test-results/${file}`
	];
	step(
		'unit',
		'pnpm',
		[
			'exec',
			'vitest',
			'run',
			'-c',
			'tests/vitest.config.ts',
			'--project',
			'unit',
			...vitestJson('unit.json')
		],
		vitestCount('unit.json')
	);
	step(
		process.env.TEST_DATABASE_URL ? 'integration (SQLite + PostgreSQL)' : 'integration (SQLite)',
		'pnpm',
		[
			'exec',
			'vitest',
			'run',
			'-c',
			'tests/vitest.config.ts',
			'--project',
			'integration',
			...vitestJson('integration.json')
		],
		vitestCount('integration.json')
	);
	buildWeb();
	step(
		'e2e (Chromium)',
		'pnpm',
		['exec', 'playwright', 'test', '-c', 'tests/playwright.config.ts'],
		playwrightCount
	);

	const total = rows.reduce(
		(t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed }),
		{ passed: 0, failed: 0 }
	);
	console.log('\n━━ summary ━━');
	for (const r of rows)
		console.log(
			`${r.failed ? '✖' : '✔'} ${r.name.padEnd(36)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${r.seconds}s`
		);
	console.log(`${total.passed} passed, ${total.failed} failed`);
	process.exit(total.failed === 0 ? 0 : 1);
}

checkNode();
ensurePnpm();
install();
syncSvelteKit();
switch (command) {
	case 'start':
		buildWeb();
		process.exit(run('pnpm', ['deadwax', 'serve', ...rest]));
		break;
	case 'test':
		test();
		break;
	case 'bench':
		chromiumPath();
		buildWeb();
		process.exit(run('pnpm', ['exec', 'tsx', 'tests/bench/run.ts', ...rest]));
		break;
	case 'chaos':
		process.exit(run('pnpm', ['exec', 'tsx', 'tests/system/chaos.ts', ...rest]));
		break;
	default:
		fail(`Unknown command "${command}". Use start, test, bench or chaos.`);
}
