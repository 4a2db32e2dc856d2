/**
 * The database as Kysely sees it: one interface per table, singular
 * snake_case names. Columns the database fills in are `Generated`.
 * Types are aligned across `pg` and PGlite by `types.ts`: int8 and numeric
 * arrive as numbers, dates as `YYYY-MM-DD` strings, timestamptz as Date.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AppealOutcome,
  EmploymentEndReason,
  AssignmentDecision,
  ContactAudience,
  ContactChannel,
  LawfulBasis,
  SpecialCategoryCondition,
  ChecklistStatus,
  ContractType,
  OrganisationType,
  OwnerOrg,
  PensionScheme,
  ProgrammeStatus,
  Rag,
  RaidResponse,
  RaidStatus,
  RaidType,
  RiskBandRange,
  ServiceDisposition,
  ServiceTransferStatus,
  TupeStatus,
  UserRole,
  WorkstreamCode,
  AdmissionType,
  EliInclusionReason,
  EliPackageKind,
  EliPackageStatus,
  MeasureParty,
  RecordedTupeStep,
  GateCriterionStatus,
} from '@handover/domain';

/** `YYYY-MM-DD`. */
export type DateColumn = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A column the database fills with its default when an insert leaves it out. */
type WithDefault<T> = ColumnType<T, T | undefined, T>;

/** version, created_at, updated_at: every mutable row carries them. */
interface Versioned {
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganisationTable extends Versioned {
  id: Generated<string>;
  key: string;
  name: string;
  type: OrganisationType;
  la_code: string | null;
  ons_code: string | null;
}

export interface ProgrammeTable extends Versioned {
  id: Generated<string>;
  name: string;
  description: WithDefault<string>;
  transferor_id: string;
  transferee_id: string;
  transfer_at: ColumnType<Date, Date | string, Date | string>;
  status: ProgrammeStatus;
  risk_bands: ColumnType<RiskBandRange[], string, string>;
}

export interface ProgrammeOrganisationTable {
  programme_id: string;
  organisation_id: string;
}

export interface ServiceTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  key: string;
  name: string;
  description: WithDefault<string>;
  disposition: ServiceDisposition;
  transfer_status: ServiceTransferStatus;
  shadow_date: DateColumn | null;
  go_live_date: DateColumn | null;
}

export interface TeamTable extends Versioned {
  id: Generated<string>;
  service_id: string;
  name: string;
}

export interface WorkstreamTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  code: WorkstreamCode;
  name: string;
  description: WithDefault<string>;
  lead_organisation_id: string | null;
  lead_user_id: string | null;
}

export interface ChecklistItemTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  workstream_id: string;
  service_id: string | null;
  ref: string;
  title: string;
  description: WithDefault<string>;
  owner_org: OwnerOrg;
  owner_user_id: string | null;
  due_date: DateColumn | null;
  day_one_critical: WithDefault<boolean>;
  status: ChecklistStatus;
  evidence: ColumnType<string[], string[] | undefined, string[]>;
  /** Working days of effort, for the critical path. */
  duration_days: WithDefault<number>;
  /** When it is now expected to finish, if that differs from the due date. */
  forecast_date: DateColumn | null;
  /** The accountable role that signs it off ("DCS", "s151 officer"): a title, not a sign-in role. */
  sign_off_role: string | null;
  /** The template it was made from (key, version, item key), or null for an item made by hand. */
  template_key: WithDefault<string | null>;
  template_version: WithDefault<number | null>;
  template_item_key: WithDefault<string | null>;
  /**
   * Calendar days from the transfer day that dated it (-90 is T-90), for an item made from a
   * template or by the demo seed; null for one dated by hand. A what-if re-dates by it.
   */
  due_offset_days: WithDefault<number | null>;
}

/** A version of a checklist template; never changed once stored (a new version is a new row). */
export interface ChecklistTemplateTable {
  id: Generated<string>;
  key: string;
  template_version: number;
  name: string;
  description: WithDefault<string>;
  kind: 'WORKSTREAM' | 'SERVICE';
  workstream_code: WorkstreamCode;
  service_kind: string | null;
  built_in: WithDefault<boolean>;
  item_count: number;
  /** The validated template (ChecklistTemplateDefinition of @handover/domain). */
  definition: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ChecklistDependencyTable {
  item_id: string;
  depends_on_id: string;
}

export interface MilestoneTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  workstream_id: string | null;
  service_id: string | null;
  name: string;
  description: WithDefault<string>;
  baseline_date: DateColumn;
  forecast_date: DateColumn | null;
  actual_date: DateColumn | null;
  rag: Rag;
  critical: WithDefault<boolean>;
  /** Its named owner (migration 20261207T0100). */
  owner_user_id: WithDefault<string | null>;
}

export interface RaidItemTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  ref: string;
  type: RaidType;
  title: string;
  statement: string;
  workstream_id: string | null;
  owner_organisation_id: string | null;
  owner_user_id: string | null;
  status: RaidStatus;
  response: RaidResponse | null;
  response_plan: WithDefault<string>;
  due_date: DateColumn | null;
  inherent_likelihood: number | null;
  inherent_impact: number | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
  target_likelihood: number | null;
  target_impact: number | null;
  closed_at: Date | null;
}

export interface PostTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  team_id: string;
  post_number: string;
  title: string;
  grade: string;
  fte: number;
  cost_centre: string;
  vacant: WithDefault<boolean>;
}

export interface EmployeeTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  post_id: string | null;
  payroll_number: string;
  first_name: string;
  last_name: string;
  date_of_birth: DateColumn;
  ni_number: string;
  contract_type: ContractType;
  start_date: DateColumn;
  continuous_service_date: DateColumn;
  fte: number;
  salary: number;
  pension_scheme: PensionScheme;
  pension_number: string | null;
  tupe_status: TupeStatus;
  assignment_decision: AssignmentDecision | null;
  assignment_rationale: string | null;
  objection_received_on: WithDefault<DateColumn | null>;
  objection_withdrawn_on: WithDefault<DateColumn | null>;
  objection_note: WithDefault<string | null>;
  redeployed_on: WithDefault<DateColumn | null>;
  redeployment_note: WithDefault<string | null>;
  left_on: WithDefault<DateColumn | null>;
  leaving_note: WithDefault<string | null>;
  transferred_at: WithDefault<Date | null>;
  transfer_run_id: WithDefault<string | null>;
  /** When the transfer ended an objector's employment (reg 4(7)-(8)): the transfer instant. */
  employment_ended_at: WithDefault<Date | null>;
  employment_end_reason: WithDefault<EmploymentEndReason | null>;
}

/** Where an assignment decision came from: one employee, a team at once, an appeal's outcome, or the record as first loaded. */
export type AssignmentDecisionSource = 'DECISION' | 'TEAM' | 'APPEAL' | 'RECORD';

/** Every assignment decision made for an employee, append-only; the employee row keeps the current one. */
export interface AssignmentDecisionRecordTable {
  id: Generated<string>;
  employee_id: string;
  decision: AssignmentDecision;
  time_on_service_percent: number | null;
  role_note: WithDefault<string>;
  charged_to: WithDefault<string>;
  rationale: WithDefault<string>;
  source: AssignmentDecisionSource;
  appeal_id: WithDefault<string | null>;
  decided_by: string | null;
  decided_at: WithDefault<Date>;
}

/** An appeal against a disputed decision: the decision it seeks, and its outcome. */
export interface AssignmentAppealTable extends Versioned {
  id: Generated<string>;
  employee_id: string;
  lodged_on: DateColumn;
  sought_decision: 'ASSIGNED' | 'NOT_ASSIGNED';
  outcome: AppealOutcome;
  outcome_on: DateColumn | null;
  note: WithDefault<string>;
  recorded_by: string | null;
}

/** One run of the transfer at the instant, with what it did. */
export interface TransferRunTable {
  id: Generated<string>;
  programme_id: string;
  run_by: string | null;
  run_at: Date;
  transfer_at: Date;
  transferred: number;
  skipped_disputed: WithDefault<number>;
  skipped_objected: WithDefault<number>;
  skipped_not_assigned: WithDefault<number>;
  skipped_redeployed: WithDefault<number>;
  skipped_seconded: WithDefault<number>;
  skipped_leaver: WithDefault<number>;
  /** Agency workers and secondees in: not the council's employees, never transferred. */
  skipped_not_employee: WithDefault<number>;
  /** Objectors whose employment the transfer ended (reg 4(7)-(8)). */
  employment_ended: WithDefault<number>;
}

export interface AppUserTable extends Versioned {
  id: Generated<string>;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  active: Generated<boolean>;
}

/** The workstreams a user leads (an EDITOR changes only their items). */
export interface UserWorkstreamTable {
  user_id: string;
  workstream_id: string;
}

export interface SessionTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

/** The kinds of audit event (the table's check constraint lists the same). */
export type AuditKind =
  'WRITE' | 'PERSONAL_READ' | 'REFUSED' | 'SIGN_IN' | 'SIGN_IN_FAILED' | 'SIGN_OUT' | 'PARTNER_QUERY';

/** Append-only: inserted and read, never updated or deleted (a trigger refuses). Names, never values. */
export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: Generated<Date>;
  kind: AuditKind;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  api_token_id: string | null;
  operation: string | null;
  document_id: string | null;
  entity_type: string | null;
  entity_id: string | null;
  fields: ColumnType<string[], string[] | undefined, never>;
  version_before: number | null;
  version_after: number | null;
  reason: string | null;
  request_id: string | null;
}

/** A partner agency's API token: only its SHA-256 is kept, with a short prefix to recognise it by. */
export interface ApiTokenTable {
  id: Generated<string>;
  name: string;
  organisation_id: string;
  token_hash: string;
  token_prefix: string;
  /** Null when made from the command line. */
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

export interface DataSharingAgreementTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  ref: string;
  title: string;
  purpose: string;
  lawful_basis: LawfulBasis;
  special_category_condition: SpecialCategoryCondition | null;
  legal_gateway: WithDefault<string>;
  datasets: ColumnType<string[], string[] | undefined, string[]>;
  start_date: DateColumn;
  review_date: DateColumn;
  end_date: DateColumn | null;
}

export interface DataSharingAgreementPartyTable {
  agreement_id: string;
  organisation_id: string;
}

/** A front-door contact route, in force from `from_date` to `to_date` (inclusive; null is open-ended). */
export interface ContactRouteTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  service_id: string | null;
  organisation_id: string;
  audience: ContactAudience;
  channel: ContactChannel;
  label: string;
  value: string;
  hours: WithDefault<string>;
  from_date: DateColumn | null;
  to_date: DateColumn | null;
}

/** One failed sign-in, for throttling; `key_hash` is a SHA-256 of "email:..." or "client:...". */
export interface SigninFailureTable {
  id: Generated<number>;
  key_hash: string;
  failed_at: Date;
}

/** Where an HR import job stands. */
export type HrImportStatus = 'QUEUED' | 'CHECKING' | 'APPLYING' | 'SUCCEEDED' | 'REFUSED' | 'FAILED';

/** One upload of the council's HR export: a job with its progress, counts, changes and error report (HR only). */
export interface HrImportTable {
  id: Generated<string>;
  programme_id: string;
  file_name: string;
  file_size: number;
  sha256: string;
  /** Null when run from the command line. */
  uploaded_by: string | null;
  dry_run: boolean;
  status: WithDefault<HrImportStatus>;
  rows_total: number | null;
  rows_done: WithDefault<number>;
  counts: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  changes: ColumnType<unknown[], string | undefined, string>;
  change_count: WithDefault<number>;
  errors: ColumnType<unknown[], string | undefined, string>;
  error_count: WithDefault<number>;
  message: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
  /** Stamped every few seconds by the process running the job (null before it starts). */
  heartbeat_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An ELI package (reg 11): once SENT it is never changed again, only followed by an UPDATE package. */
export interface EliPackageTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  number: number;
  kind: EliPackageKind;
  status: WithDefault<EliPackageStatus>;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  notes: WithDefault<string>;
  sent_on: DateColumn | null;
  sent_at: Date | null;
  sent_by: string | null;
}

export interface EliPackageEmployeeTable {
  package_id: string;
  employee_id: string;
  reason: EliInclusionReason;
  /** The employee row's version when the package listed them: a later version is a change since. */
  employee_version: number;
}

export interface TupeMeasureTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  description: string;
  envisaged_by: MeasureParty;
  groups_affected: ColumnType<string[], string[] | undefined, string[]>;
  consultation_required: boolean;
  notified_on: DateColumn | null;
}

/** A meeting with the recognised unions; attendees are representatives by role, never staff records. */
export interface ConsultationMeetingTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  held_on: DateColumn;
  unions: ColumnType<string[], string[], string[]>;
  other_union: string | null;
  attendees: ColumnType<string[], string[] | undefined, string[]>;
  issues_raised: ColumnType<string[], string[] | undefined, string[]>;
  minutes_url: string | null;
}

/** The measures letter sent to one employee (HR only). */
export interface MeasuresLetterTable {
  employee_id: string;
  programme_id: string;
  sent_on: DateColumn;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface PensionAdmissionAgreementTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  fund_name: string;
  admission: AdmissionType;
  guarantor: WithDefault<string>;
  employer_rate: number | null;
  pass_through: WithDefault<boolean>;
  bond_note: WithDefault<string>;
  signed_on: DateColumn | null;
}

/** A timeline step HR records as done (the steps no other data shows). */
export interface TupeStepRecordTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  step: RecordedTupeStep;
  done_on: DateColumn;
  recorded_by: string | null;
}

export interface GateTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  name: string;
  decision_due: DateColumn;
}

export interface GateCriterionTable extends Versioned {
  id: Generated<string>;
  gate_id: string;
  position: number;
  title: string;
  owner: WithDefault<string>;
  /** The user who owns it, or the workstream whose leads do (migration 20261207T0100); neither: ADMIN's. */
  owner_user_id: WithDefault<string | null>;
  owner_workstream_id: WithDefault<string | null>;
  status: ColumnType<GateCriterionStatus, GateCriterionStatus | undefined, GateCriterionStatus>;
  /** Why it is waived (required for WAIVED), or a note. */
  rationale: string | null;
}

export interface GateSignatoryTable extends Versioned {
  id: Generated<string>;
  gate_id: string;
  position: number;
  /** The accountable role title ("DCS", "s151 officer"), not a sign-in role. */
  role_title: string;
  user_id: string;
  /** Set when removed from the gate after signing and withdrawing: kept for its sign-offs' history. */
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Never updated or deleted (a trigger refuses it). */
export interface GateSignOffTable {
  id: Generated<string>;
  gate_id: string;
  signatory_id: string;
  user_id: string;
  role_title: string;
  signed_at: Timestamp;
  /** Exactly what the signatory saw: canonical JSON. */
  snapshot: string;
  snapshot_sha256: string;
}

/** Never updated or deleted (a trigger refuses it). */
export interface GateSignOffWithdrawalTable {
  id: Generated<string>;
  sign_off_id: string;
  user_id: string;
  withdrawn_at: Timestamp;
  reason: string;
}

export interface EvidenceTable {
  id: Generated<string>;
  programme_id: string;
  checklist_item_id: string | null;
  gate_criterion_id: string | null;
  kind: 'LINK' | 'FILE';
  label: string;
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  content: Uint8Array | null;
  added_by: string | null;
  added_at: Timestamp;
  removed_by: string | null;
  removed_at: Timestamp | null;
}

/** A named snapshot of the plan's dates (migration 20261201T1000). */
export interface PlanBaselineTable extends Versioned {
  id: Generated<string>;
  programme_id: string;
  name: string;
  created_by: string | null;
}

export interface PlanBaselineItemTable {
  baseline_id: string;
  checklist_item_id: string;
  due_date: DateColumn | null;
  forecast_date: DateColumn | null;
}

export interface PlanBaselineMilestoneTable {
  baseline_id: string;
  milestone_id: string;
  baseline_date: DateColumn;
  forecast_date: DateColumn | null;
  actual_date: DateColumn | null;
}

/** A create's idempotency key: the same key from the same user for the same mutation answers this row. */
export interface IdempotencyKeyTable {
  key: string;
  user_id: string;
  mutation: string;
  result_id: string;
  created_at: Generated<Date>;
}

export interface Database {
  organisation: OrganisationTable;
  programme: ProgrammeTable;
  programme_organisation: ProgrammeOrganisationTable;
  service: ServiceTable;
  team: TeamTable;
  workstream: WorkstreamTable;
  checklist_item: ChecklistItemTable;
  checklist_dependency: ChecklistDependencyTable;
  milestone: MilestoneTable;
  raid_item: RaidItemTable;
  post: PostTable;
  employee: EmployeeTable;
  app_user: AppUserTable;
  user_workstream: UserWorkstreamTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  api_token: ApiTokenTable;
  data_sharing_agreement: DataSharingAgreementTable;
  data_sharing_agreement_party: DataSharingAgreementPartyTable;
  contact_route: ContactRouteTable;
  signin_failure: SigninFailureTable;
  assignment_decision_record: AssignmentDecisionRecordTable;
  assignment_appeal: AssignmentAppealTable;
  transfer_run: TransferRunTable;
  hr_import: HrImportTable;
  eli_package: EliPackageTable;
  eli_package_employee: EliPackageEmployeeTable;
  tupe_measure: TupeMeasureTable;
  consultation_meeting: ConsultationMeetingTable;
  measures_letter: MeasuresLetterTable;
  pension_admission_agreement: PensionAdmissionAgreementTable;
  tupe_step_record: TupeStepRecordTable;
  gate: GateTable;
  gate_criterion: GateCriterionTable;
  gate_signatory: GateSignatoryTable;
  gate_sign_off: GateSignOffTable;
  gate_sign_off_withdrawal: GateSignOffWithdrawalTable;
  evidence: EvidenceTable;
  checklist_template: ChecklistTemplateTable;
  plan_baseline: PlanBaselineTable;
  plan_baseline_item: PlanBaselineItemTable;
  plan_baseline_milestone: PlanBaselineMilestoneTable;
  idempotency_key: IdempotencyKeyTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type Programme = Selectable<ProgrammeTable>;
export type Service = Selectable<ServiceTable>;
export type Team = Selectable<TeamTable>;
export type Workstream = Selectable<WorkstreamTable>;
export type ChecklistItem = Selectable<ChecklistItemTable>;
export type Milestone = Selectable<MilestoneTable>;
export type PlanBaseline = Selectable<PlanBaselineTable>;
export type RaidItem = Selectable<RaidItemTable>;
export type NewRaidItem = Insertable<RaidItemTable>;
export type RaidItemUpdate = Updateable<RaidItemTable>;
export type Post = Selectable<PostTable>;
export type Employee = Selectable<EmployeeTable>;
export type AppUser = Selectable<AppUserTable>;
export type UserWorkstream = Selectable<UserWorkstreamTable>;
export type Session = Selectable<SessionTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type DataSharingAgreement = Selectable<DataSharingAgreementTable>;
export type ContactRoute = Selectable<ContactRouteTable>;
export type AssignmentDecisionRecord = Selectable<AssignmentDecisionRecordTable>;
export type AssignmentAppeal = Selectable<AssignmentAppealTable>;
export type TransferRun = Selectable<TransferRunTable>;
export type HrImport = Selectable<HrImportTable>;
export type EliPackage = Selectable<EliPackageTable>;
export type TupeMeasure = Selectable<TupeMeasureTable>;
export type ConsultationMeeting = Selectable<ConsultationMeetingTable>;
export type PensionAdmissionAgreement = Selectable<PensionAdmissionAgreementTable>;
export type TupeStepRecord = Selectable<TupeStepRecordTable>;
export type Gate = Selectable<GateTable>;
export type GateCriterion = Selectable<GateCriterionTable>;
export type GateSignatory = Selectable<GateSignatoryTable>;
export type GateSignOff = Selectable<GateSignOffTable>;
export type GateSignOffWithdrawal = Selectable<GateSignOffWithdrawalTable>;
export type Evidence = Selectable<EvidenceTable>;
export type ChecklistTemplate = Selectable<ChecklistTemplateTable>;
