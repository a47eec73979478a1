import { deadwaxConfig } from '@deadwax/tooling/eslint';

export default deadwaxConfig({ layer: 'web', tsconfigRootDir: import.meta.dirname, svelte: true });
