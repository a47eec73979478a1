import { deadwaxConfig } from '@deadwax/tooling/eslint';

const config = deadwaxConfig({ tsconfigRootDir: import.meta.dirname });
// config.ts is the one place that reads process.env.
export default [
	...config,
	{ files: ['src/config.ts'], rules: { 'no-restricted-syntax': 'off' } },
	// The bin shim is plain JavaScript outside the TypeScript project.
	{ ignores: ['bin/**'] }
];
