/**
 * The test projects of a package that uses the database: every test file
 * runs on PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { fileURLToPath } from 'node:url';

const globalSetup = fileURLToPath(new URL('./test-setup.ts', import.meta.url));

export function databaseProjects(include: string[] = ['src/**/*.test.ts']) {
  const kinds = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
  return kinds.map((kind) => ({
    extends: true as const,
    test: {
      name: kind,
      include,
      benchmark: { include: ['src/**/*.bench.ts'] },
      env: { TEST_DB_KIND: kind },
      globalSetup: [globalSetup],
    },
  }));
}
