/**
 * Readiness roll-up: how far a set of checklist items (a workstream, a
 * service, a programme) is from go-live.
 *
 * The rule: items marked NOT_APPLICABLE do not count. Of the rest, the share
 * complete is COMPLETE / (all applicable). An item DEFERRED_POST_GO_LIVE
 * counts as applicable but not complete: it is owed, after go-live.
 */
import { isOverdue } from './checklist.ts';
import type { IsoDate } from './dates.ts';
import type { ChecklistStatus } from './enums.ts';

export interface ReadinessInput {
  status: ChecklistStatus;
  dueDate: IsoDate | null;
  dayOneCritical: boolean;
}

export interface Readiness {
  total: number;
  applicable: number;
  complete: number;
  /** complete / applicable, 0..1; 1 when nothing is applicable. */
  shareComplete: number;
  overdue: number;
  blocked: number;
  atRisk: number;
  dayOneCritical: number;
  dayOneCriticalOpen: number;
}

export function emptyReadiness(): Readiness {
  return {
    total: 0,
    applicable: 0,
    complete: 0,
    shareComplete: 1,
    overdue: 0,
    blocked: 0,
    atRisk: 0,
    dayOneCritical: 0,
    dayOneCriticalOpen: 0,
  };
}

export function rollUpReadiness(items: Iterable<ReadinessInput>, today: IsoDate): Readiness {
  const r = emptyReadiness();
  for (const item of items) {
    r.total += 1;
    if (item.status === 'NOT_APPLICABLE') continue;
    r.applicable += 1;
    const complete = item.status === 'COMPLETE';
    if (complete) r.complete += 1;
    if (item.status === 'BLOCKED') r.blocked += 1;
    if (item.status === 'AT_RISK') r.atRisk += 1;
    if (isOverdue(item, today)) r.overdue += 1;
    if (item.dayOneCritical) {
      r.dayOneCritical += 1;
      if (!complete) r.dayOneCriticalOpen += 1;
    }
  }
  r.shareComplete = r.applicable === 0 ? 1 : r.complete / r.applicable;
  return r;
}
