import { config } from '@handover/eslint-config';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default [
  { ignores: ['.svelte-kit/**', 'build/**', 'e2e/screenshots/**', '**/*.tmp.mjs'] },
  ...config({ tsconfigRootDir: import.meta.dirname }),
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      // SvelteKit reads configuration through $env, which the app uses; process.env appears in config files only.
      'no-restricted-syntax': 'off',
      // The app has no base path: plain hrefs are right, resolve() would add nothing.
      'svelte/no-navigation-without-resolve': 'off',
      // TypeScript checks names (svelte-check); ESLint's no-undef does not know the browser globals in .svelte files.
      'no-undef': 'off',
    },
  },
];
