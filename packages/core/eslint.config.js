import { deadwaxConfig } from '@deadwax/tooling/eslint';

export default deadwaxConfig({ layer: 'core', tsconfigRootDir: import.meta.dirname });
