import { deadwaxConfig } from '@deadwax/tooling/eslint';

export default [
	...deadwaxConfig({ layer: 'core', tsconfigRootDir: import.meta.dirname }),
	{
		// Tests may read the real-data fixtures from disk; production core stays free of Node APIs.
		files: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['@deadwax/*', 'dexie', 'kysely', 'better-sqlite3', 'pg', 'hono', '@trpc/*'],
							message: 'packages/core tests import only core, zod, vitest, fast-check and node:*.'
						}
					]
				}
			]
		}
	}
];
