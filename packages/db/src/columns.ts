/**
 * Column lists for the tables that hold personal data, so that repositories name the columns a
 * query needs instead of `selectAll()` (ARCHITECTURE.md: never `selectAll()` on a table with
 * personal columns). Each full list is checked at compile time to name every column of its table:
 * a column added to a table without a decision here fails the typecheck.
 */
import type {
  AssignmentAppealTable,
  AssignmentDecisionRecordTable,
  Database,
  EliPackageEmployeeTable,
  EmployeeTable,
  HrImportTable,
  MeasuresLetterTable,
  PostTable,
} from './schema.ts';

/** True when `L` names every key of `T` (a compile-time check). */
type NamesEvery<T, L extends readonly unknown[]> = [Exclude<keyof T, L[number]>] extends [never]
  ? true
  : false;
const every =
  <T>() =>
  <const L extends readonly (keyof T & string)[]>(list: L, _check: NamesEvery<T, L>): L =>
    list;

/** The tables that hold personal data about staff: no `selectAll()` on any of them (a test checks). */
export const PERSONAL_TABLES = [
  'employee',
  'assignment_decision_record',
  'assignment_appeal',
  'eli_package_employee',
  'measures_letter',
  'hr_import',
] as const satisfies readonly (keyof Database)[];

/** The columns of employee that are personal data: HR's alone (and the notes about them). */
export const EMPLOYEE_PERSONAL_COLUMNS = [
  'first_name',
  'last_name',
  'date_of_birth',
  'ni_number',
  'salary',
  'pension_number',
  'objection_note',
  'redeployment_note',
  'leaving_note',
  'assignment_rationale',
  'payroll_number',
] as const satisfies readonly (keyof EmployeeTable)[];

/** Every column of employee: for HR's reads of a person's record, and for HR's writes. */
export const EMPLOYEE_COLUMNS = every<EmployeeTable>()(
  [
    'id',
    'programme_id',
    'post_id',
    'payroll_number',
    'first_name',
    'last_name',
    'date_of_birth',
    'ni_number',
    'contract_type',
    'start_date',
    'continuous_service_date',
    'fte',
    'salary',
    'pension_scheme',
    'pension_number',
    'tupe_status',
    'assignment_decision',
    'assignment_rationale',
    'objection_received_on',
    'objection_withdrawn_on',
    'objection_note',
    'redeployed_on',
    'redeployment_note',
    'left_on',
    'leaving_note',
    'transferred_at',
    'transfer_run_id',
    'employment_ended_at',
    'employment_end_reason',
    'version',
    'created_at',
    'updated_at',
  ],
  true,
);

export const POST_COLUMNS = every<PostTable>()(
  [
    'id',
    'programme_id',
    'team_id',
    'post_number',
    'title',
    'grade',
    'fte',
    'cost_centre',
    'vacant',
    'version',
    'created_at',
    'updated_at',
  ],
  true,
);

export const ASSIGNMENT_DECISION_RECORD_COLUMNS = every<AssignmentDecisionRecordTable>()(
  [
    'id',
    'employee_id',
    'decision',
    'time_on_service_percent',
    'role_note',
    'charged_to',
    'rationale',
    'source',
    'appeal_id',
    'decided_by',
    'decided_at',
  ],
  true,
);

export const ASSIGNMENT_APPEAL_COLUMNS = every<AssignmentAppealTable>()(
  [
    'id',
    'employee_id',
    'lodged_on',
    'sought_decision',
    'outcome',
    'outcome_on',
    'note',
    'recorded_by',
    'version',
    'created_at',
    'updated_at',
  ],
  true,
);

export const ELI_PACKAGE_EMPLOYEE_COLUMNS = every<EliPackageEmployeeTable>()(
  ['package_id', 'employee_id', 'reason', 'employee_version'],
  true,
);

export const MEASURES_LETTER_COLUMNS = every<MeasuresLetterTable>()(
  ['employee_id', 'programme_id', 'sent_on', 'recorded_by', 'created_at'],
  true,
);

export const HR_IMPORT_COLUMNS = every<HrImportTable>()(
  [
    'id',
    'programme_id',
    'file_name',
    'file_size',
    'sha256',
    'uploaded_by',
    'dry_run',
    'status',
    'rows_total',
    'rows_done',
    'counts',
    'changes',
    'change_count',
    'errors',
    'error_count',
    'message',
    'created_at',
    'finished_at',
    'heartbeat_at',
  ],
  true,
);

/** `table.column` for each column, for queries that join. */
export function qualified<T extends string, C extends string>(
  table: T,
  columns: readonly C[],
): `${T}.${C}`[] {
  return columns.map((c) => `${table}.${c}` as const);
}
