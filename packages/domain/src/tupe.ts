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
 * Who may transfer at all: only the council's own employees (reg 4(1)). Agency workers (employed by
 * their agency) and secondees in (employed by their home organisation) work in the service but are not
 * assigned, never transfer and are not in the ELI or the transferring counts.
 * At the instant an objector's employment ends (reg 4(7)-(8)): not a dismissal, and not a transfer.
 */
import type { AssignmentDecision, ContractType, TupeStatus } from './enums.ts';

/** Contract types of people who work in the service but are not the council's employees (DOMAIN.md 2.1, 2.8). */
export const NOT_EMPLOYEE_CONTRACTS = [
  'AGENCY_WORKER',
  'SECONDEE_IN',
] as const satisfies readonly ContractType[];

const NOT_EMPLOYEE_REASON: Readonly<Record<(typeof NOT_EMPLOYEE_CONTRACTS)[number], string>> = {
  AGENCY_WORKER:
    'is an agency worker, employed by their agency and not by the council: TUPE moves only the council’s employees (reg 4(1)); re-let the agency arrangement to the new employer instead',
  SECONDEE_IN:
    'is seconded in and stays employed by their home organisation: TUPE moves only the council’s employees (reg 4(1)); agree the secondment with the new employer instead',
};

/** Is someone on this contract the council's employee (and so someone TUPE can transfer)? */
export const isCouncilEmployee = (contractType: ContractType): boolean =>
  !(NOT_EMPLOYEE_CONTRACTS as readonly ContractType[]).includes(contractType);

/** Why someone on this contract cannot be assigned or transferred (null for the council's employees). */
export const notEmployeeReason = (contractType: ContractType): string | null =>
  (NOT_EMPLOYEE_REASON as Partial<Record<ContractType, string>>)[contractType] ?? null;

/** Why an employment ended other than by leaving: an objection to the transfer (reg 4(7)-(8)). */
export const EMPLOYMENT_END_REASONS = ['OBJECTED_TO_TRANSFER'] as const;
export type EmploymentEndReason = (typeof EMPLOYMENT_END_REASONS)[number];

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

/**
 * May this decision be recorded for this person? Their state must allow a decision, and only the
 * council's employees can be assigned (or be in dispute about it): anyone else can only be not assigned.
 */
export function assignmentRefusal(
  person: { status: TupeStatus; contractType: ContractType },
  decision: AssignmentDecision,
): Refusal {
  const byState = decisionRefusal(person.status);
  if (byState) return byState;
  if (decision !== 'NOT_ASSIGNED') return notEmployeeReason(person.contractType);
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

/**
 * Who transfers at the instant: the council's employees who are assigned and not objecting (objecting
 * makes the status OBJECTED). An agency worker or secondee in never does, whatever their status says.
 */
export const transfersAtInstant = (status: TupeStatus, contractType: ContractType): boolean =>
  status === 'IN_SCOPE_ASSIGNED' && isCouncilEmployee(contractType);

/** Whose employment the instant ends: the council's employees who objected (reg 4(7)-(8)). */
export const employmentEndsAtInstant = (status: TupeStatus, contractType: ContractType): boolean =>
  status === 'OBJECTED' && isCouncilEmployee(contractType);

/** Why someone does not transfer, grouped for the transfer run's counts. */
export type TransferSkip =
  'DISPUTED' | 'OBJECTED' | 'NOT_ASSIGNED' | 'REDEPLOYED' | 'SECONDED' | 'LEAVER' | 'NOT_EMPLOYEE';

export const TRANSFER_SKIPS = [
  'DISPUTED',
  'OBJECTED',
  'NOT_ASSIGNED',
  'REDEPLOYED',
  'SECONDED',
  'LEAVER',
  'NOT_EMPLOYEE',
] as const satisfies readonly TransferSkip[];

/** Why this person does not transfer (null: they do, or already did). Not an employee comes first. */
export function transferSkip(status: TupeStatus, contractType: ContractType): TransferSkip | null {
  if (status === 'TRANSFERRED') return null;
  if (!isCouncilEmployee(contractType)) return 'NOT_EMPLOYEE';
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
