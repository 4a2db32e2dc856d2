import { DEMO_PASSWORD } from '@handover/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../clock.ts';
import { startSecurityApp, type SecurityTestApp } from '../../security/testing.ts';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on LoginSuccess { token }
    ... on Error { message }
    ... on TooManyAttemptsError { retryAfterSeconds }
  }
}`;

interface LoginBody {
  data?: { login: { __typename: string; token?: string; message?: string; retryAfterSeconds?: number } };
}

describe('sign-in throttling', () => {
  let now = new Date('2023-02-15T09:00:00Z');
  const clock: Clock = { now: () => now };
  let api: SecurityTestApp;
  beforeAll(async () => {
    api = await startSecurityApp({
      clock,
      signinThrottle: { maxFailuresPerEmail: 3, maxFailuresPerClient: 5, windowMinutes: 15 },
    });
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });
  const attempt = async (email: string, password: string, address = '192.0.2.50') =>
    (
      (await (
        await api.post({ query: LOGIN, variables: { email, password } }, {}, address)
      ).json()) as LoginBody
    ).data!.login;
  const minutes = (m: number) => (now = new Date(now.getTime() + m * 60_000));

  it('refuses an email after repeated failures without checking the password, until the window passes', async () => {
    for (let i = 0; i < 3; i++) {
      minutes(1);
      expect((await attempt('editor@handover.example', 'wrong')).__typename).toBe('InvalidCredentialsError');
    }
    // Now even the right password is refused, with how long to wait (the first failure leaves the window in 13 minutes).
    const refused = await attempt('Editor@Handover.example', DEMO_PASSWORD);
    expect(refused).toEqual({
      __typename: 'TooManyAttemptsError',
      message: 'Too many sign-in attempts: try again in 13 minutes',
      retryAfterSeconds: 13 * 60,
    });
    // Another user signs in from the same address.
    expect((await attempt('viewer@handover.example', DEMO_PASSWORD)).__typename).toBe('LoginSuccess');
    minutes(13);
    expect((await attempt('editor@handover.example', DEMO_PASSWORD)).__typename).toBe('LoginSuccess');
    // A success clears the email's count.
    expect((await attempt('editor@handover.example', 'wrong')).__typename).toBe('InvalidCredentialsError');
    expect((await attempt('editor@handover.example', DEMO_PASSWORD)).__typename).toBe('LoginSuccess');
  });

  it('refuses a client address that fails across many emails, and only that address', async () => {
    minutes(60);
    for (let i = 0; i < 5; i++) {
      expect((await attempt(`nobody${i}@handover.example`, 'x', '198.51.100.77')).__typename).toBe(
        'InvalidCredentialsError',
      );
    }
    const refused = await attempt('admin@handover.example', DEMO_PASSWORD, '198.51.100.77');
    expect(refused.__typename).toBe('TooManyAttemptsError');
    expect(refused.message).toBe('Too many sign-in attempts: try again in 15 minutes');
    expect((await attempt('admin@handover.example', DEMO_PASSWORD, '198.51.100.78')).__typename).toBe(
      'LoginSuccess',
    );
  });

  it('keeps the failures in the database, hashed, and forgets old ones', async () => {
    const rows = await api.handle.db.selectFrom('signin_failure').select(['key_hash', 'failed_at']).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('handover.example');
    minutes(60);
    await attempt('nobody0@handover.example', 'x', '198.51.100.77');
    const left = await api.handle.db
      .selectFrom('signin_failure')
      .select('failed_at')
      .where('failed_at', '<', new Date(now.getTime() - 15 * 60_000))
      .execute();
    // The failures of this email and this address before the window are gone.
    expect(left.length).toBeLessThan(rows.length);
  });
});

describe('ending sessions', () => {
  it('deactivating a user ends all their sessions and stops them signing in', async () => {
    const api = await startSecurityApp();
    try {
      const first = await api.signIn('EDITOR');
      const second = await api.signIn('EDITOR');
      const other = await api.signIn('VIEWER');
      const viewer = async (t: string) =>
        (
          (await (
            await api.post({ query: '{ viewer { id email } }' }, { authorization: `Bearer ${t}` })
          ).json()) as {
            data: { viewer: { id: string; email: string } | null };
          }
        ).data.viewer;
      const editor = await api.handle.db
        .selectFrom('app_user')
        .select(['id', 'version'])
        .where('email', '=', 'editor@handover.example')
        .executeTakeFirstOrThrow();

      const admin = await api.signIn('ADMIN');
      const deactivate = async (id: string) =>
        (
          (await (
            await api.post(
              {
                query: 'mutation ($id: ID!) { deactivateUser(id: $id) { __typename } }',
                variables: { id },
              },
              { authorization: `Bearer ${admin}` },
            )
          ).json()) as { data: { deactivateUser: { __typename: string } } }
        ).data.deactivateUser.__typename;
      expect(await deactivate(Buffer.from(`User:${editor.id}`).toString('base64'))).toBe('User');

      expect(await viewer(first)).toBeNull();
      expect(await viewer(second)).toBeNull();
      expect((await viewer(other))?.email).toBe('viewer@handover.example');
      const sessions = await api.handle.db
        .selectFrom('session')
        .select('id')
        .where('user_id', '=', editor.id)
        .execute();
      expect(sessions).toEqual([]);
      const row = await api.handle.db
        .selectFrom('app_user')
        .select(['active', 'version'])
        .where('id', '=', editor.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ active: false, version: editor.version + 1 });
      await expect(api.signIn('EDITOR')).rejects.toThrow(/sign-in as EDITOR failed/);

      expect(
        await deactivate(Buffer.from('User:00000000-0000-4000-8000-000000000000').toString('base64')),
      ).toBe('NotFoundError');
    } finally {
      await api.close();
    }
  });

  it('signing out ends only that session', async () => {
    const api = await startSecurityApp();
    try {
      const a = await api.signIn('HR');
      const b = await api.signIn('HR');
      const out = await api.post({ query: 'mutation { logout }' }, { authorization: `Bearer ${a}` });
      expect(await out.json()).toEqual({ data: { logout: true } });
      const ask = async (t: string) =>
        (
          (await (
            await api.post({ query: '{ viewer { email } }' }, { authorization: `Bearer ${t}` })
          ).json()) as {
            data: { viewer: unknown };
          }
        ).data.viewer;
      expect(await ask(a)).toBeNull();
      expect(await ask(b)).not.toBeNull();
    } finally {
      await api.close();
    }
  });
});
