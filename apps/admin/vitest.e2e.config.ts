import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built admin app and the API, in Debian's Chromium; on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
const kinds = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results-e2e.json' }]] : ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    projects: kinds.map((kind) => ({
      test: {
        name: `e2e-${kind}`,
        include: ['e2e/**/*.e2e.ts'],
        env: { TEST_DB_KIND: kind },
        globalSetup: ['e2e/servers.ts'],
        setupFiles: ['e2e/console.setup.ts'],
        fileParallelism: false,
      },
    })),
  },
});
