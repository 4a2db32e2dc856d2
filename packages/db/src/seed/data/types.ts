/**
 * Shapes of the hand-written demo content. The seed turns these into rows:
 * dates are given as offsets in days from the transfer date (1 April 2023),
 * so that moving the transfer date moves the whole plan with it.
 */
import type {
  ChecklistStatus,
  ContactAudience,
  ContactChannel,
  LawfulBasis,
  SpecialCategoryCondition,
  OrganisationType,
  OwnerOrg,
  Rag,
  RaidResponse,
  RaidStatus,
  RaidType,
  ServiceDisposition,
  ServiceTransferStatus,
  WorkstreamCode,
} from '@handover/domain';

export interface SeedOrganisation {
  key: string;
  name: string;
  type: OrganisationType;
  /** e.g. DfE LA code, ONS code, Companies House number, where public. */
  laCode?: string;
  onsCode?: string;
}

export interface SeedTeam {
  name: string;
  /** Relative size: the seed shares about 1,700 posts among teams by weight. */
  weight: number;
  /** True for teams whose posts are mostly social-work-registered. */
  socialWork: boolean;
}

export interface SeedService {
  /** Stable key, referenced by checklist items and milestones. */
  key: string;
  name: string;
  description: string;
  disposition: ServiceDisposition;
  transferStatus: ServiceTransferStatus;
  /** Days from the transfer date; null where the service does not move. */
  shadowOffsetDays: number | null;
  goLiveOffsetDays: number | null;
  teams: SeedTeam[];
}

export interface SeedWorkstream {
  code: WorkstreamCode;
  name: string;
  description: string;
  /** Organisation key of the lead organisation. */
  leadOrganisationKey: string;
}

export interface SeedChecklistItem {
  /** Stable key, unique across all items, referenced by dependsOn. */
  key: string;
  workstream: WorkstreamCode;
  serviceKey?: string;
  title: string;
  description: string;
  ownerOrg: OwnerOrg;
  /** Days from the transfer date: negative before go-live. */
  dueOffsetDays: number;
  dayOneCritical: boolean;
  /** Status as the programme stood on the demo's snapshot date (15 February 2023). */
  status: ChecklistStatus;
  dependsOn: string[];
  evidence?: string[];
}

export interface SeedMilestone {
  key: string;
  name: string;
  description: string;
  workstream?: WorkstreamCode;
  serviceKey?: string;
  /** ISO dates (YYYY-MM-DD); actual only when it happened by the snapshot date. */
  baselineDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  rag: Rag;
  critical: boolean;
}

export interface SeedScore {
  likelihood: number;
  impact: number;
}

export interface SeedRaidItem {
  key: string;
  type: RaidType;
  title: string;
  statement: string;
  workstream?: WorkstreamCode;
  /** Organisation key of the owner. */
  ownerOrganisationKey: string;
  status: RaidStatus;
  response: RaidResponse | null;
  /** Next action / response plan. */
  responsePlan: string;
  /** Days from the transfer date. */
  dueOffsetDays: number | null;
  /** Scores for risks (and issues where they are scored); null otherwise. */
  inherent: SeedScore | null;
  residual: SeedScore | null;
  target: SeedScore | null;
}

export interface SeedAgreement {
  /** Unique in the programme, e.g. DSA-001. */
  ref: string;
  title: string;
  purpose: string;
  lawfulBasis: LawfulBasis;
  specialCategoryCondition: SpecialCategoryCondition | null;
  legalGateway: string;
  datasets: string[];
  /** ISO dates (YYYY-MM-DD). */
  startDate: string;
  reviewDate: string;
  endDate: string | null;
  /** Organisation keys of the parties. */
  partyKeys: string[];
}

export interface SeedContactRoute {
  serviceKey: string | null;
  /** Organisation key of who answers. */
  organisationKey: string;
  audience: ContactAudience;
  channel: ContactChannel;
  label: string;
  value: string;
  hours: string;
  /** ISO dates, inclusive; null is open-ended. */
  fromDate: string | null;
  toDate: string | null;
}
