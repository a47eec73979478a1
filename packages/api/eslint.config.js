import { deadwaxConfig } from '@deadwax/tooling/eslint';

export default deadwaxConfig({ layer: 'api', tsconfigRootDir: import.meta.dirname });
