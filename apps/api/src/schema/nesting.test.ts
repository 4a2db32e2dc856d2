import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test/harness.ts';

const NESTED = `query ($id: ID!, $first: Int!) { programme(id: $id) {
  services(first: $first) { edges { node {
    name
    teams { name service { name } }
    headcount { posts employees }
    readiness { shareComplete }
    checklistItems { ref workstream { code lead { email } } dependsOn { ref } blockedBy { ref } dependents { ref } }
    milestones { name }
  } } }
} }`;

describe('nested queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('cost the same number of SQL statements for 2 services as for 24', async () => {
    const token = await api.login('VIEWER');
    const id = await api.programmeId();
    const run = async (first: number) => {
      api.statements.length = 0;
      const res = await api.gql<{
        programme: { services: { edges: { node: { checklistItems: unknown[] } }[] } };
      }>(NESTED, { id, first }, token);
      expect(res.errors).toBeUndefined();
      const rows = res.data!.programme.services.edges;
      return {
        services: rows.length,
        items: rows.reduce((n, e) => n + e.node.checklistItems.length, 0),
        sql: [...api.statements],
      };
    };
    const small = await run(2);
    const large = await run(24);
    expect(large.services).toBe(24);
    expect(large.items).toBeGreaterThan(small.items);
    expect(large.sql.length).toBe(small.sql.length);
    // session, programme, services page, then one per nested list or lookup, never one per row
    expect(large.sql.length).toBeLessThanOrEqual(14);
  });
});
