/**
 * TUPE rules for one employee (DOMAIN.md 2.1, 2.4, 2.8): which status an
 * assignment decision gives, and which changes each status allows. Pure: the
 * API checks these before it writes and answers a refusal with the reason.
 *
 * The states and what may change them:
 * - Decision states (IN_SCOPE_ASSIGNED, IN_SCOPE_DISPUTED, OUT_OF_SCOPE_NOT_ASSIGNED) and SECONDED:
 *   a new decision sets the status from the decision (a secondee being assigned or not is a decision
 *   like any other).
 * - OBJECTED: no new decision until the objection is withdrawn (the decision stays on record; the
 *   withdrawal restores the status from it). May still be redeployed or leave.
 * - REDEPLOYED_PRE_TRANSFER: no longer in the transferring service: no decision, no objection; may
 *   still leave.
 * - LEAVER_BEFORE_TRANSFER: no longer employed: nothing more.
 * - TRANSFERRED: employed by the trust: nothing more.
 * Objecting (reg 4(7)) is for someone who would transfer: assigned or disputed, before the instant.
 */
import type { AssignmentDecision, TupeStatus } from './enums.ts';

export const APPEAL_OUTCOMES = ['PENDING', 'UPHELD', 'REJECTED'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** The status a decision gives an employee whose state lets a decision change it. */
export const STATUS_OF_DECISION: Readonly<Record<AssignmentDecision, TupeStatus>> = {
  ASSIGNED: 'IN_SCOPE_ASSIGNED',
  NOT_ASSIGNED: 'OUT_OF_SCOPE_NOT_ASSIGNED',
  DISPUTED: 'IN_SCOPE_DISPUTED',
};

/** The status when nothing else applies: the current decision's, or disputed when undecided. */
export const statusOfDecision = (decision: AssignmentDecision | null): TupeStatus =>
  decision ? STATUS_OF_DECISION[decision] : 'IN_SCOPE_DISPUTED';

/** A refusal: why this employee's state does not allow the change (null when it does). */
export type Refusal = string | null;

const FINAL: Partial<Record<TupeStatus, string>> = {
  TRANSFERRED: 'has transferred to the new employer; their TUPE record can no longer change',
  LEAVER_BEFORE_TRANSFER: 'left before the transfer; their TUPE record can no longer change',
};

/** May a new assignment decision be recorded? */
export function decisionRefusal(status: TupeStatus): Refusal {
  if (FINAL[status]) return FINAL[status];
  if (status === 'OBJECTED')
    return 'has objected to the transfer; withdraw the objection before a new decision';
  if (status === 'REDEPLOYED_PRE_TRANSFER')
    return 'was redeployed before the transfer and is no longer in the transferring service';
  return null;
}

/** May an objection be recorded? Only someone who would otherwise transfer (or might) can object. */
export function objectionRefusal(status: TupeStatus): Refusal {
  if (FINAL[status]) return FINAL[status];
  if (status === 'OBJECTED') return 'has already objected';
  if (status === 'IN_SCOPE_ASSIGNED' || status === 'IN_SCOPE_DISPUTED') return null;
  return 'is not in scope of the transfer (assigned or disputed), so there is nothing to object to';
}

export function withdrawalRefusal(status: TupeStatus): Refusal {
  if (FINAL[status]) return FINAL[status];
  if (status !== 'OBJECTED') return 'has no objection to withdraw';
  return null;
}

export function redeploymentRefusal(status: TupeStatus): Refusal {
  if (FINAL[status]) return FINAL[status];
  if (status === 'REDEPLOYED_PRE_TRANSFER') return 'has already been redeployed';
  return null;
}

export function leaverRefusal(status: TupeStatus): Refusal {
  return FINAL[status] ?? null;
}

/** An appeal is heard only while the decision is disputed (and nothing else has overtaken it). */
export function appealRefusal(status: TupeStatus, decision: AssignmentDecision | null): Refusal {
  if (FINAL[status]) return FINAL[status];
  if (status !== 'IN_SCOPE_DISPUTED' || decision !== 'DISPUTED')
    return 'has no disputed assignment decision to appeal';
  return null;
}

/**
 * The decision an appeal's outcome resolves the dispute into: the appeal asks for `sought`
 * (ASSIGNED or NOT_ASSIGNED); upheld gives it, rejected gives the other; pending resolves nothing.
 */
export function appealResolution(
  sought: Exclude<AssignmentDecision, 'DISPUTED'>,
  outcome: AppealOutcome,
): Exclude<AssignmentDecision, 'DISPUTED'> | null {
  if (outcome === 'PENDING') return null;
  if (outcome === 'UPHELD') return sought;
  return sought === 'ASSIGNED' ? 'NOT_ASSIGNED' : 'ASSIGNED';
}

/** Who transfers at the instant: assigned and not objecting (objecting makes the status OBJECTED). */
export const transfersAtInstant = (status: TupeStatus): boolean => status === 'IN_SCOPE_ASSIGNED';

/** Why someone does not transfer, grouped for the transfer run's counts. */
export type TransferSkip = 'DISPUTED' | 'OBJECTED' | 'NOT_ASSIGNED' | 'REDEPLOYED' | 'SECONDED' | 'LEAVER';

export function transferSkip(status: TupeStatus): TransferSkip | null {
  switch (status) {
    case 'IN_SCOPE_DISPUTED':
      return 'DISPUTED';
    case 'OBJECTED':
      return 'OBJECTED';
    case 'OUT_OF_SCOPE_NOT_ASSIGNED':
      return 'NOT_ASSIGNED';
    case 'REDEPLOYED_PRE_TRANSFER':
      return 'REDEPLOYED';
    case 'SECONDED':
      return 'SECONDED';
    case 'LEAVER_BEFORE_TRANSFER':
      return 'LEAVER';
    default:
      return null;
  }
}

/** The share of time on the transferring service: a whole number from 0 to 100, or not given. */
export const isValidTimeShare = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= 100;
