import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import config, { ANNOUNCER_STYLE } from '../svelte.config.js';

describe('the content security policy (svelte.config.js)', () => {
  const styleSrc = config.kit?.csp?.directives?.['style-src'] ?? [];

  it("allows no inline style or script but by hash or nonce: never 'unsafe-inline'", () => {
    for (const sources of Object.values(config.kit?.csp?.directives ?? {})) {
      expect(sources).not.toContain('unsafe-inline');
    }
  });

  it("hashes the style attribute SvelteKit's route announcer is written with, as this SvelteKit writes it", () => {
    // If SvelteKit changes the announcer's style, its hash here is stale and every page logs a CSP error.
    const require = createRequire(import.meta.url);
    const kit = require.resolve('@sveltejs/kit/package.json');
    const writeRoot = readFileSync(new URL('src/core/sync/write_root.js', `file://${kit}`), 'utf8');
    expect(writeRoot).toContain(`id="svelte-announcer"`);
    expect(writeRoot).toContain(`style="${ANNOUNCER_STYLE}"`);
    expect(styleSrc).toContain('unsafe-hashes');
    expect(styleSrc.filter((s) => s.startsWith('sha256-'))).toHaveLength(1);
  });

  it('has no inline style in the page shell (app.html)', () => {
    expect(readFileSync(new URL('app.html', import.meta.url), 'utf8')).not.toMatch(/\sstyle=/);
  });
});
