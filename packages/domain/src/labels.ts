/**
 * The words people read for every enumeration of the domain, in one place:
 * the admin's pages, its CSV exports and the API's messages all use these,
 * never a code turned into words by string manipulation ("Hr tupe") or a raw
 * code ("TRUST_CEO", "HR"). Each map is complete by type (Record over the
 * enumeration); labels.test.ts checks that, and that a code shared by two
 * enumerations reads the same in both, so that `labelOf` can look any up.
 */
import type {
  AssignmentDecision,
  ChecklistStatus,
  ContractType,
  OwnerOrg,
  PensionScheme,
  ProgrammeStatus,
  Rag,
  RaidResponse,
  RaidStatus,
  RaidType,
  Role,
  ServiceDisposition,
  ServiceTransferStatus,
  TupeStatus,
  WorkstreamCode,
} from './enums.ts';
import type { GateCriterionStatus, GateOutcome } from './gate.ts';
import type { RiskBand } from './raid.ts';
import type { AppealOutcome, EmploymentEndReason } from './tupe.ts';

export const WORKSTREAM_LABELS: Readonly<Record<WorkstreamCode, string>> = {
  PROGRAMME_GOVERNANCE: 'Programme governance',
  HR_TUPE: 'HR and TUPE',
  PENSIONS: 'Pensions',
  FINANCE: 'Finance',
  LEGAL_GOVERNANCE: 'Legal and governance',
  ICT_DATA: 'ICT and data',
  INFORMATION_GOVERNANCE: 'Information governance',
  OFSTED_REGULATION: 'Ofsted registration',
  PROPERTY_ASSETS: 'Property and assets',
  CONTRACTS_COMMISSIONING: 'Contracts and commissioning',
  SUPPORT_SERVICES_SLA: 'Support services (SLAs)',
  COMMUNICATIONS_ENGAGEMENT: 'Communications and engagement',
  INSURANCE: 'Insurance',
  HEALTH_SAFETY: 'Health and safety',
  STATUTORY_ROLES: 'Statutory roles',
  SAFEGUARDING_PARTNERSHIP: 'Safeguarding partnership',
  PRACTICE_CONTINUITY: 'Practice continuity',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  ADMIN: 'Programme manager',
  EDITOR: 'Workstream lead',
  HR: 'HR',
  VIEWER: 'Board member',
  PARTNER: 'Partner agency',
};

export const TUPE_STATUS_LABELS: Readonly<Record<TupeStatus, string>> = {
  IN_SCOPE_ASSIGNED: 'In scope: assigned',
  IN_SCOPE_DISPUTED: 'In scope: disputed',
  OUT_OF_SCOPE_NOT_ASSIGNED: 'Out of scope: not assigned',
  OBJECTED: 'Objected',
  REDEPLOYED_PRE_TRANSFER: 'Redeployed before transfer',
  SECONDED: 'Seconded',
  LEAVER_BEFORE_TRANSFER: 'Leaver before transfer',
  TRANSFERRED: 'Transferred',
};

export const CONTRACT_TYPE_LABELS: Readonly<Record<ContractType, string>> = {
  PERMANENT: 'Permanent',
  FIXED_TERM: 'Fixed term',
  CASUAL: 'Casual',
  SESSIONAL: 'Sessional',
  APPRENTICE: 'Apprentice',
  AGENCY_WORKER: 'Agency worker',
  SECONDEE_IN: 'Seconded in',
};

export const ASSIGNMENT_DECISION_LABELS: Readonly<Record<AssignmentDecision, string>> = {
  ASSIGNED: 'Assigned',
  NOT_ASSIGNED: 'Not assigned',
  DISPUTED: 'Disputed',
};

export const PENSION_SCHEME_LABELS: Readonly<Record<PensionScheme, string>> = {
  LGPS: 'Local Government Pension Scheme',
  TPS: "Teachers' Pension Scheme",
  NHS_PS: 'NHS Pension Scheme',
  NONE: 'None',
  OPTED_OUT: 'Opted out',
};

export const APPEAL_OUTCOME_LABELS: Readonly<Record<AppealOutcome, string>> = {
  PENDING: 'Pending',
  UPHELD: 'Upheld',
  REJECTED: 'Rejected',
};

export const EMPLOYMENT_END_REASON_LABELS: Readonly<Record<EmploymentEndReason, string>> = {
  OBJECTED_TO_TRANSFER:
    'Objected to the transfer: employment ended at the transfer (TUPE reg 4(7)-(8), not a dismissal)',
};

export const CHECKLIST_STATUS_LABELS: Readonly<Record<ChecklistStatus, string>> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  AT_RISK: 'At risk',
  COMPLETE: 'Complete',
  NOT_APPLICABLE: 'Not applicable',
  DEFERRED_POST_GO_LIVE: 'Deferred until after go-live',
};

export const OWNER_ORG_LABELS: Readonly<Record<OwnerOrg, string>> = {
  COUNCIL: 'Council',
  TRUST: 'Trust',
  JOINT: 'Joint',
  DFE: 'DfE',
  PROVIDER: 'Provider',
};

export const RAG_LABELS: Readonly<Record<Rag, string>> = {
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
  BLUE: 'Blue',
  GREY: 'Grey',
};

export const RAID_TYPE_LABELS: Readonly<Record<RaidType, string>> = {
  RISK: 'Risk',
  ASSUMPTION: 'Assumption',
  ISSUE: 'Issue',
  DEPENDENCY: 'Dependency',
  DECISION: 'Decision',
  ACTION: 'Action',
};

export const RAID_STATUS_LABELS: Readonly<Record<RaidStatus, string>> = {
  OPEN: 'Open',
  MONITORING: 'Monitoring',
  MITIGATED: 'Mitigated',
  CLOSED: 'Closed',
  MATERIALISED: 'Materialised',
};

export const RAID_RESPONSE_LABELS: Readonly<Record<RaidResponse, string>> = {
  AVOID: 'Avoid',
  REDUCE: 'Reduce',
  TRANSFER: 'Transfer',
  ACCEPT: 'Accept',
  SHARE: 'Share',
  EXPLOIT: 'Exploit',
};

export const RISK_BAND_LABELS: Readonly<Record<RiskBand, string>> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const SERVICE_TRANSFER_STATUS_LABELS: Readonly<Record<ServiceTransferStatus, string>> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  READY: 'Ready',
  TRANSFERRED: 'Transferred',
  RETAINED: 'Retained',
};

export const SERVICE_DISPOSITION_LABELS: Readonly<Record<ServiceDisposition, string>> = {
  TRANSFERS: 'Transfers',
  RETAINED_BY_COUNCIL: 'Retained by council',
  VARIES: 'Varies',
  REGIONAL: 'Regional',
};

export const PROGRAMME_STATUS_LABELS: Readonly<Record<ProgrammeStatus, string>> = {
  PLANNING: 'Planning',
  SHADOW: 'Shadow',
  LIVE: 'Live',
  CLOSED: 'Closed',
};

export const GATE_CRITERION_STATUS_LABELS: Readonly<Record<GateCriterionStatus, string>> = {
  PENDING: 'Pending',
  PASS: 'Pass',
  FAIL: 'Fail',
  WAIVED: 'Waived',
};

/** Where a partner agency's API token stands (the API works it out from its dates). */
export const API_TOKEN_STATUSES = ['ACTIVE', 'EXPIRED', 'REVOKED'] as const;
export type ApiTokenStatus = (typeof API_TOKEN_STATUSES)[number];

export const API_TOKEN_STATUS_LABELS: Readonly<Record<ApiTokenStatus, string>> = {
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

/** How the gate's outcome is written on every page; `gateOutcomeHeading` says what OPEN means. */
export const GATE_OUTCOME_LABELS: Readonly<Record<GateOutcome, string>> = {
  GO: 'Go',
  OPEN: 'Open',
  NO_GO: 'No-go',
};

/** The gate's outcome as a heading: an open gate is still to be decided, not a no-go. */
export function gateOutcomeHeading(outcome: GateOutcome): string {
  return outcome === 'OPEN' ? 'Open: still to be decided' : GATE_OUTCOME_LABELS[outcome];
}

/** Every label map, by the enumeration it names (the test walks these). */
export const LABEL_MAPS = {
  workstream: WORKSTREAM_LABELS,
  role: ROLE_LABELS,
  tupeStatus: TUPE_STATUS_LABELS,
  contractType: CONTRACT_TYPE_LABELS,
  assignmentDecision: ASSIGNMENT_DECISION_LABELS,
  pensionScheme: PENSION_SCHEME_LABELS,
  appealOutcome: APPEAL_OUTCOME_LABELS,
  employmentEndReason: EMPLOYMENT_END_REASON_LABELS,
  checklistStatus: CHECKLIST_STATUS_LABELS,
  ownerOrg: OWNER_ORG_LABELS,
  rag: RAG_LABELS,
  raidType: RAID_TYPE_LABELS,
  raidStatus: RAID_STATUS_LABELS,
  raidResponse: RAID_RESPONSE_LABELS,
  riskBand: RISK_BAND_LABELS,
  serviceTransferStatus: SERVICE_TRANSFER_STATUS_LABELS,
  serviceDisposition: SERVICE_DISPOSITION_LABELS,
  programmeStatus: PROGRAMME_STATUS_LABELS,
  gateCriterionStatus: GATE_CRITERION_STATUS_LABELS,
  gateOutcome: GATE_OUTCOME_LABELS,
  apiTokenStatus: API_TOKEN_STATUS_LABELS,
} as const;

/**
 * Every code of every enumeration above and its label. Where two enumerations share a code
 * (IN_PROGRESS, CLOSED, PENDING...), the labels agree: the test checks it.
 */
const ALL_LABELS: ReadonlyMap<string, string> = new Map(
  Object.values(LABEL_MAPS).flatMap((map) => Object.entries(map)),
);

/** The label of any enumeration's code above; null for a code none of them has. */
export const labelOf = (code: string): string | null => ALL_LABELS.get(code) ?? null;

export const workstreamLabel = (code: string): string =>
  (WORKSTREAM_LABELS as Readonly<Record<string, string>>)[code] ?? code;

export const roleLabel = (role: string): string =>
  (ROLE_LABELS as Readonly<Record<string, string>>)[role] ?? role;
