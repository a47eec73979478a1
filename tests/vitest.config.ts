import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Two projects. `unit`: pure and in-memory tests beside their code (core, sync with
 * fake-indexeddb, api through createCaller). `integration`: *.int.test.ts files that open a real
 * store: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set (the suites read it).
 */
export default defineConfig({
	test: {
		root,
		projects: [
			{
				test: {
					name: 'unit',
					root,
					include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
					exclude: ['**/*.int.test.ts', '**/node_modules/**'],
					environment: 'node'
				}
			},
			{
				test: {
					name: 'integration',
					root,
					include: [
						'packages/*/src/**/*.int.test.ts',
						'apps/*/src/**/*.int.test.ts',
						'tests/system/**/*.int.test.ts'
					],
					exclude: ['**/node_modules/**'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000,
					// One store at a time: the PostgreSQL suites share one database.
					fileParallelism: false
				}
			}
		]
	}
});
