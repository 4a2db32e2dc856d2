import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../clock.ts';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on LoginSuccess { token expiresAt user { email role } }
    ... on Error { message }
    ... on ValidationError { field }
  }
}`;

describe('signing in', () => {
  let api: TestApi;
  let now = new Date('2023-02-15T09:00:00Z');
  const clock: Clock = { now: () => now };
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('signs in each demo user and names them back through viewer', async () => {
    for (const role of ['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const) {
      const res = await api.gql<{ login: { token: string; user: { role: string } } }>(LOGIN, {
        email: `${role.toLowerCase()}@handover.example`,
        password: 'handover-demo',
      });
      expect(res.data?.login.user.role).toBe(role);
      const me = await api.gql<{ viewer: { role: string } }>(
        '{ viewer { role email } }',
        {},
        res.data!.login.token,
      );
      expect(me.data?.viewer.role).toBe(role);
    }
  });

  it('accepts the email in any case', async () => {
    const res = await api.gql<{ login: { __typename: string } }>(LOGIN, {
      email: ' Admin@Handover.Example ',
      password: 'handover-demo',
    });
    expect(res.data?.login.__typename).toBe('LoginSuccess');
  });

  it('answers a wrong password and an unknown email alike, as data', async () => {
    const wrong = await api.gql(LOGIN, { email: 'admin@handover.example', password: 'nope' });
    const unknown = await api.gql(LOGIN, { email: 'nobody@handover.example', password: 'handover-demo' });
    expect(wrong.data).toEqual({
      login: { __typename: 'InvalidCredentialsError', message: 'The email address or password is not right' },
    });
    expect(unknown.data).toEqual(wrong.data);
  });

  it('names an empty field', async () => {
    const res = await api.gql(LOGIN, { email: '', password: 'x' });
    expect(res.data).toEqual({
      login: { __typename: 'ValidationError', message: 'email: is required', field: 'email' },
    });
  });

  it('lets an anonymous caller do nothing but sign in', async () => {
    const res = await api.gql('{ programmes(first: 1) { edges { node { name } } } }');
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const viewer = await api.gql('{ viewer { email } }');
    expect(viewer.data).toEqual({ viewer: null });
    const bogus = await api.gql('{ programmes(first: 1) { totalCount } }', {}, 'x'.repeat(43));
    expect(bogus.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends the session at sign-out', async () => {
    const res = await api.gql<{ login: { token: string } }>(LOGIN, {
      email: 'editor@handover.example',
      password: 'handover-demo',
    });
    const token = res.data!.login.token;
    expect((await api.gql('mutation { logout }', {}, token)).data).toEqual({ logout: true });
    const after = await api.gql('{ viewer { email } }', {}, token);
    expect(after.data).toEqual({ viewer: null });
  });

  it('ends a session left idle, and one past its absolute limit', async () => {
    const res = await api.gql<{ login: { token: string } }>(LOGIN, {
      email: 'viewer@handover.example',
      password: 'handover-demo',
    });
    const token = res.data!.login.token;
    const start = now;
    now = new Date(start.getTime() + 59 * 60_000);
    expect(
      (await api.gql<{ viewer: unknown }>('{ viewer { email } }', {}, token)).data?.viewer,
    ).not.toBeNull();
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await api.gql<{ viewer: unknown }>('{ viewer { email } }', {}, token)).data?.viewer).toBeNull();

    const again = await api.gql<{ login: { token: string } }>(LOGIN, {
      email: 'viewer@handover.example',
      password: 'handover-demo',
    });
    const second = again.data!.login.token;
    // Kept busy every 50 minutes, it still ends 12 hours after sign-in.
    for (let i = 1; i <= 14; i++) {
      now = new Date(now.getTime() + 50 * 60_000);
      const alive = (await api.gql<{ viewer: unknown }>('{ viewer { email } }', {}, second)).data?.viewer;
      expect(alive !== null).toBe(i * 50 < 12 * 60);
    }
    now = start;
  });

  it('stores only a hash of the token', async () => {
    const res = await api.gql<{ login: { token: string } }>(LOGIN, {
      email: 'hr@handover.example',
      password: 'handover-demo',
    });
    const rows = await api.handle.db.selectFrom('session').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === res.data!.login.token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});

describe('users', () => {
  it('lists the people items can be assigned to, for a signed-in user only', async () => {
    const api = await startTestApi();
    try {
      const res = await api.gql<{ users: { email: string; role: string }[] }>(
        '{ users { email role } }',
        {},
        await api.login('VIEWER'),
      );
      expect(res.data?.users.map((u) => u.email).sort()).toEqual([
        'admin@handover.example',
        'editor@handover.example',
        'hr@handover.example',
        'viewer@handover.example',
      ]);
      expect((await api.gql('{ users { email } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await api.close();
    }
  });
});
