import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface Cell {
  likelihood: number;
  impact: number;
  score: number;
  band: string;
  count: number;
}
interface HeatMap {
  total: number;
  unscored: number;
  types: string[];
  statuses: string[];
  rule: string;
  cells: Cell[];
}

const HEAT = `query ($id: ID!, $filter: RaidItemFilter) {
  programme(id: $id) { riskHeatMap(filter: $filter) { total unscored types statuses rule cells { likelihood impact score band count } } }
}`;
const COUNT = `query ($id: ID!, $filter: RaidItemFilter) {
  programme(id: $id) { raidItems(first: 1, filter: $filter) { totalCount } }
}`;

describe('the risk heat map (one definition for the dashboard and the RAID page)', () => {
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

  const heat = async (filter?: Record<string, unknown>) => {
    const res = await api.gql<{ programme: { riskHeatMap: HeatMap } }>(
      HEAT,
      { id: programmeId, filter },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.programme.riskHeatMap;
  };
  const count = async (filter: Record<string, unknown>) => {
    const res = await api.gql<{ programme: { raidItems: { totalCount: number } } }>(
      COUNT,
      { id: programmeId, filter },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.programme.raidItems.totalCount;
  };

  it('counts the open risks and issues of the demo, and each cell is the list that the cell links to', async () => {
    const map = await heat();
    expect(map.types).toEqual(['RISK', 'ISSUE']);
    expect(map.statuses).toEqual(['OPEN', 'MONITORING', 'MATERIALISED']);
    // The demo log: 22 open risks (13 open, 7 monitoring, 2 materialised) and 6 open issues.
    const open = { types: map.types, statuses: map.statuses };
    expect(map.total).toBe(28);
    expect(await count(open)).toBe(map.total);
    expect(map.cells).toHaveLength(25);
    let scored = 0;
    for (const c of map.cells) {
      scored += c.count;
      expect(
        await count({ ...open, likelihood: c.likelihood, impact: c.impact }),
        `${c.likelihood}x${c.impact}`,
      ).toBe(c.count);
      expect(c.score).toBe(c.likelihood * c.impact);
    }
    expect(scored).toBe(map.total - map.unscored);
  });

  it('lists its top items, highest current score first, from the same items', async () => {
    const res = await api.gql<{
      programme: {
        riskHeatMap: {
          top: { ref: string; type: string; status: string; current: { score: number } | null }[];
        };
      };
    }>(
      `query ($id: ID!) { programme(id: $id) { riskHeatMap { top(first: 5) { ref type status current { score } } } } }`,
      { id: programmeId },
      viewer,
    );
    const top = res.data!.programme.riskHeatMap.top;
    expect(top).toHaveLength(5);
    const scores = top.map((r) => r.current?.score ?? 0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const r of top) {
      expect(['RISK', 'ISSUE']).toContain(r.type);
      expect(['OPEN', 'MONITORING', 'MATERIALISED']).toContain(r.status);
    }
    // No open risk or issue outside the five scores higher than the fifth.
    const fifth = scores[4]!;
    const map = await heat();
    const above = map.cells.filter((c) => c.score > fifth).reduce((n, c) => n + c.count, 0);
    expect(above).toBeLessThanOrEqual(4);
  });

  it('narrows with the RAID page’s filters, never beyond what it counts as open', async () => {
    const risks = await heat({ types: ['RISK'] });
    expect(risks.total).toBe(
      await count({ types: ['RISK'], statuses: ['OPEN', 'MONITORING', 'MATERIALISED'] }),
    );
    // A closed or mitigated item is never on the map, whatever the filter asks.
    expect((await heat({ statuses: ['CLOSED', 'MITIGATED'] })).total).toBe(0);
    expect((await heat({ types: ['ACTION'] })).total).toBe(0);
  });

  it('refuses a cell outside 1 to 5, naming the field', async () => {
    const res = await api.gql(COUNT, { id: programmeId, filter: { likelihood: 6 } }, viewer);
    expect(res.errors?.[0]?.message).toMatch(/filter\.likelihood/);
  });
});
