import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from './http.ts';
import { peer, startSecurityApp, type SecurityTestApp } from './testing.ts';

const QUERY = JSON.stringify({ query: '{ today }' });

describe("the API's HTTP hardening", () => {
  let api: SecurityTestApp;
  let token: string;
  beforeAll(async () => {
    api = await startSecurityApp({ corsOrigins: [] });
    token = await api.signIn('VIEWER');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });
  const call = (url: string, init: RequestInit = {}) => api.app.fetch(url, init, peer('192.0.2.30'));
  const post = (url = 'http://localhost/graphql', headers: Record<string, string> = {}) =>
    call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: QUERY,
    });

  it('sets a locked-down CSP, nosniff, a Referrer-Policy and no-store on GraphQL answers', async () => {
    const res = await post();
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "default-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await call('http://localhost/health')).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends HSTS except to localhost and 127.0.0.1', async () => {
    expect((await post()).headers.get('strict-transport-security')).toBeNull();
    expect((await post('http://127.0.0.1:4000/graphql')).headers.get('strict-transport-security')).toBeNull();
    expect(
      (await post('https://api.handover.example/graphql')).headers.get('strict-transport-security'),
    ).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers no CORS unless origins are configured', async () => {
    const res = await post(undefined, { origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    const open = await startSecurityApp({ corsOrigins: ['https://partner.example'] });
    try {
      const allowed = await open.app.fetch('http://localhost/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
      const other = await open.app.fetch('http://localhost/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    } finally {
      await open.close();
    }
  });

  it('refuses what a cross-site form could send; a GET query needs the CSRF header; no mutation over GET', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await call('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        body: QUERY,
      });
      expect(res.status, type).toBe(403);
    }
    const get = (query: string, headers: Record<string, string> = {}) =>
      call(`http://localhost/graphql?query=${encodeURIComponent(query)}`, {
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...headers },
      });
    const bare = await get('{ today }');
    expect(bare.status).toBe(403);
    expect(await bare.json()).toMatchObject({ errors: [{ message: 'Required CSRF header(s) not present' }] });
    expect((await get('{ today }', { [CSRF_HEADER]: '1' })).status).toBe(200);
    const mutation = await get('mutation { logout }', { [CSRF_HEADER]: '1' });
    expect(mutation.status).toBe(405);
    // The session is still there.
    expect(((await (await post()).json()) as { data?: unknown }).data).toBeTruthy();
  });

  it('keeps the rate-limit refusal under the same headers', async () => {
    const limited = await startSecurityApp({ rateLimit: { perMinute: 1, partnerPerMinute: 1 } });
    try {
      await limited.post({ query: '{ today }' });
      const res = await limited.post({ query: '{ today }' });
      expect(res.status).toBe(429);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await limited.close();
    }
  });
});

describe('GraphiQL in development', () => {
  it('is served with a CSP that allows exactly its own inline scripts', async () => {
    const api = await startSecurityApp({ graphiql: true });
    try {
      const res = await api.app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const html = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, body] of scripts) {
        expect(csp).toContain(`'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
      }
      expect(csp).toMatch(/script-src 'self' 'sha256-/);
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
        expect(csp).toContain(directive);
      }
    } finally {
      await api.close();
    }
  });
});
