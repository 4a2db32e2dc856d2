import { defineConfig } from 'vitest/config';
import { databaseProjects } from './src/vitest-projects.ts';

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    projects: databaseProjects(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
