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
    // The test files share their workers' loaded modules (the schema, PGlite's WebAssembly): loading
    // them again for each file was half the run. Each file still opens its own database and app, and no
    // test mocks a module.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
