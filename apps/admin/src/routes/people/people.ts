/** Labels and formats shared by the People pages (safe for the browser: no personal data here). */

import {
  APPEAL_OUTCOME_LABELS,
  ASSIGNMENT_DECISION_LABELS,
  CONTRACT_TYPE_LABELS,
  EMPLOYMENT_END_REASON_LABELS,
  PENSION_SCHEME_LABELS,
  TUPE_STATUS_LABELS,
  notEmployeeReason,
  type ContractType as DomainContractType,
} from '@handover/domain';
import { formatNumber } from '$lib/format';

export { ASSIGNMENT_DECISIONS, CONTRACT_TYPES, TUPE_STATUSES } from '@handover/domain';
export type { AssignmentDecision, ContractType, TupeStatus } from '@handover/domain';

/** A label from one of the domain's maps, or the code itself for one it does not know. */
const from = (map: Readonly<Record<string, string>>, code: string): string => map[code] ?? code;

const TUPE_COLOURS: Record<string, string> = {
  IN_SCOPE_ASSIGNED: 'green',
  IN_SCOPE_DISPUTED: 'orange',
  OUT_OF_SCOPE_NOT_ASSIGNED: 'grey',
  OBJECTED: 'red',
  REDEPLOYED_PRE_TRANSFER: 'purple',
  SECONDED: 'turquoise',
  LEAVER_BEFORE_TRANSFER: 'grey',
  TRANSFERRED: 'blue',
};

export const tupeLabel = (status: string): string => from(TUPE_STATUS_LABELS, status);
export const tupeTagClass = (status: string): string =>
  TUPE_COLOURS[status] ? `govuk-tag govuk-tag--${TUPE_COLOURS[status]}` : 'govuk-tag';
export const contractLabel = (type: string): string => from(CONTRACT_TYPE_LABELS, type);
export const decisionLabel = (decision: string | null): string =>
  decision && decision !== 'NONE' ? from(ASSIGNMENT_DECISION_LABELS, decision) : 'Not decided';
export const pensionLabel = (scheme: string): string => from(PENSION_SCHEME_LABELS, scheme);
export const employmentEndLabel = (reason: string): string => from(EMPLOYMENT_END_REASON_LABELS, reason);

/** Full-time equivalent as read on screen: up to two decimals, thousands separated. */
export const formatFte = (fte: number): string => formatNumber(fte, 2);

/** Annual salary in pounds and pence. */
export const formatSalary = (salary: number): string =>
  salary.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });

/** "Kirsty Sandhu"; "Name not recorded" when neither part is. */
export const fullName = (p: { firstName: string | null; lastName: string | null }): string =>
  [p.firstName, p.lastName].filter(Boolean).join(' ') || 'Name not recorded';

/** Sums FTE without floating-point noise (0.1 + 0.2). */
export const sumFte = (values: number[]): number =>
  Math.round(values.reduce((total, v) => total + v * 100, 0)) / 100;

// ---- The TUPE workflow: which forms the employee page offers (the API decides; this only hides what it would refuse) ----

const FINAL_STATUSES = ['TRANSFERRED', 'LEAVER_BEFORE_TRANSFER'];

/**
 * Why this person cannot be assigned: an agency worker or a secondee in is not the council's employee
 * (the domain's rule, which the API applies); null for the council's employees.
 */
export const notEmployee = (contractType: string): string | null =>
  notEmployeeReason(contractType as DomainContractType);

/** The decisions the form offers: only "not assigned" for someone who is not the council's employee. */
export const decisionsOffered = (contractType: string): readonly string[] =>
  notEmployee(contractType) ? ['NOT_ASSIGNED'] : ['ASSIGNED', 'NOT_ASSIGNED', 'DISPUTED'];

export interface DecisionDetails {
  timeOnServicePercent: number | null;
  roleNote: string;
  /** Where the post is charged: as the current decision recorded it, else the post's cost centre. */
  chargedTo: string;
  /** Where `chargedTo` comes from: the current decision, the post (not recorded on a decision), or neither. */
  chargedToFrom: 'DECISION' | 'POST' | null;
}

/**
 * The details of the current decision (the newest in the history), as the TUPE summary shows them and
 * the decision form starts from: one source for both, so that they never disagree.
 */
export function decisionDetails(
  history: readonly { timeOnServicePercent: number | null; roleNote: string; chargedTo: string }[],
  post: { costCentre: string } | null,
): DecisionDetails {
  const current = history[0] ?? null;
  const recorded = current?.chargedTo.trim() ?? '';
  const costCentre = post?.costCentre.trim() ?? '';
  return {
    timeOnServicePercent: current?.timeOnServicePercent ?? null,
    roleNote: current?.roleNote ?? '',
    chargedTo: recorded || costCentre,
    chargedToFrom: recorded ? 'DECISION' : costCentre ? 'POST' : null,
  };
}

/** A new decision: not after an objection (withdraw it first), a redeployment, leaving or the transfer. */
export const mayDecide = (status: string): boolean =>
  !FINAL_STATUSES.includes(status) && status !== 'OBJECTED' && status !== 'REDEPLOYED_PRE_TRANSFER';
export const mayAppeal = (status: string, decision: string | null): boolean =>
  status === 'IN_SCOPE_DISPUTED' && decision === 'DISPUTED';
export const mayObject = (status: string): boolean =>
  status === 'IN_SCOPE_ASSIGNED' || status === 'IN_SCOPE_DISPUTED';
export const mayWithdraw = (status: string): boolean => status === 'OBJECTED';
export const mayRedeploy = (status: string): boolean =>
  !FINAL_STATUSES.includes(status) && status !== 'REDEPLOYED_PRE_TRANSFER';
export const mayLeave = (status: string): boolean => !FINAL_STATUSES.includes(status);

export const appealOutcomeLabel = (outcome: string): string => from(APPEAL_OUTCOME_LABELS, outcome);

const SOURCE_LABELS: Record<string, string> = {
  DECISION: 'For this employee',
  TEAM: 'For the whole team',
  APPEAL: 'Appeal outcome',
  RECORD: 'On the record before',
};
export const decisionSourceLabel = (source: string): string => SOURCE_LABELS[source] ?? source;

const OPERATION_LABELS: Record<string, string> = {
  decideAssignment: 'Assignment decided',
  decideAssignmentForTeam: 'Assignment decided for the team',
  recordAssignmentAppeal: 'Appeal recorded',
  recordObjection: 'Objection recorded',
  withdrawObjection: 'Objection withdrawn',
  recordRedeployment: 'Redeployment recorded',
  recordLeaver: 'Leaver recorded',
  runTransfer: 'Transferred',
};
/** An audit event as HR reads it on the employee's history. */
export const historyLabel = (kind: string, operation: string | null): string => {
  if (kind === 'PERSONAL_READ') return 'Record read';
  if (kind === 'REFUSED') return `Refused: ${operation ?? 'a request'}`;
  return (operation && OPERATION_LABELS[operation]) ?? operation ?? kind;
};
