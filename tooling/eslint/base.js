// Shared flat config: typescript-eslint's type-aware recommended rules, plus
// the project's rules for its architecture (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** @param {{ tsconfigRootDir: string }} options */
export function config({ tsconfigRootDir }) {
  return tseslint.config(
    { ignores: ['**/dist/**', '**/.turbo/**', '**/node_modules/**', '**/*.js'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/only-throw-error': 'off',
        'no-restricted-syntax': [
          'error',
          {
            selector: "MemberExpression[object.name='process'][property.name='env']",
            message:
              'Read configuration through the env module (src/env.ts), the only reader of process.env.',
          },
        ],
      },
    },
    {
      files: ['**/env.ts'],
      rules: { 'no-restricted-syntax': 'off' },
    },
    {
      files: [
        '**/*.test.ts',
        '**/testing.ts',
        '**/test-setup.ts',
        '**/vitest-projects.ts',
        '**/test/**/*.ts',
        '**/*.config.ts',
        '**/scripts/**/*.ts',
      ],
      rules: {
        'no-restricted-syntax': 'off',
        '@typescript-eslint/no-non-null-assertion': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
      },
    },
  );
}
