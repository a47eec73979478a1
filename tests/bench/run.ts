/**
 * `npm run bench`: starts the real server once, launches Debian's Chromium, runs every metric
 * module in tests/bench/metrics/, then writes tests/bench/results/latest.json and prints the same
 * figures as a table. Builds nothing: it expects apps/web/build (the bootstrap builds it).
 * A metric module that throws is reported as failed and makes the run exit 1.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, tmpdir, type as osType, arch } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	chromiumLaunchOptions,
	findFreePort,
	requireWebBuild
} from '../e2e/support/environment.ts';
import { meetsGoal, round, type BenchContext, type Measure, type Metric } from './metric.ts';
import { startServer } from './server.ts';

interface Failure {
	file: string;
	message: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const metricsDir = join(root, 'tests', 'bench', 'metrics');
const resultsPath = join(root, 'tests', 'bench', 'results', 'latest.json');

const log = (message: string) => process.stderr.write(`${message}\n`);

requireWebBuild(root);
const launchOptions = chromiumLaunchOptions();
// Optional: names of metric files to run (e.g. web-shell); a partial run does not write results.
const only = process.argv.slice(2);
const files = readdirSync(metricsDir)
	.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
	.filter((file) => only.length === 0 || only.includes(file.replace(/\.ts$/, '')))
	.sort();
if (files.length === 0) throw new Error(`no metric modules matched in ${metricsDir}`);

const dataDir = mkdtempSync(join(tmpdir(), 'deadwax-bench-'));
log(`→ starting the server (data in ${dataDir})`);
const server = await startServer({ root, port: await findFreePort(), dataDir });
const browser = await chromium.launch(launchOptions);
const chromiumVersion = browser.version();

const metrics: Metric[] = [];
const failures: Failure[] = [];
try {
	const ctx: BenchContext = {
		baseURL: server.baseURL,
		browser,
		root,
		newContext: (options) => browser.newContext({ baseURL: server.baseURL, ...options }),
		log
	};
	for (const file of files) {
		log(`→ ${file}`);
		try {
			const module = (await import(pathToFileURL(join(metricsDir, file)).href)) as {
				measure?: Measure;
			};
			if (typeof module.measure !== 'function') {
				throw new Error('exports no `measure(ctx)` function');
			}
			metrics.push(...(await module.measure(ctx)));
		} catch (error) {
			failures.push({ file, message: error instanceof Error ? error.message : String(error) });
		}
	}
} finally {
	await browser.close();
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
}

const cpuList = cpus();
const results = {
	machine: {
		cpus: cpuList.length,
		cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
		memoryGb: round(totalmem() / 2 ** 30, 1),
		node: process.version,
		os: `${osType()} ${release()} ${arch()}`,
		chromium: chromiumVersion
	},
	date: new Date().toISOString(),
	metrics
};
printTable(metrics, failures);
if (only.length === 0) {
	// Written whole or not at all: a crash mid-write must not leave half a file in git.
	writeFileSync(`${resultsPath}.tmp`, `${JSON.stringify(results, null, '\t')}\n`);
	renameSync(`${resultsPath}.tmp`, resultsPath);
	log(`\nwrote ${resultsPath}`);
} else {
	log(`\npartial run (${only.join(', ')}): ${resultsPath} left as it was`);
}
process.exitCode = failures.length > 0 ? 1 : 0;

function printTable(rows: readonly Metric[], failed: readonly Failure[]): void {
	const header = [
		'metric',
		'value',
		'unit',
		'baseline',
		'baseline value',
		'ratio',
		'goal',
		'result'
	];
	const lines = rows.map((metric) => {
		const isMet = meetsGoal(metric);
		return [
			metric.name,
			String(metric.value),
			metric.unit,
			metric.baseline?.name ?? '',
			metric.baseline === undefined ? '' : String(metric.baseline.value),
			metric.ratio === undefined ? '' : `${metric.ratio}×`,
			metric.goal === undefined
				? ''
				: 'max' in metric.goal
					? `≤ ${metric.goal.max}`
					: `≥ ${metric.goal.min}`,
			isMet === undefined ? '' : isMet ? 'pass' : 'FAIL'
		];
	});
	for (const { file, message } of failed) {
		lines.push([file, '', '', '', '', '', '', `FAILED: ${message.split('\n')[0] ?? ''}`]);
	}
	const widths = header.map((title, column) =>
		Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length))
	);
	const format = (cells: readonly string[]) =>
		`| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
	console.log(format(header));
	console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
	for (const line of lines) console.log(format(line));
}
