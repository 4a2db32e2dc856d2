/**
 * Vitest global setup for the packages whose tests need a database: builds
 * the run's seeded database for the project's kind (TEST_DB_KIND: pglite or
 * postgres) and hands its whereabouts to the test files.
 */
import type { TestProject } from 'vitest/node';
import type { DbKind } from './create-db.ts';
import { prepareTestDatabases } from './testing.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = (project.config.env?.TEST_DB_KIND ?? 'pglite') as DbKind;
  const { databases, teardown } = await prepareTestDatabases(kind, process.env.TEST_DATABASE_URL);
  project.provide('testDatabases', databases);
  project.provide('testDbKind', kind);
  return teardown;
}
