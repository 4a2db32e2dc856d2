/** Kysely for the TUPE workflow: decision history, appeals, the transfer run. */
import {
  ASSIGNMENT_APPEAL_COLUMNS,
  ASSIGNMENT_DECISION_RECORD_COLUMNS,
  EMPLOYEE_COLUMNS,
  type AssignmentAppeal,
  type AssignmentDecisionRecord,
  type Database,
  type Employee,
  type Programme,
  type TransferRun,
} from '@handover/db';
import {
  NOT_EMPLOYEE_CONTRACTS,
  type AssignmentDecision,
  type ContractType,
  type TupeStatus,
} from '@handover/domain';
import type { Insertable, Kysely, Updateable } from 'kysely';
import { onlyUuids } from '../common/ids.ts';

type EmployeePatch = Updateable<Database['employee']>;

/** The employee row, locked until the end of the transaction. */
export async function lockEmployee(db: Kysely<Database>, id: string): Promise<Employee | undefined> {
  if (onlyUuids([id]).length === 0) return undefined;
  return db
    .selectFrom('employee')
    .select(EMPLOYEE_COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Writes the patch and moves the version on by one. */
export async function updateEmployee(
  db: Kysely<Database>,
  id: string,
  patch: EmployeePatch,
  now: Date,
): Promise<Employee> {
  return db
    .updateTable('employee')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertDecisionRecords(
  db: Kysely<Database>,
  rows: Insertable<Database['assignment_decision_record']>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('assignment_decision_record')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Newest first. */
export async function decisionRecordsByEmployeeIds(
  db: Kysely<Database>,
  employeeIds: readonly string[],
): Promise<AssignmentDecisionRecord[]> {
  if (employeeIds.length === 0) return [];
  return db
    .selectFrom('assignment_decision_record')
    .select(ASSIGNMENT_DECISION_RECORD_COLUMNS)
    .where('employee_id', 'in', employeeIds)
    .orderBy('decided_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Newest first. */
export async function appealsByEmployeeIds(
  db: Kysely<Database>,
  employeeIds: readonly string[],
): Promise<AssignmentAppeal[]> {
  if (employeeIds.length === 0) return [];
  return db
    .selectFrom('assignment_appeal')
    .select(ASSIGNMENT_APPEAL_COLUMNS)
    .where('employee_id', 'in', employeeIds)
    .orderBy('lodged_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function pendingAppeal(
  db: Kysely<Database>,
  employeeId: string,
): Promise<AssignmentAppeal | undefined> {
  return db
    .selectFrom('assignment_appeal')
    .select(ASSIGNMENT_APPEAL_COLUMNS)
    .where('employee_id', '=', employeeId)
    .where('outcome', '=', 'PENDING')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function saveAppeal(
  db: Kysely<Database>,
  existing: AssignmentAppeal | undefined,
  row: Omit<Insertable<Database['assignment_appeal']>, 'employee_id'> & { employee_id: string },
  now: Date,
): Promise<AssignmentAppeal> {
  if (existing) {
    return db
      .updateTable('assignment_appeal')
      .set((eb) => ({ ...row, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return db
    .insertInto('assignment_appeal')
    .values({ ...row, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function latestDecisionRecord(
  db: Kysely<Database>,
  employeeId: string,
): Promise<AssignmentDecisionRecord | undefined> {
  return (await decisionRecordsByEmployeeIds(db, [employeeId]))[0];
}

/** The team's people (through their posts), locked, by payroll number. */
export async function lockTeamEmployees(db: Kysely<Database>, teamId: string): Promise<Employee[]> {
  return db
    .selectFrom('employee')
    .select(EMPLOYEE_COLUMNS)
    .where('post_id', 'in', (eb) => eb.selectFrom('post').select('id').where('team_id', '=', teamId))
    .orderBy('payroll_number')
    .forUpdate()
    .execute();
}

export async function teamById(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; name: string; programme_id: string } | undefined> {
  if (onlyUuids([id]).length === 0) return undefined;
  return db
    .selectFrom('team')
    .innerJoin('service', 'service.id', 'team.service_id')
    .select(['team.id', 'team.name', 'service.programme_id'])
    .where('team.id', '=', id)
    .executeTakeFirst();
}

/** Sets one decision on many employees, moving each version on. */
export async function setDecisionOnEmployees(
  db: Kysely<Database>,
  ids: readonly string[],
  decision: AssignmentDecision,
  rationale: string,
  status: TupeStatus,
  now: Date,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('employee')
      .set((eb) => ({
        assignment_decision: decision,
        assignment_rationale: rationale,
        tupe_status: status,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

export async function lockProgramme(db: Kysely<Database>, id: string): Promise<Programme | undefined> {
  if (onlyUuids([id]).length === 0) return undefined;
  return db.selectFrom('programme').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Employees by TUPE status and contract type (the transfer run's counts), in one query. */
export async function countByTupeStatusAndContract(
  db: Kysely<Database>,
  programmeId: string,
): Promise<{ status: TupeStatus; contractType: ContractType; n: number }[]> {
  const rows = await db
    .selectFrom('employee')
    .select((eb) => ['tupe_status', 'contract_type', eb.fn.countAll<number>().as('n')])
    .where('programme_id', '=', programmeId)
    .groupBy(['tupe_status', 'contract_type'])
    .execute();
  return rows.map((r) => ({ status: r.tupe_status, contractType: r.contract_type, n: Number(r.n) }));
}

/**
 * The council's employees (never agency workers or secondees in, NOT_EMPLOYEE_CONTRACTS) with this
 * status, locked; with `notEnded`, only those whose employment has not been ended.
 */
export async function employeeIdsWithStatus(
  db: Kysely<Database>,
  programmeId: string,
  status: TupeStatus,
  options: { notEnded?: boolean } = {},
): Promise<string[]> {
  let q = db
    .selectFrom('employee')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('tupe_status', '=', status)
    .where('contract_type', 'not in', NOT_EMPLOYEE_CONTRACTS);
  if (options.notEnded) q = q.where('employment_ended_at', 'is', null);
  const rows = await q.orderBy('id').forUpdate().execute();
  return rows.map((r) => r.id);
}

export async function insertTransferRun(
  db: Kysely<Database>,
  row: Insertable<Database['transfer_run']>,
): Promise<TransferRun> {
  return db.insertInto('transfer_run').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Marks a batch TRANSFERRED, only those still assigned; answers how many changed. */
export async function transferEmployees(
  db: Kysely<Database>,
  ids: readonly string[],
  runId: string,
  transferredAt: Date,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .updateTable('employee')
    .set((eb) => ({
      tupe_status: 'TRANSFERRED',
      transferred_at: transferredAt,
      transfer_run_id: runId,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .where('tupe_status', '=', 'IN_SCOPE_ASSIGNED')
    .where('contract_type', 'not in', NOT_EMPLOYEE_CONTRACTS)
    .returning('id')
    .execute();
  return rows.length;
}

/** Ends the employment of a batch of objectors at the transfer instant (reg 4(7)-(8)); answers how many. */
export async function endObjectorsEmployment(
  db: Kysely<Database>,
  ids: readonly string[],
  endedAt: Date,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .updateTable('employee')
    .set((eb) => ({
      employment_ended_at: endedAt,
      employment_end_reason: 'OBJECTED_TO_TRANSFER' as const,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .where('tupe_status', '=', 'OBJECTED')
    .where('employment_ended_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** Newest first. */
export async function transferRunsOf(db: Kysely<Database>, programmeId: string): Promise<TransferRun[]> {
  return db
    .selectFrom('transfer_run')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('run_at', 'desc')
    .orderBy('id')
    .execute();
}

export interface ServiceAssignmentRow {
  service_id: string;
  employees: number;
  assigned: number;
  not_assigned: number;
  disputed: number;
  undecided: number;
}

/** Counts by assignment decision per service, in one query. */
export async function assignmentProgressByService(
  db: Kysely<Database>,
  programmeId: string,
): Promise<ServiceAssignmentRow[]> {
  const base = () =>
    db
      .selectFrom('employee')
      .innerJoin('post', 'post.id', 'employee.post_id')
      .innerJoin('team', 'team.id', 'post.team_id');
  const rows = await base()
    .select((eb) => [
      'team.service_id',
      eb.fn.countAll<number>().as('employees'),
      eb.fn
        .count<number>(eb.case().when('employee.assignment_decision', '=', 'ASSIGNED').then(1).end())
        .as('assigned'),
      eb.fn
        .count<number>(eb.case().when('employee.assignment_decision', '=', 'NOT_ASSIGNED').then(1).end())
        .as('not_assigned'),
      eb.fn
        .count<number>(eb.case().when('employee.assignment_decision', '=', 'DISPUTED').then(1).end())
        .as('disputed'),
      eb.fn
        .count<number>(eb.case().when('employee.assignment_decision', 'is', null).then(1).end())
        .as('undecided'),
    ])
    .where('employee.programme_id', '=', programmeId)
    .groupBy('team.service_id')
    .execute();
  return rows.map((r) => ({
    service_id: r.service_id,
    employees: Number(r.employees),
    assigned: Number(r.assigned),
    not_assigned: Number(r.not_assigned),
    disputed: Number(r.disputed),
    undecided: Number(r.undecided),
  }));
}
