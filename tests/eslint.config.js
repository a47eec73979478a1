import { deadwaxConfig } from '@deadwax/tooling/eslint';

const config = deadwaxConfig({ tsconfigRootDir: import.meta.dirname });
// Whole-stack tests launch processes and read their own env knobs (CHROMIUM_PATH, CHAOS_SERVER_URL),
// so process.env is allowed here; focused and skipped tests are still not.
export default [
	...config,
	{
		rules: {
			'no-restricted-syntax': [
				'error',
				{ selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
				{ selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' }
			]
		}
	}
];
