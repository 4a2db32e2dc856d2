/** Labels and formats shared by the People pages (safe for the browser: no personal data here). */

export const TUPE_STATUSES = [
  'IN_SCOPE_ASSIGNED',
  'IN_SCOPE_DISPUTED',
  'OUT_OF_SCOPE_NOT_ASSIGNED',
  'OBJECTED',
  'REDEPLOYED_PRE_TRANSFER',
  'SECONDED',
  'LEAVER_BEFORE_TRANSFER',
  'TRANSFERRED',
] as const;
export type TupeStatus = (typeof TUPE_STATUSES)[number];

export const CONTRACT_TYPES = [
  'PERMANENT',
  'FIXED_TERM',
  'CASUAL',
  'SESSIONAL',
  'APPRENTICE',
  'AGENCY_WORKER',
  'SECONDEE_IN',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const ASSIGNMENT_DECISIONS = ['ASSIGNED', 'NOT_ASSIGNED', 'DISPUTED'] as const;
export type AssignmentDecision = (typeof ASSIGNMENT_DECISIONS)[number];

const TUPE_LABELS: Record<string, string> = {
  IN_SCOPE_ASSIGNED: 'In scope: assigned',
  IN_SCOPE_DISPUTED: 'In scope: disputed',
  OUT_OF_SCOPE_NOT_ASSIGNED: 'Out of scope: not assigned',
  OBJECTED: 'Objected',
  REDEPLOYED_PRE_TRANSFER: 'Redeployed before transfer',
  SECONDED: 'Seconded',
  LEAVER_BEFORE_TRANSFER: 'Leaver before transfer',
  TRANSFERRED: 'Transferred',
};

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

const CONTRACT_LABELS: Record<string, string> = {
  PERMANENT: 'Permanent',
  FIXED_TERM: 'Fixed term',
  CASUAL: 'Casual',
  SESSIONAL: 'Sessional',
  APPRENTICE: 'Apprentice',
  AGENCY_WORKER: 'Agency worker',
  SECONDEE_IN: 'Seconded in',
};

const DECISION_LABELS: Record<string, string> = {
  ASSIGNED: 'Assigned',
  NOT_ASSIGNED: 'Not assigned',
  DISPUTED: 'Disputed',
};

const PENSION_LABELS: Record<string, string> = {
  LGPS: 'Local Government Pension Scheme',
  TPS: "Teachers' Pension Scheme",
  NHS_PS: 'NHS Pension Scheme',
  NONE: 'None',
  OPTED_OUT: 'Opted out',
};

export const tupeLabel = (status: string): string => TUPE_LABELS[status] ?? status;
export const tupeTagClass = (status: string): string =>
  TUPE_COLOURS[status] ? `govuk-tag govuk-tag--${TUPE_COLOURS[status]}` : 'govuk-tag';
export const contractLabel = (type: string): string => CONTRACT_LABELS[type] ?? type;
export const decisionLabel = (decision: string | null): string =>
  decision && decision !== 'NONE' ? (DECISION_LABELS[decision] ?? decision) : 'Not decided';
export const pensionLabel = (scheme: string): string => PENSION_LABELS[scheme] ?? scheme;

/** Full-time equivalent as read on screen: up to two decimals, thousands separated. */
export const formatFte = (fte: number): string => fte.toLocaleString('en-GB', { maximumFractionDigits: 2 });

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

const APPEAL_OUTCOME_LABELS: Record<string, string> = {
  PENDING: 'Pending',
  UPHELD: 'Upheld',
  REJECTED: 'Rejected',
};
export const appealOutcomeLabel = (outcome: string): string => APPEAL_OUTCOME_LABELS[outcome] ?? outcome;

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
