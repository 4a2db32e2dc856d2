import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from './limits.ts';
import { startSecurityApp, type SecurityTestApp } from './testing.ts';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * The admin dashboard's query as `apps/admin/src/routes/+page.server.ts` sends it (through
 * `programmeQuery`): the largest query the admin app makes. Kept in step by hand; the admin's
 * end-to-end tests run every page against an API with these limits in production mode.
 */
const ITEM = 'id ref title status dueDate overdue workstream { name }';
const OPEN = '[NOT_STARTED, IN_PROGRESS, BLOCKED, AT_RISK]';
const DASHBOARD = `query { today programmes(first: 1) { edges { node { id name
  status transferDate daysToTransfer eliDueDate transferor { name } transferee { name } riskBands { band min max }
  readiness { total applicable complete shareComplete overdue blocked atRisk dayOneCritical dayOneCriticalOpen }
  readinessByWorkstream { workstream { id name } readiness { total applicable complete shareComplete overdue blocked atRisk dayOneCritical dayOneCriticalOpen } }
  critical: checklistItems(first: 10, filter: { dayOneCritical: true, statuses: ${OPEN} }) { totalCount edges { node { ${ITEM} } } }
  overdue: checklistItems(first: 10, filter: { overdue: true }) { totalCount edges { node { ${ITEM} } } }
  blocked: checklistItems(first: 10, filter: { statuses: [BLOCKED] }) { totalCount edges { node { ${ITEM} } } }
  risks: raidItems(first: 200, filter: { types: [RISK, ISSUE], statuses: [OPEN, MONITORING, MATERIALISED] }) {
    totalCount edges { node { id ref title current { likelihood impact score band } } } }
  milestones(first: 8, filter: { dueWithinDays: 60, achieved: false }) {
    totalCount edges { node { id name plannedDate forecastDate rag critical slippageDays } } }
  headcountByTupeStatus { tupeStatus employees fte }
} } } }`;

/** A selection `levels` deep: programmes > edges > node > services > edges > node > ... */
const deep =
  'query { programmes(first: 1) { edges { node { services(first: 1) { edges { node { checklistItems(first: 1) { edges { node { blockedBy { blockedBy { id } } } } } } } } } } } }';

describe('query limits', () => {
  let api: SecurityTestApp;
  let token: string;
  beforeAll(async () => {
    api = await startSecurityApp({ production: true });
    token = await api.signIn('ADMIN');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });
  const ask = async (query: string, extra: Record<string, unknown> = {}) => {
    const res = await api.post({ query, ...extra }, { authorization: `Bearer ${token}` });
    return { status: res.status, body: (await res.json()) as Body };
  };

  it('runs the admin dashboard query under every default limit', async () => {
    const { body } = await ask(DASHBOARD);
    expect(body.errors).toBeUndefined();
    expect(body.data?.programmes).toBeTruthy();
  });

  it('refuses a query deeper than the limit, naming the limit and the depth', async () => {
    const { body } = await ask(deep);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toBe(
      `Syntax Error: Query depth limit of ${DEFAULT_QUERY_LIMITS.maxDepth} exceeded, found 12.`,
    );
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from(
      { length: DEFAULT_QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: today`,
    ).join(' ');
    const { body } = await ask(`{ ${aliases} }`);
    expect(body.errors?.[0]?.message).toBe(
      `Syntax Error: Aliases limit of ${DEFAULT_QUERY_LIMITS.maxAliases} exceeded, found ${DEFAULT_QUERY_LIMITS.maxAliases + 1}.`,
    );
    // Up to the limit is fine.
    const ok = Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases }, (_, i) => `a${i}: today`).join(' ');
    expect((await ask(`{ ${ok} }`)).body.errors).toBeUndefined();
  });

  it('refuses a document of more tokens than the limit', async () => {
    const { body } = await ask(`{ ${'__typename '.repeat(DEFAULT_QUERY_LIMITS.maxTokens)} }`);
    expect(body.errors?.[0]?.message).toBe(
      `Syntax Error: Token limit of ${DEFAULT_QUERY_LIMITS.maxTokens} exceeded.`,
    );
  });

  it('refuses a query costing more than the limit, naming the cost', async () => {
    const small = await startSecurityApp({ limits: { ...DEFAULT_QUERY_LIMITS, maxCost: 100 } });
    try {
      const t = await small.signIn('VIEWER');
      const res = await small.post(
        {
          query:
            '{ programmes(first: 1) { edges { node { id name services(first: 5) { edges { node { id name } } } } } } }',
        },
        { authorization: `Bearer ${t}` },
      );
      const body = (await res.json()) as Body;
      expect(body.errors?.[0]?.message).toMatch(
        /^Syntax Error: Query Cost limit of 100 exceeded, found [\d.]+\.$/,
      );
    } finally {
      await small.close();
    }
  });

  it('refuses a batch (an array body)', async () => {
    const res = await api.post([{ query: '{ today }' }, { query: '{ today }' }], {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Body).errors?.[0]?.message).toMatch(/batching is not supported/i);
  });

  it('in production: no introspection, and no "Did you mean" suggestions', async () => {
    const intro = await ask('{ __schema { types { name } } }');
    expect(intro.body.data ?? null).toBeNull();
    expect(intro.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await ask('{ programes(first: 1) { totalCount } }');
    const message = typo.body.errors?.[0]?.message ?? '';
    expect(message).toContain('Cannot query field "programes"');
    expect(message).not.toMatch(/did you mean/i);
  });
});

describe('in development', () => {
  it("keeps introspection (GraphiQL's own query within every limit) and the suggestions", async () => {
    const api = await startSecurityApp({ production: false });
    try {
      const token = await api.signIn('VIEWER');
      const query = getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      });
      const intro = (await (await api.post({ query }, { authorization: `Bearer ${token}` })).json()) as Body;
      expect(intro.errors).toBeUndefined();
      expect((intro.data?.__schema as { types: unknown[] }).types.length).toBeGreaterThan(50);
      const typo = (await (
        await api.post({ query: '{ programes(first: 1) { totalCount } }' })
      ).json()) as Body;
      expect(typo.errors?.[0]?.message).toMatch(/Did you mean "programmes"/);
    } finally {
      await api.close();
    }
  });
});
