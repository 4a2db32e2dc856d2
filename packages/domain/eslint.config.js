import { config } from '@handover/eslint-config';

export default config({ tsconfigRootDir: import.meta.dirname });
