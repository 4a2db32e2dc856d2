import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.ts';
import { clientAddress } from './client-address.ts';
import { rateLimitKey, TokenBuckets } from './rate-limit.ts';
import { peer, startSecurityApp, type SecurityTestApp } from './testing.ts';

const clockAt = (start: string) => {
  let t = new Date(start).getTime();
  const clock: Clock = { now: () => new Date(t) };
  return { clock, advance: (ms: number) => (t += ms) };
};

describe('token buckets', () => {
  it("allow a minute's worth at once, then refill continuously", () => {
    const { clock, advance } = clockAt('2023-02-15T09:00:00Z');
    const buckets = new TokenBuckets(clock);
    for (let i = 0; i < 60; i++) expect(buckets.take('a', 60).allowed).toBe(true);
    expect(buckets.take('a', 60)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take('b', 60).allowed).toBe(true);
    advance(1000);
    expect(buckets.take('a', 60).allowed).toBe(true);
    expect(buckets.take('a', 60).allowed).toBe(false);
  });

  it('say how long to wait when the rate is slow', () => {
    const { clock, advance } = clockAt('2023-02-15T09:00:00Z');
    const buckets = new TokenBuckets(clock);
    expect(buckets.take('a', 2).allowed).toBe(true);
    expect(buckets.take('a', 2).allowed).toBe(true);
    expect(buckets.take('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    advance(20_000);
    expect(buckets.take('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('forget buckets once they are full again', () => {
    const { clock, advance } = clockAt('2023-02-15T09:00:00Z');
    const buckets = new TokenBuckets(clock, 2);
    buckets.take('a', 60);
    buckets.take('b', 60);
    advance(61_000);
    buckets.take('c', 60);
    expect(buckets.size).toBe(1);
  });
});

describe('the rate limit key', () => {
  it('is the SHA-256 of the bearer token, else the client address', () => {
    const key = rateLimitKey('Bearer abc', '192.0.2.1');
    expect(key).toBe('token:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(rateLimitKey(null, '192.0.2.1')).toBe('address:192.0.2.1');
    expect(rateLimitKey('Basic x', '192.0.2.1')).toBe('address:192.0.2.1');
  });

  it('believes X-Forwarded-For only from a trusted proxy, read from the right', () => {
    const req = (xff?: string) =>
      new Request('http://localhost/graphql', { headers: xff ? { 'x-forwarded-for': xff } : {} });
    const trusted = ['127.0.0.1', '::1'];
    expect(clientAddress(req('203.0.113.9'), peer('198.51.100.7'), trusted)).toBe('198.51.100.7');
    expect(clientAddress(req('203.0.113.9'), peer('::ffff:127.0.0.1'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(req('6.6.6.6, 203.0.113.9'), peer('127.0.0.1'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(req(), peer('127.0.0.1'), trusted)).toBe('127.0.0.1');
    expect(clientAddress(req('not-an-ip'), peer('127.0.0.1'), trusted)).toBe('127.0.0.1');
    expect(clientAddress(req(), undefined, trusted)).toBe('unknown');
  });
});

describe('the API under its rate limit', () => {
  const { clock, advance } = clockAt('2023-02-15T09:00:00Z');
  let api: SecurityTestApp;
  let partner = false;
  beforeAll(async () => {
    api = await startSecurityApp({
      clock,
      rateLimit: { perMinute: 5, partnerPerMinute: 2 },
      isPartnerRequest: () => partner,
    });
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('answers 429 with Retry-After and an error naming the limit, per token', async () => {
    const token = await api.signIn('VIEWER'); // one request from 192.0.2.10, without a token
    const asViewer = () => api.post({ query: '{ today }' }, { authorization: `Bearer ${token}` });
    for (let i = 0; i < 5; i++) expect((await asViewer()).status).toBe(200);
    const refused = await asViewer();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('12');
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'Rate limit of 5 requests a minute exceeded: try again in 12 s',
          extensions: { code: 'RATE_LIMITED', limit: 5, retryAfterSeconds: 12 },
        },
      ],
    });
    // Another token, and the same address without a token, have their own buckets.
    const editor = await api.signIn('EDITOR');
    expect((await api.post({ query: '{ today }' }, { authorization: `Bearer ${editor}` })).status).toBe(200);
    expect((await api.post({ query: '{ today }' })).status).toBe(200);
    advance(12_000);
    expect((await asViewer()).status).toBe(200);
    expect((await asViewer()).status).toBe(429);
  });

  it('counts requests without a token by client address, and leaves /health alone', async () => {
    const anonymous = () => api.post({ query: '{ today }' }, {}, '198.51.100.20');
    for (let i = 0; i < 5; i++) expect((await anonymous()).status).toBe(200);
    expect((await anonymous()).status).toBe(429);
    expect((await api.post({ query: '{ today }' }, {}, '198.51.100.21')).status).toBe(200);
    expect((await api.app.fetch('http://localhost/health', {}, peer('198.51.100.20'))).status).toBe(200);
  });

  it('counts tokens that authenticate nobody by client address: made-up tokens buy no fresh bucket', async () => {
    const address = '198.51.100.30';
    const madeUp = (i: number) =>
      api.post(
        { query: '{ today }' },
        { authorization: `Bearer made-up-token-number-${i}-xxxxxxxx` },
        address,
      );
    for (let i = 0; i < 5; i++) expect((await madeUp(i)).status).toBe(200);
    expect((await madeUp(5)).status).toBe(429);
    // A real session from the same address still has its own bucket.
    const viewer = await api.signIn('VIEWER');
    expect(
      (await api.post({ query: '{ today }' }, { authorization: `Bearer ${viewer}` }, address)).status,
    ).toBe(200);
  });

  it('gives partner requests their own limit', async () => {
    partner = true;
    try {
      const call = () => api.post({ query: '{ today }' }, { authorization: `Bearer ${'p'.repeat(43)}` });
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('30');
    } finally {
      partner = false;
    }
  });
});
