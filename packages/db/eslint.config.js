import { deadwaxConfig } from '@deadwax/tooling/eslint';

export default deadwaxConfig({ layer: 'db', tsconfigRootDir: import.meta.dirname });
