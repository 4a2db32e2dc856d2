/**
 * The TUPE workflow for HR: assignment decisions (one employee, or a team at
 * once), appeals against a disputed decision, objection and its withdrawal,
 * redeployment, leavers, and the transfer run at the instant. Which state
 * allows which change is `@handover/domain` (tupe.ts); a refusal is a
 * ValidationError naming the employee by payroll number and the reason.
 *
 * Every function here runs inside the caller's transaction (`db` is one),
 * except `runTransfer`, which owns its transaction and its audit events.
 */
import type { AssignmentAppeal, Database, Employee, TransferRun } from '@handover/db';
import {
  appealRefusal,
  appealResolution,
  assignmentRefusal,
  formatCount,
  notEmployeeReason,
  isValidTimeShare,
  leaverRefusal,
  londonDate,
  objectionRefusal,
  redeploymentRefusal,
  statusOfDecision,
  ukInstant,
  TRANSFER_SKIPS,
  transferSkip,
  withdrawalRefusal,
  type AppealOutcome,
  type AssignmentDecision,
  type TransferSkip,
} from '@handover/domain';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../context.ts';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { recordAudit, type AuditEventInput } from '../audit/audit.service.ts';
import { conflict } from '../common/concurrency.ts';
import { transferServicesOfProgramme } from '../service/service.service.ts';
import { optionalText, requireDate, requireText, requireVersion } from '../common/validate.ts';
import {
  employeeIdsWithStatus,
  endObjectorsEmployment,
  insertDecisionRecords,
  insertTransferRun,
  latestDecisionRecord,
  lockEmployee,
  lockProgramme,
  lockTeamEmployees,
  pendingAppeal,
  saveAppeal,
  setDecisionOnEmployees,
  teamById,
  countByTupeStatusAndContract,
  transferEmployees,
  transferRunsOf,
  updateEmployee,
} from './tupe.repository.ts';

const MAX_NOTE = 2000;

export interface DecisionFields {
  decision: AssignmentDecision;
  timeOnServicePercent?: number | null;
  roleNote?: string | null;
  chargedTo?: string | null;
  rationale: string;
}

interface CheckedDecision {
  decision: AssignmentDecision;
  time_on_service_percent: number | null;
  role_note: string;
  charged_to: string;
  rationale: string;
}

function checkDecision(f: DecisionFields): CheckedDecision {
  const share = f.timeOnServicePercent ?? null;
  if (share !== null && !isValidTimeShare(share)) {
    throw new ValidationError('timeOnServicePercent', `must be a whole number from 0 to 100; got ${share}`);
  }
  return {
    decision: f.decision,
    time_on_service_percent: share,
    role_note: optionalText('roleNote', f.roleNote ?? '', MAX_NOTE),
    charged_to: optionalText('chargedTo', f.chargedTo ?? '', 200),
    rationale: requireText('rationale', f.rationale ?? '', MAX_NOTE),
  };
}

/** The employee, locked, at the version the caller read: else NotFound or a Conflict. */
async function employeeAt(db: Kysely<Database>, id: string, expectedVersion: number): Promise<Employee> {
  const version = requireVersion('expectedVersion', expectedVersion);
  const employee = await lockEmployee(db, id);
  if (!employee) throw new NotFoundError('Employee', id);
  if (employee.version !== version) throw conflict('Employee', version, employee);
  return employee;
}

function refuse(employee: Employee, refusal: string | null): void {
  if (refusal) throw new ValidationError('employeeId', `employee ${employee.payroll_number} ${refusal}`);
}

async function transferDayOf(db: Kysely<Database>, programmeId: string): Promise<{ at: Date; day: string }> {
  const p = await db
    .selectFrom('programme')
    .select('transfer_at')
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return { at: p.transfer_at, day: londonDate(p.transfer_at) };
}

function notAfterToday(field: string, date: string, today: string): string {
  requireDate(field, date);
  if (date > today)
    throw new ValidationError(field, `cannot be in the future (today is ${today}); got ${date}`);
  return date;
}

export interface EmployeeChange {
  before: Employee;
  after: Employee;
}

export interface Actor {
  userId: string | null;
  /** When it is recorded (real time: the timestamps of the records). */
  now: Date;
  /** The instant the rules judge by: now, or noon UK time on the fixed day of HANDOVER_TODAY. */
  instant: Date;
  today: string;
}

export async function decideAssignment(
  db: Kysely<Database>,
  input: DecisionFields & { employeeId: string; expectedVersion: number },
  actor: Actor,
): Promise<EmployeeChange> {
  const checked = checkDecision(input);
  const before = await employeeAt(db, input.employeeId, input.expectedVersion);
  refuse(
    before,
    assignmentRefusal({ status: before.tupe_status, contractType: before.contract_type }, checked.decision),
  );
  await insertDecisionRecords(db, [
    {
      employee_id: before.id,
      ...checked,
      source: 'DECISION',
      decided_by: actor.userId,
      decided_at: actor.now,
    },
  ]);
  const after = await updateEmployee(
    db,
    before.id,
    {
      assignment_decision: checked.decision,
      assignment_rationale: checked.rationale,
      tupe_status: statusOfDecision(checked.decision),
    },
    actor.now,
  );
  return { before, after };
}

export interface AppealFields {
  employeeId: string;
  expectedVersion: number;
  lodgedOn: string;
  soughtDecision: 'ASSIGNED' | 'NOT_ASSIGNED';
  outcome: AppealOutcome;
  outcomeOn?: string | null;
  note?: string | null;
}

/**
 * Records an appeal against a disputed decision, or its outcome: a pending appeal of the employee is
 * updated, else a new one is made. An outcome (UPHELD, REJECTED) resolves the dispute into a decision
 * (upheld: the decision sought; rejected: the other), added to the decision history.
 */
export async function recordAssignmentAppeal(
  db: Kysely<Database>,
  input: AppealFields,
  actor: Actor,
): Promise<EmployeeChange & { appeal: AssignmentAppeal }> {
  const lodgedOn = notAfterToday('lodgedOn', input.lodgedOn, actor.today);
  const note = optionalText('note', input.note ?? '', MAX_NOTE);
  let outcomeOn: string | null = null;
  if (input.outcome === 'PENDING') {
    if (input.outcomeOn)
      throw new ValidationError('outcomeOn', 'must be left out while the appeal is pending');
  } else {
    if (!input.outcomeOn)
      throw new ValidationError('outcomeOn', `is required when the appeal is ${input.outcome.toLowerCase()}`);
    outcomeOn = notAfterToday('outcomeOn', input.outcomeOn, actor.today);
    if (outcomeOn < lodgedOn)
      throw new ValidationError(
        'outcomeOn',
        `is before the appeal was lodged (${lodgedOn}); got ${outcomeOn}`,
      );
  }
  const before = await employeeAt(db, input.employeeId, input.expectedVersion);
  refuse(before, appealRefusal(before.tupe_status, before.assignment_decision));
  const appeal = await saveAppeal(
    db,
    await pendingAppeal(db, before.id),
    {
      employee_id: before.id,
      lodged_on: lodgedOn,
      sought_decision: input.soughtDecision,
      outcome: input.outcome,
      outcome_on: outcomeOn,
      note,
      recorded_by: actor.userId,
    },
    actor.now,
  );
  const resolved = appealResolution(input.soughtDecision, input.outcome);
  if (resolved && resolved !== 'NOT_ASSIGNED') refuse(before, notEmployeeReason(before.contract_type));
  let patch = {};
  if (resolved) {
    const last = await latestDecisionRecord(db, before.id);
    const rationale = `Appeal ${input.outcome === 'UPHELD' ? 'upheld' : 'rejected'} on ${outcomeOn}${note ? `: ${note}` : ''}`;
    await insertDecisionRecords(db, [
      {
        employee_id: before.id,
        decision: resolved,
        time_on_service_percent: last?.time_on_service_percent ?? null,
        role_note: last?.role_note ?? '',
        charged_to: last?.charged_to ?? '',
        rationale,
        source: 'APPEAL',
        appeal_id: appeal.id,
        decided_by: actor.userId,
        decided_at: actor.now,
      },
    ]);
    patch = {
      assignment_decision: resolved,
      assignment_rationale: rationale,
      tupe_status: statusOfDecision(resolved),
    };
  }
  const after = await updateEmployee(db, before.id, patch, actor.now);
  return { before, after, appeal };
}

export interface TeamDecisionResult {
  team: { id: string; name: string };
  decision: AssignmentDecision;
  dryRun: boolean;
  /** The employees the decision was (or, in a dry run, would be) recorded for. */
  decided: Employee[];
  /** Left alone because they had a decision and only the undecided were asked for. */
  alreadyDecided: number;
  /** Refused by their state, with why. */
  skipped: { employee: Employee; reason: string }[];
}

/**
 * One decision for every employee of a team, in the caller's transaction: those whose state refuses a
 * decision are skipped and reported; with `onlyUndecided`, those with a decision are left alone.
 */
export async function decideAssignmentForTeam(
  db: Kysely<Database>,
  input: DecisionFields & { teamId: string; onlyUndecided: boolean; dryRun: boolean },
  actor: Actor,
): Promise<TeamDecisionResult> {
  const checked = checkDecision(input);
  const team = await teamById(db, input.teamId);
  if (!team) throw new NotFoundError('Team', input.teamId);
  const employees = await lockTeamEmployees(db, team.id);
  const decided: Employee[] = [];
  const skipped: TeamDecisionResult['skipped'] = [];
  let alreadyDecided = 0;
  for (const e of employees) {
    const refusal = assignmentRefusal(
      { status: e.tupe_status, contractType: e.contract_type },
      checked.decision,
    );
    if (refusal) skipped.push({ employee: e, reason: refusal });
    else if (input.onlyUndecided && e.assignment_decision !== null) alreadyDecided += 1;
    else decided.push(e);
  }
  if (!input.dryRun && decided.length > 0) {
    await insertDecisionRecords(
      db,
      decided.map((e) => ({
        employee_id: e.id,
        ...checked,
        source: 'TEAM' as const,
        decided_by: actor.userId,
        decided_at: actor.now,
      })),
    );
    await setDecisionOnEmployees(
      db,
      decided.map((e) => e.id),
      checked.decision,
      checked.rationale,
      statusOfDecision(checked.decision),
      actor.now,
    );
  }
  return { team, decision: checked.decision, dryRun: input.dryRun, decided, alreadyDecided, skipped };
}

async function beforeTransfer(db: Kysely<Database>, employee: Employee, now: Date, what: string) {
  const { at } = await transferDayOf(db, employee.programme_id);
  if (now >= at) {
    throw new ValidationError(
      'employeeId',
      `${what} only before the transfer, which took effect on ${ukInstant(at)}`,
    );
  }
}

/** An objection (reg 4(7)): the employee leaves the transferring list; recorded before the instant. */
export async function recordObjection(
  db: Kysely<Database>,
  input: { employeeId: string; expectedVersion: number; receivedOn: string; note?: string | null },
  actor: Actor,
): Promise<EmployeeChange> {
  const receivedOn = notAfterToday('receivedOn', input.receivedOn, actor.today);
  const note = optionalText('note', input.note ?? '', MAX_NOTE);
  const before = await employeeAt(db, input.employeeId, input.expectedVersion);
  refuse(before, objectionRefusal(before.tupe_status));
  await beforeTransfer(db, before, actor.instant, 'an objection can be recorded');
  const after = await updateEmployee(
    db,
    before.id,
    {
      tupe_status: 'OBJECTED',
      objection_received_on: receivedOn,
      objection_withdrawn_on: null,
      objection_note: note || null,
    },
    actor.now,
  );
  return { before, after };
}

/** Withdraws an objection before the instant: the status is the current decision's again. */
export async function withdrawObjection(
  db: Kysely<Database>,
  input: { employeeId: string; expectedVersion: number; withdrawnOn: string },
  actor: Actor,
): Promise<EmployeeChange> {
  const withdrawnOn = notAfterToday('withdrawnOn', input.withdrawnOn, actor.today);
  const before = await employeeAt(db, input.employeeId, input.expectedVersion);
  refuse(before, withdrawalRefusal(before.tupe_status));
  await beforeTransfer(db, before, actor.instant, 'an objection can be withdrawn');
  if (before.objection_received_on && withdrawnOn < before.objection_received_on) {
    throw new ValidationError(
      'withdrawnOn',
      `is before the objection was received (${before.objection_received_on}); got ${withdrawnOn}`,
    );
  }
  const after = await updateEmployee(
    db,
    before.id,
    { tupe_status: statusOfDecision(before.assignment_decision), objection_withdrawn_on: withdrawnOn },
    actor.now,
  );
  return { before, after };
}

async function beforeTransferDay(db: Kysely<Database>, employee: Employee, field: string, date: string) {
  requireDate(field, date);
  const { day } = await transferDayOf(db, employee.programme_id);
  if (date >= day) throw new ValidationError(field, `must be before the transfer day (${day}); got ${date}`);
}

/** Redeployed before the transfer to a role outside the transferring service. */
export async function recordRedeployment(
  db: Kysely<Database>,
  input: { employeeId: string; expectedVersion: number; redeployedOn: string; newRole: string },
  actor: Actor,
): Promise<EmployeeChange> {
  const newRole = requireText('newRole', input.newRole ?? '', 500);
  const before = await employeeAt(db, input.employeeId, input.expectedVersion);
  refuse(before, redeploymentRefusal(before.tupe_status));
  await beforeTransferDay(db, before, 'redeployedOn', input.redeployedOn);
  const after = await updateEmployee(
    db,
    before.id,
    { tupe_status: 'REDEPLOYED_PRE_TRANSFER', redeployed_on: input.redeployedOn, redeployment_note: newRole },
    actor.now,
  );
  return { before, after };
}

/** Leaves the council's employment before the transfer. */
export async function recordLeaver(
  db: Kysely<Database>,
  input: { employeeId: string; expectedVersion: number; leftOn: string; note?: string | null },
  actor: Actor,
): Promise<EmployeeChange> {
  const note = optionalText('note', input.note ?? '', MAX_NOTE);
  const before = await employeeAt(db, input.employeeId, input.expectedVersion);
  refuse(before, leaverRefusal(before.tupe_status));
  await beforeTransferDay(db, before, 'leftOn', input.leftOn);
  const after = await updateEmployee(
    db,
    before.id,
    { tupe_status: 'LEAVER_BEFORE_TRANSFER', left_on: input.leftOn, leaving_note: note || null },
    actor.now,
  );
  return { before, after };
}

// ---- The transfer run ----

export type SkipCounts = Record<TransferSkip, number>;

export interface TransferResult {
  /** The run made now; null when nothing was left to transfer (nothing changed). */
  run: TransferRun | null;
  /** The run before, when this one changed nothing. */
  previousRun: TransferRun | null;
  transferred: number;
  /** Objectors whose employment this run ended (reg 4(7)-(8)). */
  employmentEnded: number;
  skipped: SkipCounts;
  message: string;
}

export interface TransferOptions {
  /** Rows per UPDATE. */
  batchSize?: number;
  /** Called after each batch with the number transferred so far (tests inject a fault here). */
  afterBatch?: (transferredSoFar: number) => void | Promise<void>;
}

/**
 * At or after the programme's transfer instant (judged at `clock.instant`; `clock.now` is when the run
 * is recorded), in one transaction: every employee IN_SCOPE_ASSIGNED
 * becomes TRANSFERRED (transferred_at = the instant), so does every service that transfers (its transfer
 * status), a transfer_run row keeps the counts, and the audit trail an event per employee and service
 * and one for the run (counts only). Anything thrown rolls all of it back.
 * Run again with nobody left assigned, it changes nothing and says so.
 */
export async function runTransfer(
  db: Kysely<Database>,
  scope: { viewer: Viewer | null; requestId: string | null },
  input: { programmeId: string; expectedProgrammeVersion?: number | null },
  clock: { now: Date; instant: Date },
  options: TransferOptions = {},
): Promise<TransferResult> {
  const { now } = clock;
  return db.transaction().execute(async (trx) => {
    const programme = await lockProgramme(trx, input.programmeId);
    if (!programme) throw new NotFoundError('Programme', input.programmeId);
    if (input.expectedProgrammeVersion !== undefined && input.expectedProgrammeVersion !== null) {
      const v = requireVersion('expectedProgrammeVersion', input.expectedProgrammeVersion);
      if (programme.version !== v) throw conflict('Programme', v, programme);
    }
    if (clock.instant < programme.transfer_at) {
      throw new ValidationError(
        'programmeId',
        `the transfer can run only at or after its instant, ${ukInstant(programme.transfer_at)}`,
      );
    }
    // Every service that transfers is TRANSFERRED from the instant (domain statusAfterTransfer), audited.
    const services = await transferServicesOfProgramme(trx, programme.id, now);
    if (services.length > 0) {
      await recordAudit(
        { db: trx, viewer: scope.viewer, requestId: scope.requestId },
        services.map((s) => ({
          kind: 'WRITE' as const,
          operation: 'runTransfer',
          entityType: 'Service',
          entityId: s.id,
          fields: ['transfer_status'],
          versionAfter: s.version,
        })),
      );
    }
    const skipped = Object.fromEntries(TRANSFER_SKIPS.map((k) => [k, 0])) as SkipCounts;
    for (const { status, contractType, n } of await countByTupeStatusAndContract(trx, programme.id)) {
      const why = transferSkip(status, contractType);
      if (why) skipped[why] += n;
    }
    const disputedNote =
      skipped.DISPUTED > 0
        ? ` ${formatCount(skipped.DISPUTED)} disputed ${skipped.DISPUTED === 1 ? 'employee was' : 'employees were'} not transferred: each needs a decision.`
        : '';
    const notEmployeeNote =
      skipped.NOT_EMPLOYEE > 0
        ? ` ${formatCount(skipped.NOT_EMPLOYEE)} agency ${skipped.NOT_EMPLOYEE === 1 ? 'worker or secondee was' : 'workers and secondees were'} not transferred: they are not the council’s employees.`
        : '';
    // Only the council's employees: an agency worker or secondee in never transfers (domain transfersAtInstant).
    const ids = await employeeIdsWithStatus(trx, programme.id, 'IN_SCOPE_ASSIGNED');
    // Objectors whose employment the transfer ends (reg 4(7)-(8)), once.
    const objectors = await employeeIdsWithStatus(trx, programme.id, 'OBJECTED', { notEnded: true });
    if (ids.length === 0 && objectors.length === 0) {
      const previousRun = (await transferRunsOf(trx, programme.id))[0] ?? null;
      return {
        run: null,
        previousRun,
        transferred: 0,
        employmentEnded: 0,
        skipped,
        message: previousRun
          ? `Nothing changed: the transfer already ran at ${ukInstant(previousRun.run_at)} and nobody assigned is left to transfer.${disputedNote}${notEmployeeNote}`
          : `Nothing changed: nobody is assigned to transfer.${disputedNote}${notEmployeeNote}`,
      };
    }
    const run = await insertTransferRun(trx, {
      programme_id: programme.id,
      run_by: scope.viewer?.userId ?? null,
      run_at: now,
      transfer_at: programme.transfer_at,
      transferred: ids.length,
      skipped_disputed: skipped.DISPUTED,
      skipped_objected: skipped.OBJECTED,
      skipped_not_assigned: skipped.NOT_ASSIGNED,
      skipped_redeployed: skipped.REDEPLOYED,
      skipped_seconded: skipped.SECONDED,
      skipped_leaver: skipped.LEAVER,
      skipped_not_employee: skipped.NOT_EMPLOYEE,
      employment_ended: objectors.length,
    });
    const size = options.batchSize ?? 500;
    let done = 0;
    for (let i = 0; i < ids.length; i += size) {
      done += await transferEmployees(trx, ids.slice(i, i + size), run.id, programme.transfer_at, now);
      await options.afterBatch?.(done);
    }
    let ended = 0;
    for (let i = 0; i < objectors.length; i += size) {
      ended += await endObjectorsEmployment(trx, objectors.slice(i, i + size), programme.transfer_at, now);
    }
    const events: AuditEventInput[] = ids.map((id) => ({
      kind: 'WRITE',
      operation: 'runTransfer',
      entityType: 'Employee',
      entityId: id,
      fields: ['tupe_status', 'transferred_at', 'transfer_run_id'],
    }));
    for (const id of objectors) {
      events.push({
        kind: 'WRITE',
        operation: 'runTransfer',
        entityType: 'Employee',
        entityId: id,
        fields: ['employment_ended_at', 'employment_end_reason'],
      });
    }
    events.push({
      kind: 'WRITE',
      operation: 'runTransfer',
      entityType: 'TransferRun',
      entityId: run.id,
      fields: [
        'transferred',
        'employment_ended',
        ...Object.keys(skipped).map((k) => `skipped_${k.toLowerCase()}`),
      ],
      reason: `counts: transferred=${done} employment_ended=${ended} ${Object.entries(skipped)
        .map(([k, n]) => `${k.toLowerCase()}=${n}`)
        .join(' ')}`,
    });
    await recordAudit({ db: trx, viewer: scope.viewer, requestId: scope.requestId }, events);
    return {
      run,
      previousRun: null,
      transferred: done,
      employmentEnded: ended,
      skipped,
      message: `${formatCount(done)} ${done === 1 ? 'employee' : 'employees'} transferred.${
        ended > 0
          ? ` ${formatCount(ended)} ${ended === 1 ? 'objector’s employment' : 'objectors’ employment'} ended at the transfer (TUPE reg 4(7)-(8)).`
          : ''
      }${disputedNote}${notEmployeeNote}`,
    };
  });
}
