/**
 * Readiness roll-up: how far a set of checklist items (a workstream, a
 * service, a programme) is from go-live.
 *
 * The rule: items marked NOT_APPLICABLE do not count. Of the rest, the share
 * complete is COMPLETE / (all applicable). An item DEFERRED_POST_GO_LIVE
 * counts as applicable but not complete: it is owed, after go-live.
 *
 * Weighted readiness (the figure the Day-1 readiness matrix and the go/no-go
 * gate show): the same items, but a day-one critical item weighs
 * DAY_ONE_CRITICAL_WEIGHT (3) and any other item 1, so weightedShareComplete
 * = weight of COMPLETE items / weight of all applicable items (1 when nothing
 * is applicable). READINESS_WEIGHTING_RULE says so in one sentence for people.
 */
import { isOverdue } from './checklist.ts';
import type { IsoDate } from './dates.ts';
import type { ChecklistStatus } from './enums.ts';

/** How much more a day-one critical item counts than any other in weighted readiness. */
export const DAY_ONE_CRITICAL_WEIGHT = 3;
/** The weighting rule, in one sentence, as the admin pages show it. */
export const READINESS_WEIGHTING_RULE =
  `Weighted readiness counts a day-one critical item ${DAY_ONE_CRITICAL_WEIGHT} times and any other item once: ` +
  'the weight of complete items divided by the weight of all applicable items (items marked not applicable ' +
  'do not count; deferred until after go-live counts as not complete).';

/** Weighted readiness at or above this is GREEN, at or above READINESS_AMBER_FROM AMBER, else RED. */
export const READINESS_GREEN_FROM = 0.9;
export const READINESS_AMBER_FROM = 0.6;

export type ReadinessRag = 'RED' | 'AMBER' | 'GREEN';

/** The RAG of a weighted readiness share (0..1): GREEN from 90%, AMBER from 60%, else RED. */
export function readinessRag(r: Pick<Readiness, 'weightedShareComplete'>): ReadinessRag {
  if (r.weightedShareComplete >= READINESS_GREEN_FROM) return 'GREEN';
  if (r.weightedShareComplete >= READINESS_AMBER_FROM) return 'AMBER';
  return 'RED';
}

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
  /** Weight of all applicable items (day-one critical ones weigh DAY_ONE_CRITICAL_WEIGHT). */
  weightApplicable: number;
  /** Weight of the COMPLETE ones. */
  weightComplete: number;
  /** weightComplete / weightApplicable, 0..1; 1 when nothing is applicable. */
  weightedShareComplete: number;
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
    weightApplicable: 0,
    weightComplete: 0,
    weightedShareComplete: 1,
  };
}

export function rollUpReadiness(items: Iterable<ReadinessInput>, today: IsoDate): Readiness {
  const r = emptyReadiness();
  for (const item of items) {
    r.total += 1;
    if (item.status === 'NOT_APPLICABLE') continue;
    r.applicable += 1;
    const complete = item.status === 'COMPLETE';
    const weight = item.dayOneCritical ? DAY_ONE_CRITICAL_WEIGHT : 1;
    r.weightApplicable += weight;
    if (complete) {
      r.complete += 1;
      r.weightComplete += weight;
    }
    if (item.status === 'BLOCKED') r.blocked += 1;
    if (item.status === 'AT_RISK') r.atRisk += 1;
    if (isOverdue(item, today)) r.overdue += 1;
    if (item.dayOneCritical) {
      r.dayOneCritical += 1;
      if (!complete) r.dayOneCriticalOpen += 1;
    }
  }
  r.shareComplete = r.applicable === 0 ? 1 : r.complete / r.applicable;
  r.weightedShareComplete = r.weightApplicable === 0 ? 1 : r.weightComplete / r.weightApplicable;
  return r;
}

export interface ReadinessMatrixInput extends ReadinessInput {
  serviceId: string | null;
  workstreamId: string;
}

export interface ReadinessMatrixCell {
  /** null: items of the workstream that belong to no service. */
  serviceId: string | null;
  workstreamId: string;
  readiness: Readiness;
}

/**
 * The Day-1 readiness matrix: one cell per (service, workstream) pair that has
 * items, items without a service in a row of their own (serviceId null).
 * Cells come in a stable order: by service id (no service last), then workstream id.
 */
export function readinessMatrix(
  items: Iterable<ReadinessMatrixInput>,
  today: IsoDate,
): ReadinessMatrixCell[] {
  const groups = new Map<
    string,
    { serviceId: string | null; workstreamId: string; items: ReadinessInput[] }
  >();
  for (const item of items) {
    const key = `${item.serviceId ?? ''}|${item.workstreamId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { serviceId: item.serviceId, workstreamId: item.workstreamId, items: [] }));
    g.items.push(item);
  }
  const order = (s: string | null) => s ?? '\uffff';
  return [...groups.values()]
    .sort((a, b) =>
      a.serviceId === b.serviceId
        ? a.workstreamId.localeCompare(b.workstreamId)
        : order(a.serviceId).localeCompare(order(b.serviceId)),
    )
    .map((g) => ({
      serviceId: g.serviceId,
      workstreamId: g.workstreamId,
      readiness: rollUpReadiness(g.items, today),
    }));
}
