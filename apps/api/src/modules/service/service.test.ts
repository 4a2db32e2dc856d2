import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface ServiceNode {
  id: string;
  key: string;
  name: string;
  disposition: string;
  transferStatus: string;
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

const LIST = `query ($id: ID!, $filter: ServiceFilter, $first: Int, $after: String) {
  programme(id: $id) {
    services(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id key name disposition transferStatus } }
    }
  }
}`;

/** The database row's ID inside a global ID. */
const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

describe('the service catalogue', () => {
  let api: TestApi;
  let programmeId: string;
  let viewer: string;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    viewer = await api.login('VIEWER');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const serviceRows = () =>
    api.handle.db.selectFrom('service').selectAll().where('programme_id', '=', rowId(programmeId)).execute();

  async function services(variables: {
    filter?: Record<string, unknown>;
    first?: number;
    after?: string | null;
  }) {
    const res = await api.gql<{ programme: { services: Connection<ServiceNode> } }>(
      LIST,
      { id: programmeId, first: 200, ...variables },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.programme.services;
  }

  it('lists every service, by name', async () => {
    const all = await serviceRows();
    const conn = await services({});
    expect(conn.totalCount).toBeGreaterThanOrEqual(20);
    expect(conn.totalCount).toBe(all.length);
    expect(conn.edges.map((e) => rowId(e.node.id)).sort()).toEqual(all.map((r) => r.id).sort());
    // In the database's own order of names (its collation decides how "Child in Need" and "Child Protection" fall).
    const byName = await api.handle.db
      .selectFrom('service')
      .select('name')
      .where('programme_id', '=', rowId(programmeId))
      .orderBy('name')
      .execute();
    expect(conn.edges.map((e) => e.node.name)).toEqual(byName.map((r) => r.name));
  });

  it.each([
    [{ dispositions: ['TRANSFERS'] }],
    [{ dispositions: ['VARIES', 'REGIONAL'] }],
    [{ transferStatuses: ['READY'] }],
    [{ transferStatuses: ['IN_PROGRESS', 'RETAINED'] }],
    [{ dispositions: ['VARIES'], transferStatuses: ['IN_PROGRESS'] }],
  ])('filters by %j', async (filter: { dispositions?: string[]; transferStatuses?: string[] }) => {
    const expected = (await serviceRows()).filter(
      (r) =>
        (!filter.dispositions || filter.dispositions.includes(r.disposition)) &&
        (!filter.transferStatuses || filter.transferStatuses.includes(r.transfer_status)),
    );
    const conn = await services({ filter });
    expect(expected.length).toBeGreaterThan(0);
    expect(conn.totalCount).toBe(expected.length);
    for (const { node } of conn.edges) {
      if (filter.dispositions) expect(filter.dispositions).toContain(node.disposition);
      if (filter.transferStatuses) expect(filter.transferStatuses).toContain(node.transferStatus);
    }
    expect(conn.edges.map((e) => rowId(e.node.id)).sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it('searches by part of the name, in any case', async () => {
    const all = await serviceRows();
    for (const search of ['FOSTER', 'care', 'Early ', ' duty ']) {
      const text = search.trim().toLowerCase();
      const expected = all.filter((r) => r.name.toLowerCase().includes(text));
      const conn = await services({ filter: { search } });
      expect(expected.length, search).toBeGreaterThan(0);
      expect(conn.totalCount, search).toBe(expected.length);
      expect(conn.edges.map((e) => e.node.name).sort(), search).toEqual(expected.map((r) => r.name).sort());
    }
    const foster = await services({ filter: { search: 'FOSTER' } });
    expect(foster.edges.map((e) => e.node.name)).toContain('Fostering (Foster for Bradford)');
  });

  it('treats % and _ in a search as plain characters', async () => {
    const all = await serviceRows();
    // As wildcards, each of these would match services ("Children's", "Care, Permanence and Court", every name).
    for (const search of ['Children_s', 'Care%Court', '%', '_']) {
      const conn = await services({ filter: { search } });
      const literal = all.filter((r) => r.name.toLowerCase().includes(search.toLowerCase()));
      expect(conn.totalCount, search).toBe(literal.length);
      expect(conn.edges, search).toHaveLength(literal.length);
    }
  });

  it('pages through the catalogue, giving every service exactly once', async () => {
    const all = await serviceRows();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const conn: Connection<ServiceNode> = await services({ first: 7, after });
      expect(conn.totalCount).toBe(all.length);
      expect(conn.edges.length).toBeLessThanOrEqual(7);
      seen.push(...conn.edges.map((e) => e.node.id));
      pages += 1;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
      expect(after).toBe(conn.edges.at(-1)!.cursor);
      expect(pages).toBeLessThan(50);
    }
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map(rowId).sort()).toEqual(all.map((r) => r.id).sort());
  });

  it('gives each service its teams, checklist items, milestones and headcount', async () => {
    const res = await api.gql<{
      programme: {
        services: {
          edges: {
            node: {
              id: string;
              name: string;
              teams: { id: string; name: string; service: { id: string } }[];
              checklistItems: { ref: string; dueDate: string | null }[];
              milestones: { name: string; plannedDate: string }[];
              headcount: { posts: number; employees: number; vacantPosts: number; fte: number };
            };
          }[];
        };
      };
    }>(
      `query ($id: ID!) {
        programme(id: $id) {
          services(first: 200) {
            edges { node {
              id name
              teams { id name service { id } }
              checklistItems { ref dueDate }
              milestones { name plannedDate }
              headcount { posts employees vacantPosts fte }
            } }
          }
        }
      }`,
      { id: programmeId },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    const db = api.handle.db;
    const nodes = res.data!.programme.services.edges.map((e) => e.node);
    let withEverything = 0;
    for (const s of nodes) {
      const id = rowId(s.id);
      const teams = await db.selectFrom('team').select(['id', 'name']).where('service_id', '=', id).execute();
      expect(s.teams.map((t) => t.name).sort(), s.name).toEqual(teams.map((t) => t.name).sort());
      expect(s.teams.every((t) => t.service.id === s.id)).toBe(true);

      const items = await db
        .selectFrom('checklist_item')
        .select('ref')
        .where('service_id', '=', id)
        .execute();
      expect(s.checklistItems.map((i) => i.ref).sort(), s.name).toEqual(items.map((i) => i.ref).sort());

      const milestones = await db
        .selectFrom('milestone')
        .select('name')
        .where('service_id', '=', id)
        .execute();
      expect(s.milestones.map((m) => m.name).sort(), s.name).toEqual(milestones.map((m) => m.name).sort());
      const baselines = s.milestones.map((m) => m.plannedDate);
      expect(baselines).toEqual([...baselines].sort());

      const posts = await db
        .selectFrom('post')
        .innerJoin('team', 'team.id', 'post.team_id')
        .select(['post.id', 'post.vacant'])
        .where('team.service_id', '=', id)
        .execute();
      const employees = posts.length
        ? await db
            .selectFrom('employee')
            .select('fte')
            .where(
              'post_id',
              'in',
              posts.map((p) => p.id),
            )
            .execute()
        : [];
      const fte = employees.reduce((sum, e) => sum + Number(e.fte), 0);
      expect(s.headcount.posts, s.name).toBe(posts.length);
      expect(s.headcount.vacantPosts, s.name).toBe(posts.filter((p) => p.vacant).length);
      expect(s.headcount.employees, s.name).toBe(employees.length);
      expect(Math.abs(s.headcount.fte - fte), s.name).toBeLessThanOrEqual(0.0051);
      if (teams.length && items.length && milestones.length && posts.length) withEverything += 1;
    }
    expect(withEverything).toBeGreaterThan(0);
  });

  it('finds the same service by its ID through node', async () => {
    const [first] = (await services({ first: 3 })).edges;
    const res = await api.gql<{ node: { __typename: string } & Partial<ServiceNode> }>(
      'query ($id: ID!) { node(id: $id) { __typename id ... on Service { key name disposition transferStatus } } }',
      { id: first!.node.id },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.node).toEqual({ __typename: 'Service', ...first!.node });
  });

  it('refuses a malformed programme ID, naming the argument', async () => {
    const serviceId = (await services({ first: 1 })).edges[0]!.node.id;
    for (const id of ['not-an-id', serviceId]) {
      const res = await api.gql<{ programme: unknown }>(
        'query ($id: ID!) { programme(id: $id) { name } }',
        { id },
        viewer,
      );
      expect(res.data?.programme ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/^id\b/);
    }
  });
});
