import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../clock.ts';
import { DEMO_TODAY, startTestApi, type TestApi } from '../../test/harness.ts';

const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on ApiTokenCreated { token apiToken { id name prefix status expiresOn lastUsedAt organisation { name } createdBy { email } } }
    ... on ValidationError { field message }
  }
}`;
const REVOKE = `mutation ($id: ID!) {
  revokeApiToken(id: $id) {
    __typename
    ... on ApiToken { id status revokedAt revokedBy { email } }
    ... on Error { message }
  }
}`;
const SERVICES =
  '{ programmes(first: 1) { edges { node { services(first: 3) { totalCount edges { node { id name } } } } } } }';

interface Created {
  createApiToken: {
    __typename: string;
    token?: string;
    apiToken?: { id: string; prefix: string; status: string; expiresOn: string; lastUsedAt: string | null };
    field?: string;
    message?: string;
  };
}

describe('partner API tokens', () => {
  let api: TestApi;
  let now = fixedClock(DEMO_TODAY).now();
  const clock: Clock = { now: () => now };
  const orgId = async (key: string) => {
    const row = await api.handle.db
      .selectFrom('organisation')
      .select('id')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return encodeGlobalID('Organisation', row.id);
  };
  const create = async (
    input: Record<string, unknown>,
    role: 'ADMIN' | 'EDITOR' | 'HR' | 'VIEWER' = 'ADMIN',
  ) => api.gql<Created>(CREATE, { input }, await api.login(role));

  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('is made by an ADMIN, shown once, stored only as a hash, authenticates, and records its use', async () => {
    const res = await create({
      name: ' WYP safeguarding hub ',
      organisationId: await orgId('wy-police'),
      expiresOn: '2023-05-16',
    });
    const created = res.data!.createApiToken;
    expect(created.__typename).toBe('ApiTokenCreated');
    const token = created.token!;
    expect(token).toMatch(/^hop_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({ status: 'ACTIVE', expiresOn: '2023-05-16', lastUsedAt: null });
    expect(token.startsWith(created.apiToken!.prefix)).toBe(true);
    expect(created.apiToken!.prefix.length).toBeLessThan(16);

    const rows = await api.handle.db.selectFrom('api_token').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(Object.values(rows[0]!).some((v) => v === token)).toBe(false);
    expect(rows[0]!.name).toBe('WYP safeguarding hub');

    // The token is not shown again: ApiToken has no field that holds it.
    const again = await api.gql(
      '{ apiTokens(first: 10) { edges { node { token } } } }',
      {},
      await api.login('ADMIN'),
    );
    expect(again.errors?.[0]?.message).toMatch(/Cannot query field "token"/);

    const served = await api.gql<{ programmes: { edges: { node: { services: { totalCount: number } } }[] } }>(
      SERVICES,
      {},
      token,
    );
    expect(served.errors).toBeUndefined();
    expect(served.data!.programmes.edges[0]!.node.services.totalCount).toBeGreaterThan(20);

    const lastUsed = async () =>
      (await api.handle.db.selectFrom('api_token').select('last_used_at').executeTakeFirstOrThrow())
        .last_used_at;
    const first = await lastUsed();
    expect(first?.getTime()).toBe(now.getTime());
    const start = now;
    now = new Date(start.getTime() + 30_000);
    await api.gql(SERVICES, {}, token);
    expect((await lastUsed())?.getTime()).toBe(start.getTime());
    now = new Date(start.getTime() + 61_000);
    await api.gql(SERVICES, {}, token);
    expect((await lastUsed())?.getTime()).toBe(now.getTime());

    const list = await api.gql<{
      apiTokens: {
        totalCount: number;
        edges: {
          node: {
            name: string;
            lastUsedAt: string;
            organisation: { name: string };
            createdBy: { email: string };
          };
        }[];
      };
    }>(
      '{ apiTokens(first: 10) { totalCount edges { node { name lastUsedAt organisation { name } createdBy { email } } } } }',
      {},
      await api.login('ADMIN'),
    );
    expect(list.data!.apiTokens.totalCount).toBe(1);
    expect(list.data!.apiTokens.edges[0]!.node).toEqual({
      name: 'WYP safeguarding hub',
      lastUsedAt: now.toISOString(),
      organisation: { name: 'West Yorkshire Police' },
      createdBy: { email: 'admin@handover.example' },
    });
    now = start;
  });

  it('works to the end of its expiry day and not after', async () => {
    const res = await create({
      name: 'ICB short',
      organisationId: await orgId('wy-icb'),
      expiresOn: '2023-02-16',
    });
    const token = res.data!.createApiToken.token!;
    const start = now;
    now = new Date('2023-02-16T23:59:00Z'); // 23:59 on the 16th, UK time (GMT in February)
    expect((await api.gql(SERVICES, {}, token)).errors).toBeUndefined();
    now = new Date('2023-02-17T00:00:01Z');
    const refused = await api.gql(SERVICES, {}, token);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    now = start;
  });

  it('is refused once revoked; revoking again changes nothing', async () => {
    const res = await create({
      name: 'Schools',
      organisationId: await orgId('bradford-council'),
      expiresOn: '2023-12-31',
    });
    const { token, apiToken } = res.data!.createApiToken;
    expect((await api.gql(SERVICES, {}, token)).errors).toBeUndefined();
    const admin = await api.login('ADMIN');
    const revoked = await api.gql<{
      revokeApiToken: { status: string; revokedAt: string; revokedBy: { email: string } };
    }>(REVOKE, { id: apiToken!.id }, admin);
    expect(revoked.data!.revokeApiToken).toMatchObject({
      status: 'REVOKED',
      revokedBy: { email: 'admin@handover.example' },
    });
    expect((await api.gql(SERVICES, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const twice = await api.gql<{ revokeApiToken: { revokedAt: string } }>(
      REVOKE,
      { id: apiToken!.id },
      admin,
    );
    expect(twice.data!.revokeApiToken.revokedAt).toBe(revoked.data!.revokeApiToken.revokedAt);
    const missing = await api.gql(
      REVOKE,
      { id: encodeGlobalID('ApiToken', '00000000-0000-4000-8000-000000000000') },
      admin,
    );
    expect(missing.data).toEqual({
      revokeApiToken: { __typename: 'NotFoundError', message: expect.stringMatching(/not found/) },
    });
  });

  it('answers bad input as a ValidationError naming the field', async () => {
    const police = await orgId('wy-police');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ', organisationId: police, expiresOn: '2023-06-01' }, 'name'],
      [{ name: 'x'.repeat(101), organisationId: police, expiresOn: '2023-06-01' }, 'name'],
      [{ name: 'Past', organisationId: police, expiresOn: '2023-02-14' }, 'expiresOn'],
      [{ name: 'Today', organisationId: police, expiresOn: DEMO_TODAY }, 'expiresOn'],
      [{ name: 'Too far', organisationId: police, expiresOn: '2024-02-17' }, 'expiresOn'],
      [
        {
          name: 'Unknown',
          organisationId: encodeGlobalID('Organisation', '00000000-0000-4000-8000-000000000000'),
          expiresOn: '2023-06-01',
        },
        'organisationId',
      ],
      [
        { name: 'Not an org', organisationId: await api.programmeId(), expiresOn: '2023-06-01' },
        'organisationId',
      ],
    ];
    for (const [input, field] of cases) {
      const res = await create(input);
      expect(res.data!.createApiToken, JSON.stringify(input)).toMatchObject({
        __typename: 'ValidationError',
        field,
      });
    }
    const ok = await create({ name: 'A year', organisationId: police, expiresOn: '2024-02-16' });
    expect(ok.data!.createApiToken.__typename).toBe('ApiTokenCreated');
  });

  it('cannot be made, listed or revoked by anyone but an ADMIN, nor by a partner', async () => {
    const input = { name: 'Nope', organisationId: await orgId('wy-police'), expiresOn: '2023-06-01' };
    const res = await create({
      name: 'Partner',
      organisationId: await orgId('wy-police'),
      expiresOn: '2023-06-01',
    });
    const token = res.data!.createApiToken.token!;
    const tokenId = res.data!.createApiToken.apiToken!.id;
    for (const role of ['EDITOR', 'HR', 'VIEWER'] as const) {
      const made = await create(input, role);
      expect(made.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      const listed = await api.gql('{ apiTokens(first: 5) { totalCount } }', {}, await api.login(role));
      expect(listed.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      const revoked = await api.gql(REVOKE, { id: tokenId }, await api.login(role));
      expect(revoked.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      const byNode = await api.gql(
        'query ($id: ID!) { node(id: $id) { ... on ApiToken { name } } }',
        { id: tokenId },
        await api.login(role),
      );
      expect(byNode.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    expect((await api.gql(SERVICES, {}, token)).errors).toBeUndefined();
    const byPartner = await api.gql(CREATE, { input }, token);
    expect(byPartner.data).toBeUndefined();
    expect(byPartner.errors?.map((e) => e.message)).toContain('Unknown type "CreateApiTokenInput".');
    const anyMutation = await api.gql('mutation { logout }', {}, token);
    expect(anyMutation.errors?.[0]?.message).toMatch(/not configured to execute mutation/);
    const listed = await api.gql('{ apiTokens(first: 5) { totalCount } }', {}, token);
    expect(listed.errors?.[0]?.message).toMatch(/Cannot query field "apiTokens"/);
  });
});

describe('what a partner can reach', () => {
  let api: TestApi;
  let police: string;
  let ids: { employee: string; post: string; user: string; service: string; apiToken: string; team: string };

  beforeAll(async () => {
    api = await startTestApi();
    const org = await api.handle.db
      .selectFrom('organisation')
      .select('id')
      .where('key', '=', 'wy-police')
      .executeTakeFirstOrThrow();
    const res = await api.gql<Created>(
      CREATE,
      {
        input: {
          name: 'WYP',
          organisationId: encodeGlobalID('Organisation', org.id),
          expiresOn: '2023-06-01',
        },
      },
      await api.login('ADMIN'),
    );
    police = res.data!.createApiToken.token!;
    const db = api.handle.db;
    const one = async (table: 'employee' | 'post' | 'app_user' | 'service' | 'api_token' | 'team') =>
      (await db.selectFrom(table).select('id').executeTakeFirstOrThrow()).id;
    ids = {
      employee: encodeGlobalID('Employee', await one('employee')),
      post: encodeGlobalID('Post', await one('post')),
      user: encodeGlobalID('User', await one('app_user')),
      service: encodeGlobalID('Service', await one('service')),
      apiToken: encodeGlobalID('ApiToken', await one('api_token')),
      team: encodeGlobalID('Team', await one('team')),
    };
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('cannot reach an Employee, a Post, a User or a token by node(id): the types do not exist for partners', async () => {
    // HR can: the IDs are real.
    const hr = await api.gql<{ node: { __typename: string } }>(
      'query ($id: ID!) { node(id: $id) { __typename } }',
      { id: ids.employee },
      await api.login('HR'),
    );
    expect(hr.data?.node.__typename).toBe('Employee');
    for (const id of [ids.employee, ids.post, ids.user, ids.apiToken]) {
      const res = await api.gql('query ($id: ID!) { node(id: $id) { id __typename } }', { id }, police);
      expect(res).toEqual({ data: { node: null } });
    }
    const spread = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on Employee { firstName } } }',
      { id: ids.employee },
      police,
    );
    expect(spread.errors?.[0]?.message).toMatch(/Unknown type "Employee"/);
  });

  it('gets nothing of people from nodes(ids), and the rest in order', async () => {
    const res = await api.gql<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
      { ids: [ids.employee, ids.service, ids.post, ids.user, ids.team] },
      police,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual([
      null,
      { __typename: 'Service', id: ids.service },
      null,
      null,
      { __typename: 'Team', id: ids.team },
    ]);
  });

  it('gets the same query text refused that HR has just run: validation is per schema', async () => {
    const q =
      '{ programmes(first: 1) { edges { node { employees(first: 1) { edges { node { firstName } } } } } } }';
    const hr = await api.gql<{ programmes: unknown }>(q, {}, await api.login('HR'));
    expect(hr.errors).toBeUndefined();
    const res = await api.gql(q, {}, police);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/Cannot query field "employees"/);
  });

  it('cannot ask for employees, posts, personal fields or the viewer by any field', async () => {
    const queries = [
      '{ programmes(first: 1) { edges { node { employees(first: 1) { totalCount } } } } }',
      '{ programmes(first: 1) { edges { node { posts(first: 1) { totalCount } } } } }',
      '{ viewer { email } }',
      '{ users { email } }',
      '{ programmes(first: 1) { edges { node { services(first: 1) { edges { node { teams { posts { id } } } } } } } } }',
      '{ __type(name: "Employee") { fields { name } } }',
    ];
    for (const q of queries) {
      const res = await api.gql(q, {}, police);
      if (q.includes('__type')) expect(res).toEqual({ data: { __type: null } });
      else expect(res.errors?.[0]?.message, q).toMatch(/Cannot query field/);
    }
    const typeNames = await api.gql<{ __schema: { types: { name: string }[] } }>(
      '{ __schema { types { name } } }',
      {},
      police,
    );
    const names = typeNames.data!.__schema.types.map((t) => t.name);
    expect(names).toContain('Service');
    expect(names.filter((n) => /Employee|Post|User/.test(n))).toEqual([]);
  });

  it('leaves a PARTNER_QUERY audit event for every query, run or refused, with its token and operation', async () => {
    const token = await api.handle.db.selectFrom('api_token').select('id').executeTakeFirstOrThrow();
    const events = () =>
      api.handle.db
        .selectFrom('audit_event')
        .selectAll()
        .where('kind', '=', 'PARTNER_QUERY')
        .where('api_token_id', '=', token.id)
        .orderBy('id')
        .execute();
    const before = (await events()).length;
    const ok = await api.gql(
      'query PartnerServices { programmes(first: 1) { edges { node { id } } } }',
      {},
      police,
    );
    expect(ok.errors).toBeUndefined();
    const refused = await api.gql(
      'query PeekAtStaff { programmes(first: 1) { edges { node { employees(first: 1) { totalCount } } } } }',
      {},
      police,
    );
    expect(refused.errors?.[0]?.message).toMatch(/Cannot query field "employees"/);
    // The refused query's event is written as the response goes: wait for it rather than for a clock.
    await expect.poll(async () => (await events()).length).toBe(before + 2);
    const [run, invalid] = (await events()).slice(before);
    expect(run).toMatchObject({
      operation: 'PartnerServices',
      actor_role: 'PARTNER',
      actor_user_id: null,
      reason: null,
    });
    expect(invalid).toMatchObject({ operation: 'PeekAtStaff', actor_role: 'PARTNER' });
    expect(invalid!.reason).toMatch(/^INVALID: 1 validation error/);
    expect(JSON.stringify(invalid)).not.toContain('employees');
  });

  it('sees only the data sharing agreements its organisation is party to; staff see them all', async () => {
    const Q =
      'query ($on: Date) { programmes(first: 1) { edges { node { dataSharingAgreements(inForceOn: $on) { id ref status parties { name } } } } } }';
    type Res = {
      programmes: {
        edges: {
          node: {
            dataSharingAgreements: { id: string; ref: string; status: string; parties: { name: string }[] }[];
          };
        }[];
      };
    };
    const refs = (r: { data?: Res | null }) =>
      r.data!.programmes.edges[0]!.node.dataSharingAgreements.map((a) => a.ref);
    const staff = await api.gql<Res>(Q, {}, await api.login('VIEWER'));
    expect(refs(staff)).toEqual(['DSA-001', 'DSA-002', 'DSA-003', 'DSA-004', 'DSA-005', 'DSA-006']);
    const partner = await api.gql<Res>(Q, {}, police);
    expect(refs(partner)).toEqual(['DSA-001', 'DSA-003', 'DSA-005']);
    for (const a of partner.data!.programmes.edges[0]!.node.dataSharingAgreements) {
      expect(a.parties.map((p) => p.name)).toContain('West Yorkshire Police');
    }
    // Today (15 February 2023) the legacy agreement is in force; from go-live it has ended.
    const statuses = Object.fromEntries(
      staff.data!.programmes.edges[0]!.node.dataSharingAgreements.map((a) => [a.ref, a.status]),
    );
    expect(statuses).toMatchObject({
      'DSA-001': 'NOT_YET_IN_FORCE',
      'DSA-003': 'IN_FORCE',
      'DSA-006': 'REVIEW_DUE',
    });
    expect(refs(await api.gql<Res>(Q, { on: '2023-04-01' }, police))).toEqual(['DSA-001', 'DSA-005']);
    expect(refs(await api.gql<Res>(Q, { on: '2023-03-31' }, police))).toEqual(['DSA-003']);

    // Nor by node(id), nor nodes(ids).
    const other = staff.data!.programmes.edges[0]!.node.dataSharingAgreements.find(
      (a) => a.ref === 'DSA-002',
    )!;
    const own = partner.data!.programmes.edges[0]!.node.dataSharingAgreements[0]!;
    const byNode = await api.gql('query ($id: ID!) { node(id: $id) { id } }', { id: other.id }, police);
    expect(byNode).toEqual({ data: { node: null } });
    const byNodes = await api.gql(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: [other.id, own.id] },
      police,
    );
    expect(byNodes).toEqual({ data: { nodes: [null, { id: own.id }] } });
  });

  it('tells who delivers a service on a day, and the contact routes in force then', async () => {
    const Q = `query ($before: Date!, $after: Date!) { programmes(first: 1) { edges { node { services(first: 100) { edges { node {
      key before: deliveredBy(on: $before) { name } after: deliveredBy(on: $after) { name }
      routes: contactRoutes(on: $after) { channel value organisation { name } } } } } } } } }`;
    type Res = {
      programmes: {
        edges: {
          node: {
            services: {
              edges: {
                node: {
                  key: string;
                  before: { name: string } | null;
                  after: { name: string } | null;
                  routes: { channel: string; value: string; organisation: { name: string } }[];
                };
              }[];
            };
          };
        }[];
      };
    };
    const res = await api.gql<Res>(Q, { before: '2023-03-31', after: '2023-04-01' }, police);
    expect(res.errors).toBeUndefined();
    const byKey = Object.fromEntries(
      res.data!.programmes.edges[0]!.node.services.edges.map((e) => [e.node.key, e.node]),
    );
    expect(byKey['front-door']!.before?.name).toBe('City of Bradford Metropolitan District Council');
    expect(byKey['front-door']!.after?.name).toBe('Bradford Children and Families Trust');
    expect(byKey['send']!.after?.name).toBe('City of Bradford Metropolitan District Council');
    expect(byKey['adoption']!.after).toBeNull();
    const routes = byKey['front-door']!.routes;
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.every((r) => r.organisation.name === 'Bradford Children and Families Trust')).toBe(true);
    expect(routes.find((r) => r.channel === 'EMAIL')?.value).toBe('front.door@bcft.example');
  });
});

describe('the example queries for partners (apps/api/partner-queries)', () => {
  const dir = new URL('../../../partner-queries/', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();

  it('are between four and six files, each one named operation named as its file', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.length).toBeLessThanOrEqual(6);
    for (const f of files) {
      const doc = parse(readFileSync(new URL(f, dir), 'utf8'));
      expect(doc.definitions).toHaveLength(1);
      const op = doc.definitions[0]!;
      if (op.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${f} holds no operation`);
      expect(op.operation, f).toBe(OperationTypeNode.QUERY);
      expect(op.name?.value, f).toBe(f.replace(/\.graphql$/, ''));
    }
  });

  it('each runs against the partner schema with a partner token and returns data', async () => {
    const api = await startTestApi();
    try {
      const org = await api.handle.db
        .selectFrom('organisation')
        .select('id')
        .where('key', '=', 'wy-police')
        .executeTakeFirstOrThrow();
      const res = await api.gql<Created>(
        CREATE,
        {
          input: {
            name: 'Examples',
            organisationId: encodeGlobalID('Organisation', org.id),
            expiresOn: '2023-06-01',
          },
        },
        await api.login('ADMIN'),
      );
      const token = res.data!.createApiToken.token!;
      for (const f of files) {
        const out = await api.gql<{ programmes: { edges: { node: Record<string, unknown> }[] } }>(
          readFileSync(new URL(f, dir), 'utf8'),
          {},
          token,
        );
        expect(out.errors, f).toBeUndefined();
        const node = out.data!.programmes.edges[0]!.node;
        const values = Object.entries(node).filter(([k]) => k !== 'name');
        expect(values.length, f).toBeGreaterThan(0);
        for (const [k, v] of values) {
          if (Array.isArray(v)) expect(v.length, `${f} ${k}`).toBeGreaterThan(0);
          else if (v && typeof v === 'object' && 'edges' in v)
            expect((v as { edges: unknown[] }).edges.length, `${f} ${k}`).toBeGreaterThan(0);
        }
      }
      expect(api.unexpected).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
