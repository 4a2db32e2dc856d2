import { DAY_ONE_CRITICAL_WEIGHT } from '@handover/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

interface Cell {
  service: { id: string } | null;
  workstream: { id: string };
  readiness: {
    total: number;
    weightApplicable: number;
    weightComplete: number;
    weightedShareComplete: number;
    dayOneCriticalOpen: number;
    rag: string;
  };
}

describe('the Day-1 readiness matrix', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('has a cell per service and workstream, weighted by the rule, adding up to the programme', async () => {
    const programmeId = await api.programmeId();
    const res = await api.gql<{
      programme: { readinessRule: string; readiness: Cell['readiness']; readinessMatrix: Cell[] };
    }>(
      `query ($id: ID!) { programme(id: $id) {
        readinessRule
        readiness { total weightApplicable weightComplete weightedShareComplete dayOneCriticalOpen rag }
        readinessMatrix { service { id } workstream { id } readiness { total weightApplicable weightComplete weightedShareComplete dayOneCriticalOpen rag } }
      } }`,
      { id: programmeId },
      await api.login('VIEWER'),
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.programme;
    expect(p.readinessRule).toMatch(/3 times/);
    const rows = await api.handle.db
      .selectFrom('checklist_item')
      .select(['service_id', 'workstream_id', 'status', 'day_one_critical'])
      .where('programme_id', '=', rowId(programmeId))
      .execute();
    const pairs = new Set(rows.map((r) => `${r.service_id ?? ''}|${r.workstream_id}`));
    expect(p.readinessMatrix).toHaveLength(pairs.size);
    for (const cell of p.readinessMatrix) {
      const sid = cell.service ? rowId(cell.service.id) : null;
      const mine = rows.filter((r) => r.service_id === sid && r.workstream_id === rowId(cell.workstream.id));
      const applicable = mine.filter((r) => r.status !== 'NOT_APPLICABLE');
      const w = (r: (typeof rows)[number]) => (r.day_one_critical ? DAY_ONE_CRITICAL_WEIGHT : 1);
      const weight = applicable.reduce((n, r) => n + w(r), 0);
      const done = applicable.filter((r) => r.status === 'COMPLETE').reduce((n, r) => n + w(r), 0);
      expect(cell.readiness.total).toBe(mine.length);
      expect(cell.readiness.weightApplicable).toBe(weight);
      expect(cell.readiness.weightComplete).toBe(done);
      expect(cell.readiness.weightedShareComplete).toBeCloseTo(weight === 0 ? 1 : done / weight, 10);
      expect(cell.readiness.dayOneCriticalOpen).toBe(
        applicable.filter((r) => r.day_one_critical && r.status !== 'COMPLETE').length,
      );
    }
    const sum = (k: 'total' | 'weightApplicable' | 'weightComplete' | 'dayOneCriticalOpen') =>
      p.readinessMatrix.reduce((n, c) => n + c.readiness[k], 0);
    expect(sum('total')).toBe(p.readiness.total);
    expect(sum('weightApplicable')).toBe(p.readiness.weightApplicable);
    expect(sum('weightComplete')).toBe(p.readiness.weightComplete);
    expect(sum('dayOneCriticalOpen')).toBe(p.readiness.dayOneCriticalOpen);
    // Items without a service have cells of their own.
    expect(p.readinessMatrix.some((c) => c.service === null)).toBe(rows.some((r) => r.service_id === null));
  });
});
