import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface MilestoneNode {
  id: string;
  name: string;
  plannedDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  slippageDays: number | null;
  rag: string;
  critical: boolean;
  version: number;
}

interface Result extends Partial<MilestoneNode> {
  __typename: string;
  message?: string;
  field?: string;
  expectedVersion?: number;
  currentVersion?: number;
  conflict?: { forecastDate: string | null; version: number };
}

const FIELDS = 'id name plannedDate forecastDate actualDate slippageDays rag critical version';

const LIST = `query ($id: ID!, $filter: MilestoneFilter) {
  programme(id: $id) {
    milestones(first: 200, filter: $filter) { totalCount edges { node { ${FIELDS} } } }
  }
}`;

const UPDATE = `mutation ($input: UpdateMilestoneInput!) {
  updateMilestone(input: $input) {
    __typename
    ... on Milestone { ${FIELDS} }
    ... on Error { message }
    ... on ValidationError { field }
    ... on ConflictError { expectedVersion currentVersion conflict: current { ... on Milestone { forecastDate version } } }
  }
}`;

/** The database row's ID inside a global ID. */
const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

/** Calendar days from `from` to `to`, both YYYY-MM-DD. */
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

describe('milestones', () => {
  let api: TestApi;
  let programmeId: string;
  // Writes as the programme manager: these tests are not about roles (user.test.ts holds the EDITOR rule).
  let writer: string;
  let viewer: string;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    writer = await api.login('ADMIN');
    viewer = await api.login('VIEWER');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const rows = () => api.handle.db.selectFrom('milestone').selectAll().orderBy('baseline_date').execute();
  const row = (id: string) =>
    api.handle.db.selectFrom('milestone').selectAll().where('id', '=', rowId(id)).executeTakeFirstOrThrow();

  async function list(filter?: Record<string, unknown>) {
    const res = await api.gql<{
      programme: { milestones: { totalCount: number; edges: { node: MilestoneNode }[] } };
    }>(LIST, { id: programmeId, filter }, viewer);
    expect(res.errors).toBeUndefined();
    const conn = res.data!.programme.milestones;
    return { totalCount: conn.totalCount, nodes: conn.edges.map((e) => e.node) };
  }

  async function byName(name: string): Promise<MilestoneNode> {
    const found = (await list()).nodes.find((m) => m.name === name);
    if (!found) throw new Error(`no milestone ${name}`);
    return found;
  }

  const update = (input: Record<string, unknown>, token = writer) =>
    api.gql<{ updateMilestone: Result }>(UPDATE, { input }, token);

  describe('the list', () => {
    it('lists every milestone of the programme by baseline date', async () => {
      const all = await rows();
      const { totalCount, nodes } = await list();
      expect(totalCount).toBeGreaterThanOrEqual(25);
      expect(totalCount).toBe(all.length);
      expect(nodes).toHaveLength(all.length);
      expect(nodes.map((m) => rowId(m.id)).sort()).toEqual(all.map((r) => r.id).sort());
      const baselines = nodes.map((m) => m.plannedDate);
      expect(baselines).toEqual([...baselines].sort());
    });

    it('reports slippage as actual (else forecast) minus baseline, in days', async () => {
      const byId = new Map((await rows()).map((r) => [r.id, r]));
      const { nodes } = await list();
      for (const m of nodes) {
        const r = byId.get(rowId(m.id))!;
        const outturn = r.actual_date ?? r.forecast_date;
        expect(m.slippageDays, m.name).toBe(outturn === null ? null : daysBetween(r.baseline_date, outturn));
      }
      // Read straight from the database: the children's homes registrations, forecast ten weeks late.
      const homes = await api.handle.db
        .selectFrom('milestone')
        .selectAll()
        .where('name', '=', "Ofsted registrations granted: children's homes")
        .executeTakeFirstOrThrow();
      expect(homes.actual_date).toBeNull();
      const node = nodes.find((m) => rowId(m.id) === homes.id)!;
      expect(node.slippageDays).toBe(daysBetween(homes.baseline_date, homes.forecast_date!));
      expect(node.slippageDays).toBe(70);
      // One achieved early slips by a negative number of days; one achieved on the day by none.
      expect(nodes.some((m) => m.actualDate !== null && m.slippageDays! < 0)).toBe(true);
      expect(nodes.find((m) => m.name === 'Shadow running started')?.slippageDays).toBe(0);
    });

    it('filters critical milestones, and the rest', async () => {
      const all = await rows();
      for (const critical of [true, false]) {
        const { totalCount, nodes } = await list({ critical });
        const expected = all.filter((r) => r.critical === critical);
        expect(expected.length).toBeGreaterThan(0);
        expect(totalCount).toBe(expected.length);
        expect(nodes.every((m) => m.critical === critical)).toBe(true);
        expect(nodes.map((m) => rowId(m.id)).sort()).toEqual(expected.map((r) => r.id).sort());
      }
    });

    it('filters by RAG', async () => {
      const rags = ['RED', 'AMBER'];
      const { totalCount, nodes } = await list({ rags });
      const expected = (await rows()).filter((r) => rags.includes(r.rag));
      expect(expected.length).toBeGreaterThan(0);
      expect(totalCount).toBe(expected.length);
      expect(nodes.every((m) => rags.includes(m.rag))).toBe(true);
      expect(nodes.map((m) => rowId(m.id)).sort()).toEqual(expected.map((r) => r.id).sort());
    });

    it('filters by when a milestone is due (actual, forecast, else baseline), inclusive', async () => {
      const due = (m: { actual_date: string | null; forecast_date: string | null; baseline_date: string }) =>
        m.actual_date ?? m.forecast_date ?? m.baseline_date;
      const all = await rows();
      for (const [from, to] of [
        ['2023-03-01', '2023-03-31'],
        ['2023-04-01', null],
        [null, '2022-06-07'],
      ] as const) {
        const filter = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
        const { totalCount, nodes } = await list(filter);
        const expected = all.filter((r) => (!from || due(r) >= from) && (!to || due(r) <= to));
        expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
        expect(expected.length, JSON.stringify(filter)).toBeLessThan(all.length);
        expect(totalCount, JSON.stringify(filter)).toBe(expected.length);
        expect(nodes.map((m) => rowId(m.id)).sort()).toEqual(expected.map((r) => r.id).sort());
      }
      // A milestone forecast late is due when forecast, not at its baseline.
      const { nodes } = await list({ from: '2023-05-01', to: '2023-05-31' });
      expect(nodes.map((m) => m.name)).toContain("Ofsted registrations granted: children's homes");
    });
  });

  describe('updating a milestone', () => {
    it('moves the forecast date, bumping the version', async () => {
      const m = await byName('Placement contracts novated');
      const res = await update({ id: m.id, expectedVersion: m.version, forecastDate: '2023-05-05' });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateMilestone).toMatchObject({
        __typename: 'Milestone',
        forecastDate: '2023-05-05',
        actualDate: null,
        rag: m.rag,
        slippageDays: daysBetween(m.plannedDate, '2023-05-05'),
        version: m.version + 1,
      });
      expect(await row(m.id)).toMatchObject({ forecast_date: '2023-05-05', version: m.version + 1 });
    });

    it('records the actual date, which makes the milestone BLUE', async () => {
      const m = await byName('Measures letters issued to transferring staff');
      expect(m.rag).not.toBe('BLUE');
      const res = await update({ id: m.id, expectedVersion: m.version, actualDate: '2023-02-14' });
      expect(res.data?.updateMilestone).toMatchObject({
        __typename: 'Milestone',
        actualDate: '2023-02-14',
        rag: 'BLUE',
        slippageDays: daysBetween(m.plannedDate, '2023-02-14'),
        version: m.version + 1,
      });
      expect(await row(m.id)).toMatchObject({ actual_date: '2023-02-14', rag: 'BLUE' });
    });

    it('keeps the RAG given with an actual date, and accepts today', async () => {
      const m = await byName('Partner notification letters issued');
      const res = await update({
        id: m.id,
        expectedVersion: m.version,
        actualDate: '2023-02-15',
        rag: 'GREEN',
      });
      expect(res.data?.updateMilestone).toMatchObject({
        __typename: 'Milestone',
        actualDate: '2023-02-15',
        rag: 'GREEN',
      });
      expect(await row(m.id)).toMatchObject({ actual_date: '2023-02-15', rag: 'GREEN' });
    });

    it('refuses an actual date after today, and writes nothing', async () => {
      const m = await byName('Employee liability information issued');
      const before = await row(m.id);
      const res = await update({ id: m.id, expectedVersion: m.version, actualDate: '2023-02-16' });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateMilestone).toMatchObject({ __typename: 'ValidationError', field: 'actualDate' });
      expect(res.data?.updateMilestone.message).toContain('2023-02-15');
      expect(await row(m.id)).toEqual(before);
    });

    it('refuses a date not written YYYY-MM-DD, naming where, and writes nothing', async () => {
      const m = await byName('Employee liability information issued');
      const before = await row(m.id);
      const res = await update({ id: m.id, expectedVersion: m.version, actualDate: '15/02/2023' });
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.message).toContain('input.actualDate');
      expect(res.errors![0]!.message).toContain('YYYY-MM-DD');
      const impossible = await update({ id: m.id, expectedVersion: m.version, forecastDate: '2023-02-30' });
      expect(impossible.errors?.[0]?.message).toContain('input.forecastDate');
      expect(await row(m.id)).toEqual(before);
    });

    it('answers a stale version with a conflict carrying the milestone as it is, and changes nothing', async () => {
      const m = await byName('Support service SLAs signed');
      const first = await update({ id: m.id, expectedVersion: m.version, forecastDate: '2023-03-24' });
      expect(first.data?.updateMilestone.__typename).toBe('Milestone');
      const before = await row(m.id);
      const stale = await update({
        id: m.id,
        expectedVersion: m.version,
        forecastDate: '2023-03-31',
        rag: 'RED',
      });
      expect(stale.errors).toBeUndefined();
      expect(stale.data?.updateMilestone).toMatchObject({
        __typename: 'ConflictError',
        expectedVersion: m.version,
        currentVersion: m.version + 1,
        conflict: { forecastDate: '2023-03-24', version: m.version + 1 },
      });
      expect(await row(m.id)).toEqual(before);
    });

    it('lets a viewer change nothing', async () => {
      const m = await byName('Go/no-go decision');
      const before = await rows();
      const res = await update({ id: m.id, expectedVersion: m.version, forecastDate: '2023-03-27' }, viewer);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await rows()).toEqual(before);
    });
  });
});

describe('milestones due soon', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('lists the ones still to come within the next days, by the API’s today', async () => {
    const res = await api.gql<{
      today: string;
      programme: { milestones: { edges: { node: { plannedDate: string; forecastDate: string | null; actualDate: string | null } }[] } };
    }>(
      `query ($id: ID!) { today programme(id: $id) { milestones(first: 100, filter: { dueWithinDays: 30, achieved: false }) {
        edges { node { plannedDate forecastDate actualDate } } } } }`,
      { id: await api.programmeId() },
      await api.login('VIEWER'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.today).toBe('2023-02-15');
    const nodes = res.data!.programme.milestones.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const m of nodes) {
      const due = m.forecastDate ?? m.plannedDate;
      expect(m.actualDate).toBeNull();
      expect(due >= '2023-02-15' && due <= '2023-03-17').toBe(true);
    }
  });
});
