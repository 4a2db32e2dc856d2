/**
 * A service's transfer status (DOMAIN.md 2.8) follows rules, not whoever typed it last:
 *
 * - NOT_STARTED -> IN_PROGRESS (work has begun) or RETAINED (it stays with the council).
 * - IN_PROGRESS -> READY, back to NOT_STARTED, or RETAINED.
 * - READY -> back to IN_PROGRESS. READY holds only while every day-one critical item of the service is
 *   closed (complete or not applicable): a service with an open one cannot be made READY, and one
 *   recorded READY while an item is open is flagged as a contradiction wherever it is shown.
 * - TRANSFERRED is made by the transfer run alone, at the transfer instant, for every service whose
 *   disposition is that it TRANSFERS; nothing leaves it.
 * - RETAINED -> NOT_STARTED or IN_PROGRESS (the decision was changed). A service whose disposition
 *   is that it TRANSFERS is never RETAINED.
 */
import type { ServiceDisposition, ServiceTransferStatus } from './enums.ts';

/** The statuses a person may move a service to from each status (TRANSFERRED is the run's alone). */
export const SERVICE_STATUS_TRANSITIONS: Readonly<
  Record<ServiceTransferStatus, readonly ServiceTransferStatus[]>
> = {
  NOT_STARTED: ['IN_PROGRESS', 'RETAINED'],
  IN_PROGRESS: ['NOT_STARTED', 'READY', 'RETAINED'],
  READY: ['IN_PROGRESS'],
  TRANSFERRED: [],
  RETAINED: ['NOT_STARTED', 'IN_PROGRESS'],
};

/** The rule, in a sentence, for the pages. */
export const SERVICE_STATUS_RULE =
  'A service is ready only when every one of its day-one critical items is closed (complete or not applicable); ' +
  'the transfer run makes every service that transfers TRANSFERRED; a service that transfers is never retained.';

const LABELS: Record<ServiceTransferStatus, string> = {
  NOT_STARTED: 'not started',
  IN_PROGRESS: 'in progress',
  READY: 'ready',
  TRANSFERRED: 'transferred',
  RETAINED: 'retained',
};

export interface OpenCriticalItem {
  ref: string;
  title: string;
}

export interface ServiceStatusFacts {
  disposition: ServiceDisposition;
  /** The service's day-one critical items still open (not complete, not applicable), by ref. */
  openDayOneCritical: readonly OpenCriticalItem[];
}

/** "CSC-001 Title, CSC-004 Title and 3 more": at most `shown` named. */
function nameItems(items: readonly OpenCriticalItem[], shown = 5): string {
  const named = items.slice(0, shown).map((i) => `${i.ref} ${i.title}`);
  const more = items.length - named.length;
  return more > 0 ? `${named.join('; ')} and ${more} more` : named.join('; ');
}

function openItemsText(items: readonly OpenCriticalItem[]): string {
  return `${items.length} day-one critical ${items.length === 1 ? 'item is' : 'items are'} open: ${nameItems(items)}`;
}

/**
 * Where a stored status contradicts the facts (readiness, disposition), what is wrong, in a
 * sentence; null when it holds.
 */
export function serviceStatusContradiction(
  status: ServiceTransferStatus,
  facts: ServiceStatusFacts,
): string | null {
  if (status === 'READY' && facts.openDayOneCritical.length > 0) {
    return `Recorded as ready, but ${openItemsText(facts.openDayOneCritical)}.`;
  }
  if (status === 'RETAINED' && facts.disposition === 'TRANSFERS') {
    return 'Recorded as retained, but the service transfers.';
  }
  if (status === 'TRANSFERRED' && facts.disposition === 'RETAINED_BY_COUNCIL') {
    return 'Recorded as transferred, but the service is retained by the council.';
  }
  return null;
}

/** Why a person may not move a service from `from` to `to`, or null when they may. */
export function serviceStatusChangeProblem(
  from: ServiceTransferStatus,
  to: ServiceTransferStatus,
  facts: ServiceStatusFacts,
): string | null {
  if (from === to) return `is already ${LABELS[to]}`;
  if (to === 'TRANSFERRED')
    return 'only the transfer run makes a service transferred, at the transfer instant';
  const allowed = SERVICE_STATUS_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    return allowed.length === 0
      ? `a ${LABELS[from]} service keeps its status`
      : `cannot go from ${LABELS[from]} to ${LABELS[to]}; from ${LABELS[from]} it may become ${allowed
          .map((s) => LABELS[s])
          .join(' or ')}`;
  }
  return serviceStatusContradiction(to, facts)
    ? to === 'READY'
      ? `cannot be ready while ${openItemsText(facts.openDayOneCritical)}`
      : `cannot be ${LABELS[to]}: ${serviceStatusContradiction(to, facts)!.replace(/^Recorded as \w+, but /, '')}`
    : null;
}

/** A service's status after the transfer run: TRANSFERRED when it transfers, else as it was. */
export function statusAfterTransfer(service: {
  disposition: ServiceDisposition;
  status: ServiceTransferStatus;
}): ServiceTransferStatus {
  return service.disposition === 'TRANSFERS' ? 'TRANSFERRED' : service.status;
}
