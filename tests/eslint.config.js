import { deadwaxConfig } from '@deadwax/tooling/eslint';

const config = deadwaxConfig({ tsconfigRootDir: import.meta.dirname });
// Whole-stack tests launch processes and read their own env knobs (CHROMIUM_PATH, CHAOS_SERVER_URL).
export default [...config, { rules: { 'no-restricted-syntax': 'off' } }];
