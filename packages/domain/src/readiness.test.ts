import { describe, expect, it } from 'vitest';
import { isOverdue } from './checklist.ts';
import { rollUpReadiness, type ReadinessInput } from './readiness.ts';

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
    });
  });

  it('is fully ready when nothing applies', () => {
    expect(rollUpReadiness([], today).shareComplete).toBe(1);
    expect(rollUpReadiness([item({ status: 'NOT_APPLICABLE' })], today).shareComplete).toBe(1);
  });
});
