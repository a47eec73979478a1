import { deadwaxConfig } from '@deadwax/tooling/eslint';

export default deadwaxConfig({ layer: 'sync', tsconfigRootDir: import.meta.dirname });
