import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handle } from './hooks.server';

/** The sign-in page as `handle` sees it, for a browser that has no session yet. */
function event(url: string, session?: string): RequestEvent {
  return {
    url: new URL(url),
    cookies: { get: () => session, delete: () => {} },
    locals: {},
    getClientAddress: () => '203.0.113.4',
  } as unknown as RequestEvent;
}

const resolve = () =>
  Promise.resolve(new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }));

describe('security headers', () => {
  it('set nosniff, a Referrer-Policy and no framing, and HSTS except on localhost', async () => {
    const remote = await handle({ event: event('https://handover.example/sign-in'), resolve });
    expect(remote.headers.get('x-content-type-options')).toBe('nosniff');
    expect(remote.headers.get('referrer-policy')).toBe('same-origin');
    expect(remote.headers.get('x-frame-options')).toBe('DENY');
    expect(remote.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    // Not signed in: nothing personal to keep out of caches.
    expect(remote.headers.get('cache-control')).toBeNull();

    for (const local of ['http://localhost:3000/sign-in', 'http://127.0.0.1:3000/sign-in']) {
      const res = await handle({ event: event(local), resolve });
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('a signed-in request', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is not cached, and its API calls forward the browser address and the CSRF header', async () => {
    const sent: Headers[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers));
      const viewer = { id: 'VXNlcjox', email: 'admin@handover.example', name: 'Admin', role: 'ADMIN' };
      return Promise.resolve(Response.json({ data: { viewer } }));
    });
    const res = await handle({ event: event('http://localhost:3000/', 'a'.repeat(43)), resolve });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.get('x-forwarded-for')).toBe('203.0.113.4');
    expect(sent[0]!.get('x-handover-csrf')).toBe('1');
    expect(sent[0]!.get('authorization')).toBe(`Bearer ${'a'.repeat(43)}`);
  });
});

describe('pages open to anyone', () => {
  it('serve the accessibility statement and the privacy notice without signing in, and nothing else', async () => {
    for (const path of ['/accessibility', '/privacy', '/sign-in', '/favicon.ico']) {
      const res = await handle({ event: event(`http://localhost:3000${path}`), resolve });
      expect(res.status, path).toBe(200);
    }
    for (const path of ['/', '/people', '/accessibility/x', '/privacy-notice']) {
      await expect(handle({ event: event(`http://localhost:3000${path}`), resolve }), path).rejects.toMatchObject({
        status: 303,
      });
    }
  });
});
