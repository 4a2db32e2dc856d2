import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  css: {
    // GOV.UK Frontend keeps a few old Internet Explorer media-query hacks (`screen\0`) that Lightning CSS
    // cannot parse: let it drop those rules (they target IE only) and minify the rest.
    lightningcss: { errorRecovery: true },
  },
  test: {
    include: ['src/**/*.test.ts'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
