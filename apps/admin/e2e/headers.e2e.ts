/** HTTP hardening of both servers as built for production (the API runs with NODE_ENV=production). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signedIn, takeConsoleErrors, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const LOCKED = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"];

describe('the admin app', () => {
  it('sends a CSP, nosniff and a Referrer-Policy, no HSTS on localhost, and no-store once signed in', async () => {
    const signIn = await fetch(url('/sign-in'));
    const csp = signIn.headers.get('content-security-policy') ?? '';
    for (const d of LOCKED) expect(csp).toContain(d);
    // Inline styles and scripts are refused: only hashed or nonced ones run (svelte.config.js).
    expect(csp).not.toContain('unsafe-inline');
    expect(signIn.headers.get('x-content-type-options')).toBe('nosniff');
    expect(signIn.headers.get('referrer-policy')).toBe('same-origin');
    expect(signIn.headers.get('strict-transport-security')).toBeNull();

    const { context, page } = await signedIn(browser, 'viewer');
    try {
      const response = await page.goto(url('/'));
      const headers = response!.headers();
      expect(headers['cache-control']).toBe('no-store');
      for (const d of LOCKED) expect(headers['content-security-policy']).toContain(d);
    } finally {
      await context.close();
    }
  });

  it('refuses an inline style, and the e2e suite sees the refusal as a console error', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    try {
      await page.goto(url('/'));
      // The pages themselves log nothing (the setup file checks after every test).
      expect(takeConsoleErrors()).toEqual([]);
      await page.evaluate(() => {
        const div = document.createElement('div');
        div.setAttribute('style', 'color: red');
        document.body.append(div);
      });
      await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
      const errors = takeConsoleErrors();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/Content Security Policy directive 'style-src/);
      // A page the server refuses (403 for a board member) is its answer, not a console error; a
      // request of the page's own that fails is one.
      expect((await page.goto(url('/audit')))?.status()).toBe(403);
      expect(takeConsoleErrors()).toEqual([]);
      await page.evaluate(() => fetch('/no-such-file.js').then(() => new Promise((r) => setTimeout(r, 100))));
      expect(takeConsoleErrors()).toEqual([expect.stringMatching(/status of 404/)]);
    } finally {
      await context.close();
    }
  });

  it("refuses a cross-site form post (SvelteKit's origin check)", async () => {
    const res = await fetch(url('/sign-in'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'email=admin%40handover.example&password=handover-demo',
    });
    expect(res.status).toBe(403);
  });
});

describe('the API', () => {
  const api = () => inject('apiUrl');

  it('sends a locked CSP, nosniff, no-store, no HSTS on 127.0.0.1, and no CORS', async () => {
    const res = await fetch(api(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ viewer { email } }' }),
    });
    expect(res.status).toBe(200);
    for (const d of LOCKED) expect(res.headers.get('content-security-policy')).toContain(d);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a form-encoded post, a GET without the CSRF header, a batch and introspection', async () => {
    const form = await fetch(api(), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { email } }' }),
    });
    expect(form.status).toBe(403);
    const get = await fetch(`${api()}?query=${encodeURIComponent('{ viewer { email } }')}`);
    expect(get.status).toBe(403);
    const batch = await fetch(api(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ viewer { email } }' }, { query: '{ viewer { email } }' }]),
    });
    expect(batch.status).toBe(400);
    const intro = await fetch(api(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const body = (await intro.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
