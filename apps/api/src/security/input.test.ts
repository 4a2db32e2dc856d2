import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringProblem } from './input.ts';
import { startSecurityApp, type SecurityTestApp } from './testing.ts';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('one rule for every string argument', () => {
  it('refuses control characters, and line breaks where text is one line', () => {
    expect(stringProblem('a\u0000b', 'statement', 'String')).toMatch(
      /control character \(found U\+0000 at character 2\)/,
    );
    expect(stringProblem('line one\nline two\r\n\tindented', 'statement', 'String')).toBeNull();
    expect(stringProblem('a\u001bb', 'statement', 'String')).toMatch(/U\+001B/);
    expect(stringProblem('a\u007fb', 'statement', 'String')).toMatch(/U\+007F/);
    expect(stringProblem('a\nb', 'search', 'String')).toMatch(/line break/);
    expect(stringProblem('a\tb', 'whatever', 'ID')).toMatch(/tab/);
    expect(stringProblem('Beatrix Okafor', 'name', 'String')).toBeNull();
  });

  it('limits lengths: 10,000 by default, smaller for searches, emails and names', () => {
    expect(stringProblem('x'.repeat(10_000), 'statement', 'String')).toBeNull();
    expect(stringProblem('x'.repeat(10_001), 'statement', 'String')).toMatch(
      /10001 characters; at most 10000/,
    );
    expect(stringProblem('x'.repeat(201), 'search', 'String')).toMatch(/at most 200/);
    expect(stringProblem('x'.repeat(321), 'email', 'String')).toMatch(/at most 320/);
    expect(stringProblem('x'.repeat(501), 'title', 'String')).toMatch(/at most 500/);
    expect(stringProblem('QUJD'.repeat(1_000_000), 'contentBase64', 'String')).toBeNull();
  });
});

describe('strings at the edge of the API', () => {
  let api: SecurityTestApp;
  let token: string;
  let programmeId: string;
  beforeAll(async () => {
    api = await startSecurityApp();
    token = await api.signIn('ADMIN');
    const body = (await (
      await api.post(
        { query: '{ programmes(first: 1) { edges { node { id } } } }' },
        { authorization: `Bearer ${token}` },
      )
    ).json()) as { data: { programmes: { edges: { node: { id: string } }[] } } };
    programmeId = body.data.programmes.edges[0]!.node.id;
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });
  const ask = async (query: string, variables: Record<string, unknown> = {}, signedIn = true) => {
    const res = await api.post({ query, variables }, signedIn ? { authorization: `Bearer ${token}` } : {});
    return { status: res.status, body: (await res.json()) as Body };
  };
  const refusal = (body: Body) => body.errors?.[0]?.extensions;

  it('answers a NUL in a search (a variable) with a ValidationError naming the field', async () => {
    const { body } = await ask(
      'query ($p: ID!, $s: String) { node(id: $p) { ... on Programme { checklistItems(first: 5, filter: { search: $s }) { totalCount } } } }',
      { p: programmeId, s: 'HR\u0000-020' },
    );
    expect(body.data ?? null).toBeNull();
    expect(refusal(body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    expect(body.errors?.[0]?.message).toMatch(/^search: must not contain a control character/);
  });

  it('answers a NUL in a sign-in email, written in the document', async () => {
    const { body } = await ask(
      'mutation { login(email: "admin\\u0000@handover.example", password: "x") { __typename } }',
      {},
      false,
    );
    expect(refusal(body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('answers a NUL in a RAID text inside an input object, naming the input field', async () => {
    const { body } = await ask(
      'mutation ($input: CreateRaidItemInput!) { createRaidItem(input: $input) { __typename } }',
      { input: { programmeId, type: 'RISK', title: 'Ok', statement: 'Broken\u0000text' } },
    );
    expect(refusal(body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'statement' });
    const count = await api.handle.db
      .selectFrom('raid_item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', '=', 'Ok')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('answers a 1 MB search at once with the limit, not after a slow query', async () => {
    const { body } = await ask(
      'query ($p: ID!, $s: String) { node(id: $p) { ... on Programme { raidItems(first: 5, filter: { search: $s }) { totalCount } } } }',
      { p: programmeId, s: 'x'.repeat(1_000_000) },
    );
    expect(refusal(body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    expect(body.errors?.[0]?.message).toMatch(/1000000 characters; at most 200/);
  });

  it('still takes multi-line text', async () => {
    const { body } = await ask(
      'mutation ($input: CreateRaidItemInput!) { createRaidItem(input: $input) { __typename } }',
      { input: { programmeId, type: 'RISK', title: 'Two lines', statement: 'One\r\nTwo\n\tthree' } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ createRaidItem: { __typename: 'RaidItem' } });
  });
});
