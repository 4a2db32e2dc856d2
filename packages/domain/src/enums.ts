/**
 * The enumerations of the domain, as `as const` tuples so that the same list
 * gives a TypeScript union, a GraphQL enum and a database check constraint.
 * Sources: DOMAIN.md sections 2.8, 3, 4.1, 6.3, 6.5 and 7.
 */

export const PROGRAMME_STATUSES = ['PLANNING', 'SHADOW', 'LIVE', 'CLOSED'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const ORGANISATION_TYPES = [
  'COUNCIL',
  'TRUST',
  'DFE',
  'OFSTED',
  'COMMISSIONER_OFFICE',
  'POLICE',
  'ICB',
  'NHS_TRUST',
  'SCHOOL',
  'ACADEMY_TRUST',
  'PENSION_FUND',
  'RAA',
  'PROVIDER',
  'UNION',
  'COURT',
  'CAFCASS',
  'VCS',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const SERVICE_DISPOSITIONS = ['TRANSFERS', 'RETAINED_BY_COUNCIL', 'VARIES', 'REGIONAL'] as const;
export type ServiceDisposition = (typeof SERVICE_DISPOSITIONS)[number];

export const SERVICE_TRANSFER_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'READY',
  'TRANSFERRED',
  'RETAINED',
] as const;
export type ServiceTransferStatus = (typeof SERVICE_TRANSFER_STATUSES)[number];

export const WORKSTREAM_CODES = [
  'PROGRAMME_GOVERNANCE',
  'HR_TUPE',
  'PENSIONS',
  'FINANCE',
  'LEGAL_GOVERNANCE',
  'ICT_DATA',
  'INFORMATION_GOVERNANCE',
  'OFSTED_REGULATION',
  'PROPERTY_ASSETS',
  'CONTRACTS_COMMISSIONING',
  'SUPPORT_SERVICES_SLA',
  'COMMUNICATIONS_ENGAGEMENT',
  'INSURANCE',
  'HEALTH_SAFETY',
  'STATUTORY_ROLES',
  'SAFEGUARDING_PARTNERSHIP',
  'PRACTICE_CONTINUITY',
] as const;
export type WorkstreamCode = (typeof WORKSTREAM_CODES)[number];

export const CHECKLIST_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'BLOCKED',
  'AT_RISK',
  'COMPLETE',
  'NOT_APPLICABLE',
  'DEFERRED_POST_GO_LIVE',
] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** Who owns an item on the ground (DOMAIN.md section 3). */
export const OWNER_ORGS = ['COUNCIL', 'TRUST', 'JOINT', 'DFE', 'PROVIDER'] as const;
export type OwnerOrg = (typeof OWNER_ORGS)[number];

export const RAGS = ['RED', 'AMBER', 'GREEN', 'BLUE', 'GREY'] as const;
export type Rag = (typeof RAGS)[number];

export const RAID_TYPES = ['RISK', 'ASSUMPTION', 'ISSUE', 'DEPENDENCY', 'DECISION', 'ACTION'] as const;
export type RaidType = (typeof RAID_TYPES)[number];

export const RAID_STATUSES = ['OPEN', 'MONITORING', 'MITIGATED', 'CLOSED', 'MATERIALISED'] as const;
export type RaidStatus = (typeof RAID_STATUSES)[number];

export const RAID_RESPONSES = ['AVOID', 'REDUCE', 'TRANSFER', 'ACCEPT', 'SHARE', 'EXPLOIT'] as const;
export type RaidResponse = (typeof RAID_RESPONSES)[number];

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

export const PENSION_SCHEMES = ['LGPS', 'TPS', 'NHS_PS', 'NONE', 'OPTED_OUT'] as const;
export type PensionScheme = (typeof PENSION_SCHEMES)[number];

export const ASSIGNMENT_DECISIONS = ['ASSIGNED', 'NOT_ASSIGNED', 'DISPUTED'] as const;
export type AssignmentDecision = (typeof ASSIGNMENT_DECISIONS)[number];

/** Roles of people who sign in (app_user rows). */
export const USER_ROLES = ['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Every role a caller can have: a user's, or PARTNER for a partner agency's API token (not a user row). */
export const ROLES = [...USER_ROLES, 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

/** UK GDPR Article 6(1) lawful bases for processing. */
export const LAWFUL_BASES = [
  'CONSENT',
  'CONTRACT',
  'LEGAL_OBLIGATION',
  'VITAL_INTERESTS',
  'PUBLIC_TASK',
  'LEGITIMATE_INTERESTS',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** UK GDPR Article 9(2) conditions for special category data, (a) to (j). */
export const SPECIAL_CATEGORY_CONDITIONS = [
  'EXPLICIT_CONSENT',
  'EMPLOYMENT_SOCIAL_SECURITY',
  'VITAL_INTERESTS',
  'NOT_FOR_PROFIT_BODY',
  'MADE_PUBLIC',
  'LEGAL_CLAIMS',
  'SUBSTANTIAL_PUBLIC_INTEREST',
  'HEALTH_SOCIAL_CARE',
  'PUBLIC_HEALTH',
  'ARCHIVING_RESEARCH',
] as const;
export type SpecialCategoryCondition = (typeof SPECIAL_CATEGORY_CONDITIONS)[number];

/** Where a data sharing agreement stands on a given day (derived from its dates). */
export const AGREEMENT_STATUSES = ['NOT_YET_IN_FORCE', 'IN_FORCE', 'REVIEW_DUE', 'ENDED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** How a front-door contact route is reached. */
export const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'PORTAL'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Who a contact route is for. */
export const CONTACT_AUDIENCES = ['PUBLIC', 'PROFESSIONALS', 'OUT_OF_HOURS'] as const;
export type ContactAudience = (typeof CONTACT_AUDIENCES)[number];
