import { describe, expect, it } from 'vitest';
import { isOverdue } from './checklist.ts';
import {
  DAY_ONE_CRITICAL_WEIGHT,
  READINESS_WEIGHTING_RULE,
  readinessMatrix,
  readinessRag,
  rollUpReadiness,
  type ReadinessInput,
} from './readiness.ts';

const today = '2023-02-15';
const item = (over: Partial<ReadinessInput>): ReadinessInput => ({
  status: 'NOT_STARTED',
  dueDate: '2023-03-01',
  dayOneCritical: false,
  ...over,
});

describe('overdue', () => {
  it('is an open item due before today', () => {
    expect(isOverdue(item({ dueDate: '2023-02-14' }), today)).toBe(true);
    expect(isOverdue(item({ dueDate: '2023-02-15' }), today)).toBe(false);
    expect(isOverdue(item({ dueDate: '2023-02-14', status: 'COMPLETE' }), today)).toBe(false);
    expect(isOverdue(item({ dueDate: '2023-02-14', status: 'NOT_APPLICABLE' }), today)).toBe(false);
    expect(isOverdue(item({ dueDate: '2023-02-14', status: 'BLOCKED' }), today)).toBe(true);
    expect(isOverdue(item({ dueDate: null }), today)).toBe(false);
  });
});

describe('readiness roll-up', () => {
  it('counts complete over applicable, leaving out not-applicable items', () => {
    const r = rollUpReadiness(
      [
        item({ status: 'COMPLETE' }),
        item({ status: 'COMPLETE', dayOneCritical: true }),
        item({ status: 'NOT_APPLICABLE' }),
        item({ status: 'BLOCKED', dueDate: '2023-01-01', dayOneCritical: true }),
        item({ status: 'AT_RISK' }),
        item({ status: 'DEFERRED_POST_GO_LIVE' }),
      ],
      today,
    );
    expect(r).toEqual({
      total: 6,
      applicable: 5,
      complete: 2,
      shareComplete: 0.4,
      overdue: 1,
      blocked: 1,
      atRisk: 1,
      dayOneCritical: 2,
      dayOneCriticalOpen: 1,
      // Weights: COMPLETE 1 + COMPLETE critical 3 + BLOCKED critical 3 + AT_RISK 1 + DEFERRED 1 = 9; complete 4.
      weightApplicable: 9,
      weightComplete: 4,
      weightedShareComplete: 4 / 9,
    });
  });

  it('is fully ready when nothing applies', () => {
    expect(rollUpReadiness([], today).shareComplete).toBe(1);
    expect(rollUpReadiness([item({ status: 'NOT_APPLICABLE' })], today).shareComplete).toBe(1);
  });
});

describe('weighted readiness', () => {
  it('counts a day-one critical item three times, by hand', () => {
    expect(DAY_ONE_CRITICAL_WEIGHT).toBe(3);
    // Two ordinary items complete, one critical open: 2 / (1 + 1 + 3) = 0.4, though 2 of 3 items are done.
    const r = rollUpReadiness(
      [item({ status: 'COMPLETE' }), item({ status: 'COMPLETE' }), item({ dayOneCritical: true })],
      today,
    );
    expect(r.shareComplete).toBeCloseTo(2 / 3, 10);
    expect(r.weightedShareComplete).toBeCloseTo(0.4, 10);
    // The critical one done and an ordinary one open: 4 / 5.
    const s = rollUpReadiness(
      [item({ status: 'COMPLETE' }), item({}), item({ status: 'COMPLETE', dayOneCritical: true })],
      today,
    );
    expect(s.weightedShareComplete).toBeCloseTo(0.8, 10);
    // Not applicable weighs nothing, critical or not.
    const t = rollUpReadiness(
      [item({ status: 'COMPLETE' }), item({ status: 'NOT_APPLICABLE', dayOneCritical: true })],
      today,
    );
    expect(t.weightApplicable).toBe(1);
    expect(t.weightedShareComplete).toBe(1);
    expect(rollUpReadiness([], today).weightedShareComplete).toBe(1);
    expect(READINESS_WEIGHTING_RULE).toContain('3 times');
  });

  it('rates RED below 60%, AMBER below 90%, else GREEN', () => {
    expect(readinessRag({ weightedShareComplete: 0.59 })).toBe('RED');
    expect(readinessRag({ weightedShareComplete: 0.6 })).toBe('AMBER');
    expect(readinessRag({ weightedShareComplete: 0.899 })).toBe('AMBER');
    expect(readinessRag({ weightedShareComplete: 0.9 })).toBe('GREEN');
    expect(readinessRag({ weightedShareComplete: 1 })).toBe('GREEN');
  });

  it('makes one matrix cell per service and workstream, items without a service last', () => {
    const cells = readinessMatrix(
      [
        { ...item({ status: 'COMPLETE' }), serviceId: 's2', workstreamId: 'w1' },
        { ...item({ dayOneCritical: true }), serviceId: 's1', workstreamId: 'w2' },
        { ...item({ status: 'COMPLETE', dayOneCritical: true }), serviceId: 's1', workstreamId: 'w2' },
        { ...item({}), serviceId: null, workstreamId: 'w1' },
        { ...item({ status: 'COMPLETE' }), serviceId: 's1', workstreamId: 'w1' },
      ],
      today,
    );
    expect(cells.map((c) => [c.serviceId, c.workstreamId, c.readiness.total])).toEqual([
      ['s1', 'w1', 1],
      ['s1', 'w2', 2],
      ['s2', 'w1', 1],
      [null, 'w1', 1],
    ]);
    const s1w2 = cells[1]!.readiness;
    expect(s1w2.weightedShareComplete).toBe(0.5);
    expect(s1w2.dayOneCriticalOpen).toBe(1);
    expect(cells[3]!.readiness.weightedShareComplete).toBe(0);
  });
});
