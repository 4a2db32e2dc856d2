import { createHash } from 'node:crypto';
import adapter from '@sveltejs/adapter-node';

/**
 * The one inline style the app's pages carry: SvelteKit's route announcer (the live region that reads
 * a new page's title after a client-side navigation) hides itself with this style attribute, written
 * by SvelteKit itself (`@sveltejs/kit/src/core/sync/write_root.js`, sveltejs/kit#11993). The CSP allows
 * exactly this value by its hash ('unsafe-hashes' permits hashes of style attributes, not arbitrary
 * inline styles); `src/csp.test.ts` checks that SvelteKit still writes it, and the e2e suite fails on
 * any CSP error in the browser's console. No other inline style is allowed: never 'unsafe-inline'.
 */
export const ANNOUNCER_STYLE =
  'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerHash = `sha256-${createHash('sha256').update(ANNOUNCER_STYLE).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    files: {
      // GOV.UK Frontend's fonts and images are served from its own package at /assets/...,
      // where its stylesheet expects them: nothing is copied into the repository.
      assets: 'node_modules/govuk-frontend/dist/govuk',
    },
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-hashes', /** @type {`sha256-${string}`} */ (announcerHash)],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'form-action': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'frame-ancestors': ['none'],
      },
    },
  },
};
