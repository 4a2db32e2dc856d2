import { openTestDatabase } from '@handover/db/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { fixedClock } from './clock.ts';

describe('the HTTP surface', () => {
  it('answers /health, /ready while the database answers, and echoes a request id', async () => {
    const handle = await openTestDatabase();
    const app = createApp({ db: handle.db, clock: fixedClock('2023-02-15') });
    try {
      expect((await app.fetch('http://localhost/health')).status).toBe(200);
      expect((await app.fetch('http://localhost/ready')).status).toBe(200);
      const res = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-123' },
        body: JSON.stringify({ query: '{ viewer { email } }' }),
      });
      expect(res.headers.get('x-request-id')).toBe('req-123');
      const generated = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces' },
        body: JSON.stringify({ query: '{ viewer { email } }' }),
      });
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await handle.close();
    }
    // The database gone: not ready, and a query's failure is masked, reported, and names nothing inside.
    const logged: unknown[] = [];
    const orphan = createApp({
      db: handle.db,
      clock: fixedClock('2023-02-15'),
      logError: (e) => logged.push(e),
    });
    expect((await orphan.fetch('http://localhost/ready')).status).not.toBe(200);
    const res = await orphan.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { login(email: "admin@handover.example", password: "x") { __typename } }',
      }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(body)).not.toMatch(/app_user|select|driver|destroy/i);
    expect(logged.length).toBeGreaterThan(0);
  });
});
