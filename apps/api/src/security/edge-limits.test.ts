import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { isDatabaseUnreachable } from './failures.ts';
import { startSecurityApp, type SecurityTestApp } from './testing.ts';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('the size of a request, refused before parsing', () => {
  let api: SecurityTestApp;
  beforeAll(async () => {
    api = await startSecurityApp({ requestSizeLimits: { maxBodyBytes: 10_000, maxDocumentLength: 2_000 } });
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('answers 413 to a body over the limit, by its Content-Length or as it is read', async () => {
    const big = JSON.stringify({ query: '{ viewer { email } }', variables: { x: 'y'.repeat(20_000) } });
    const declared = await api.post(big, { 'content-length': String(Buffer.byteLength(big)) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as Body).errors?.[0]).toMatchObject({
      message: 'The request is too large: at most 10000 bytes',
      extensions: { code: 'REQUEST_TOO_LARGE' },
    });
    // No Content-Length (as a chunked upload): counted while read.
    const counted = await api.post(big);
    expect(counted.status).toBe(413);
    const small = await api.post({ query: '{ viewer { email } }' });
    expect(small.status).toBe(200);
  });

  it('answers a document over the limit before parsing it, in a body (413) or a query string (400)', async () => {
    const long = `{ viewer { email ${' '.repeat(3_000)} } }`;
    const posted = await api.post({ query: long });
    expect(posted.status).toBe(413);
    expect(((await posted.json()) as Body).errors?.[0]?.message).toMatch(
      /GraphQL document is too long \(\d+ characters; at most 2000\)/,
    );
    const got = await api.app.fetch(
      `http://localhost/graphql?query=${encodeURIComponent(long + ' '.repeat(2_000))}`,
      {
        headers: { 'x-handover-csrf': '1' },
      },
    );
    expect(got.status).toBe(400);
  });
});

describe('no suggestions in production', () => {
  let api: SecurityTestApp;
  let token: string;
  beforeAll(async () => {
    api = await startSecurityApp({ production: true });
    token = await api.signIn('ADMIN');
  });
  afterAll(async () => {
    await api.close();
  });

  it('names no enum value, in a literal or in a variable', async () => {
    const literal = await api.post(
      {
        query:
          '{ programmes(first: 1) { edges { node { checklistItems(first: 1, filter: { statuses: [COMPLET] }) { totalCount } } } } }',
      },
      { authorization: `Bearer ${token}` },
    );
    const literalText = JSON.stringify(await literal.json());
    expect(literalText).toMatch(/COMPLET/);
    expect(literalText).not.toMatch(/Did you mean|COMPLETE\b/);
    const variable = await api.post(
      {
        query:
          'query ($s: [ChecklistStatus!]) { programmes(first: 1) { edges { node { checklistItems(first: 1, filter: { statuses: $s }) { totalCount } } } } }',
        variables: { s: ['COMPLET'] },
      },
      { authorization: `Bearer ${token}` },
    );
    const variableText = JSON.stringify(await variable.json());
    expect(variableText).toMatch(/COMPLET/);
    expect(variableText).not.toMatch(/Did you mean|COMPLETE\b/);
  });

  it('still suggests in development', async () => {
    const dev = await startSecurityApp();
    try {
      const t = await dev.signIn('ADMIN');
      const res = await dev.post(
        {
          query:
            '{ programmes(first: 1) { edges { node { checklistItems(first: 1, filter: { statuses: [COMPLET] }) { totalCount } } } } }',
        },
        { authorization: `Bearer ${t}` },
      );
      expect(JSON.stringify(await res.json())).toMatch(/Did you mean the enum value/);
    } finally {
      await dev.close();
    }
  });
});

describe('failures outside a resolver', () => {
  const refused = () =>
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

  it('knows a database that cannot be reached', () => {
    expect(isDatabaseUnreachable(refused())).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([refused()]))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnreachable(new Error('syntax error at or near "x"'))).toBe(false);
  });

  it('answers 503 with Retry-After and a short message while the database is away, in production too', async () => {
    const api = await startSecurityApp({ production: true });
    try {
      const token = await api.signIn('ADMIN');
      let down = true;
      const failing: KyselyPlugin = {
        transformQuery: (args) => {
          if (down) throw refused();
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      };
      const logged: unknown[] = [];
      const app = createApp({
        db: api.handle.db.withPlugin(failing),
        clock: fixedClock('2023-02-15'),
        production: true,
        logError: (e) => logged.push(e),
        // The session lookup then runs in the rate limit's onRequest, outside Yoga's masking.
        rateLimit: { perMinute: 100, partnerPerMinute: 100 },
      });
      const ask = () =>
        app.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ viewer { email } }' }),
        });
      const res = await ask();
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        errors: [
          {
            message: 'The database is not answering: try again in 5 s',
            extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
          },
        ],
      });
      expect(text).not.toMatch(/ECONNREFUSED|at |\.ts|node_modules/);
      expect(logged.length).toBeGreaterThan(0);

      const ready = await app.fetch('http://localhost/ready');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      expect(await ready.text()).not.toMatch(/ECONNREFUSED/);

      // Without the rate limit, the session lookup runs in the schema factory: masked the same way.
      const bare = createApp({
        db: api.handle.db.withPlugin(failing),
        clock: fixedClock('2023-02-15'),
        production: true,
        logError: () => {},
      });
      const viaSchema = await bare.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ viewer { email } }' }),
      });
      expect(viaSchema.status).toBe(503);
      expect(await viaSchema.text()).not.toMatch(/ECONNREFUSED|\.ts/);

      down = false;
      expect((await ask()).status).toBe(200);
      expect((await app.fetch('http://localhost/ready')).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('answers any other failure outside a resolver as a short 500, never a stack', async () => {
    const api = await startSecurityApp({ production: true });
    try {
      const app = createApp({
        db: api.handle.db,
        clock: fixedClock('2023-02-15'),
        production: true,
        logError: () => {},
        isPartnerRequest: () => {
          throw new Error('something inside broke at /srv/app/secret.ts:12');
        },
        rateLimit: { perMinute: 100, partnerPerMinute: 100 },
      });
      const res = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { email } }' }),
      });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    } finally {
      await api.close();
    }
  });
});
