import { createRequire } from 'node:module';
import { databaseProjects } from '@handover/db/vitest-projects';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds without an exports map. Node, and so Pothos
    // and Yoga, load the CJS one; Vite would hand our own modules the ESM one, and two GraphQLError
    // classes would exist. Point Vite at the build Node uses, as in production.
    alias: { graphql: createRequire(import.meta.url).resolve('graphql') },
  },
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    projects: databaseProjects(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
