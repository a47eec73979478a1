import { deadwaxConfig } from '@deadwax/tooling/eslint';

const config = deadwaxConfig({ layer: 'db', tsconfigRootDir: import.meta.dirname });
export default [
	...config,
	{
		// src/testing reads TEST_DATABASE_URL to pick the PostgreSQL server of the integration
		// suites; that is the one place in db allowed to read process.env.
		files: ['src/testing/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{ selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
				{ selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' }
			]
		}
	}
];
