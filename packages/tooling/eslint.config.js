import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Workspace packages each layer may not import, and why. Dependencies point one way. */
const BOUNDARIES = {
	core: {
		patterns: [
			'@deadwax/*',
			'dexie',
			'kysely',
			'better-sqlite3',
			'pg',
			'hono',
			'@trpc/*',
			'node:*'
		],
		why: 'packages/core is the pure domain both the tablet and the server run: no workspace package, framework, database or Node API.'
	},
	sync: {
		patterns: [
			'@deadwax/api',
			'@deadwax/db',
			'@deadwax/server',
			'@deadwax/web',
			'kysely',
			'better-sqlite3',
			'pg',
			'hono'
		],
		why: 'packages/sync sits on core only; stores implement its ports, never the other way round.'
	},
	api: {
		patterns: [
			'@deadwax/db',
			'@deadwax/server',
			'@deadwax/web',
			'kysely',
			'better-sqlite3',
			'pg',
			'hono'
		],
		why: 'packages/api gets its stores through context, so it never imports db or a driver.'
	},
	db: {
		patterns: ['@deadwax/api', '@deadwax/server', '@deadwax/web', '@trpc/*', 'hono'],
		why: 'packages/db implements the ports of core and sync; it knows nothing of transport.'
	},
	web: {
		patterns: [
			'@deadwax/db',
			'@deadwax/server',
			'kysely',
			'better-sqlite3',
			'pg',
			'hono',
			'node:*'
		],
		why: 'apps/web runs in the browser; it reaches the server only over tRPC (import type { AppRouter } is allowed).'
	}
};

/**
 * The shared flat config. `layer` names the boundary rules the workspace obeys.
 * @param {{ layer?: keyof typeof BOUNDARIES, tsconfigRootDir: string, svelte?: boolean }} options
 */
export function deadwaxConfig({ layer, tsconfigRootDir, svelte: withSvelte = false }) {
	const boundary = layer ? BOUNDARIES[layer] : undefined;
	return ts.config(
		{
			ignores: [
				'**/node_modules/**',
				'**/build/**',
				'**/.svelte-kit/**',
				'**/dist/**',
				'**/test-results/**',
				'**/*.config.js',
				'**/bench/results/**',
				'**/static/**'
			]
		},
		js.configs.recommended,
		...ts.configs.recommendedTypeChecked,
		...(withSvelte ? svelte.configs['flat/recommended'] : []),
		{
			languageOptions: {
				globals: { ...globals.browser, ...globals.node },
				parserOptions: {
					projectService: true,
					tsconfigRootDir,
					extraFileExtensions: withSvelte ? ['.svelte'] : []
				}
			},
			rules: {
				'@typescript-eslint/no-floating-promises': 'error',
				'@typescript-eslint/no-misused-promises': 'error',
				'@typescript-eslint/switch-exhaustiveness-check': 'error',
				'@typescript-eslint/consistent-type-imports': 'error',
				'@typescript-eslint/no-unused-vars': [
					'error',
					{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
				],
				'no-restricted-syntax': [
					'error',
					{
						selector: "MemberExpression[object.name='process'][property.name='env']",
						message:
							'Read configuration in apps/server/src/config.ts (the only reader of process.env).'
					}
				],
				...(boundary
					? {
							'no-restricted-imports': [
								'error',
								{ patterns: [{ group: boundary.patterns, message: boundary.why }] }
							]
						}
					: {})
			}
		},
		...(withSvelte
			? [
					{
						files: ['**/*.svelte', '**/*.svelte.ts'],
						languageOptions: { parserOptions: { parser: ts.parser, svelteConfig: undefined } }
					}
				]
			: []),
		{
			// Tests may use looser types for fixtures, but never skip or focus.
			files: ['**/*.test.ts', '**/*.spec.ts', '**/testing/**'],
			rules: {
				'@typescript-eslint/no-non-null-assertion': 'off',
				'no-restricted-syntax': [
					'error',
					{ selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
					{ selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' }
				]
			}
		}
	);
}
