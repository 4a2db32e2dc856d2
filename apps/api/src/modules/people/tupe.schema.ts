/**
 * The TUPE workflow in GraphQL: assignment decisions and their history,
 * appeals, objection, redeployment, leavers, and the transfer run. Every
 * write is HR's (the matrix rule PERSONAL: it changes a person's record);
 * the notes, the decision history, the appeals and an employee's history are
 * HR only too, each read audited. Others see the statuses and counts.
 * The transfer run is HR's alone as well: it changes every transferring
 * employee's record, and HR is who answers for it (an ADMIN sees the runs).
 */
import type {
  AssignmentAppeal,
  AssignmentDecisionRecord,
  AuditEvent,
  Employee,
  TransferRun,
} from '@handover/db';
import { APPEAL_OUTCOMES, EMPLOYMENT_END_REASONS } from '@handover/domain';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { scopesFor } from '../../access/scopes.ts';
import type { Context } from '../../context.ts';
import { builder } from '../../schema/builder.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../schema/errors.ts';
import { countAuditEvents, listAuditEvents } from '../audit/audit.repository.ts';
import { AuditKindEnum } from '../audit/audit.schema.ts';
import { auditedRead, changedFields, recordAudit, refusalReason } from '../audit/audit.service.ts';
import { UserRef } from '../auth/auth.schema.ts';
import {
  MAX_PAGE_SIZE,
  UPDATE_ERRORS,
  decodeId,
  groupLoader,
  withTotalCount,
} from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { ServiceRef, TeamRef } from '../service/service.schema.ts';
import { AssignmentDecisionEnum, EmployeeRef } from './people.schema.ts';
import {
  appealsByEmployeeIds,
  assignmentProgressByService,
  decisionRecordsByEmployeeIds,
  transferRunsOf,
  type ServiceAssignmentRow,
} from './tupe.repository.ts';
import {
  decideAssignment,
  decideAssignmentForTeam,
  recordAssignmentAppeal,
  recordLeaver,
  recordObjection,
  recordRedeployment,
  runTransfer,
  withdrawObjection,
  type Actor,
  type EmployeeChange,
  type TeamDecisionResult,
  type TransferResult,
} from './tupe.service.ts';

export const AppealOutcomeEnum = builder.enumType('AppealOutcome', { values: APPEAL_OUTCOMES });
const SoughtDecisionEnum = builder.enumType('AppealSoughtDecision', {
  values: ['ASSIGNED', 'NOT_ASSIGNED'] as const,
  description: 'What an appeal asks for: to be assigned (and transfer), or not.',
});
const DecisionSourceEnum = builder.enumType('AssignmentDecisionSource', {
  values: ['DECISION', 'TEAM', 'APPEAL', 'RECORD'] as const,
  description:
    'DECISION: for this employee; TEAM: for their whole team at once; APPEAL: an appeal’s outcome; RECORD: on the record before the history began.',
});

const AssignmentDecisionRecordRef = builder
  .objectRef<AssignmentDecisionRecord>('AssignmentDecisionRecord')
  .implement({
    description: 'One assignment decision, with its rationale: who made it and when. HR only.',
    fields: (t) => ({
      decision: t.field({ type: AssignmentDecisionEnum, resolve: (r) => r.decision }),
      timeOnServicePercent: t.exposeInt('time_on_service_percent', {
        nullable: true,
        description: 'Share of their time on the transferring service, 0 to 100.',
      }),
      roleNote: t.exposeString('role_note', { description: 'Their role and contractual duties.' }),
      chargedTo: t.exposeString('charged_to', {
        description: 'Where the post is charged (cost centre or service).',
      }),
      rationale: t.exposeString('rationale'),
      source: t.field({ type: DecisionSourceEnum, resolve: (r) => r.source }),
      decidedBy: t.field({ type: UserRef, nullable: true, resolve: (r) => r.decided_by }),
      decidedAt: t.expose('decided_at', { type: 'DateTime' }),
    }),
  });

const AssignmentAppealRef = builder.objectRef<AssignmentAppeal>('AssignmentAppeal').implement({
  description: 'An appeal against a disputed assignment decision. HR only.',
  fields: (t) => ({
    lodgedOn: t.expose('lodged_on', { type: 'Date' }),
    soughtDecision: t.field({ type: SoughtDecisionEnum, resolve: (a) => a.sought_decision }),
    outcome: t.field({ type: AppealOutcomeEnum, resolve: (a) => a.outcome }),
    outcomeOn: t.expose('outcome_on', { type: 'Date', nullable: true }),
    note: t.exposeString('note'),
    recordedBy: t.field({ type: UserRef, nullable: true, resolve: (a) => a.recorded_by }),
    version: t.exposeInt('version'),
  }),
});

const EmployeeHistoryEventRef = builder.objectRef<AuditEvent>('EmployeeHistoryEvent').implement({
  description:
    'An entry of the audit trail about this employee: who did what, when; field names, never values.',
  fields: (t) => ({
    occurredAt: t.expose('occurred_at', { type: 'DateTime' }),
    kind: t.field({ type: AuditKindEnum, resolve: (e) => e.kind }),
    actorEmail: t.exposeString('actor_email', { nullable: true }),
    actorRole: t.exposeString('actor_role', { nullable: true }),
    operation: t.exposeString('operation', { nullable: true }),
    fields: t.exposeStringList('fields'),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const decisionsOf = groupLoader(
  (ctx, ids) => decisionRecordsByEmployeeIds(ctx.db, ids),
  (r) => r.employee_id,
);
const appealsOf = groupLoader(
  (ctx, ids) => appealsByEmployeeIds(ctx.db, ids),
  (a) => a.employee_id,
);

/** Notes the read of a personal list (one PERSONAL_READ per employee and request), and passes it on. */
const readList = <T>(ctx: Context, info: Parameters<typeof auditedRead>[1], e: Employee, rows: T) =>
  auditedRead(ctx, info, e.id, rows);

builder.objectFields(EmployeeRef, (t) => ({
  objectionReceivedOn: t.expose('objection_received_on', { type: 'Date', nullable: true }),
  objectionWithdrawnOn: t.expose('objection_withdrawn_on', { type: 'Date', nullable: true }),
  redeployedOn: t.expose('redeployed_on', { type: 'Date', nullable: true }),
  leftOn: t.expose('left_on', { type: 'Date', nullable: true }),
  transferredAt: t.expose('transferred_at', { type: 'DateTime', nullable: true }),
  employmentEndedAt: t.expose('employment_ended_at', {
    type: 'DateTime',
    nullable: true,
    description:
      'When the transfer ended this objector’s employment (TUPE reg 4(7)-(8): not a dismissal): the transfer instant.',
  }),
  employmentEndReason: t.field({
    type: EmploymentEndReasonEnum,
    nullable: true,
    resolve: (e) => e.employment_end_reason,
  }),
  objectionNote: t.string({
    nullable: true,
    authScopes: scopesFor('Employee.objectionNote'),
    resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.objection_note),
  }),
  redeploymentNote: t.string({
    nullable: true,
    description: 'The new role and where it is.',
    authScopes: scopesFor('Employee.redeploymentNote'),
    resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.redeployment_note),
  }),
  leavingNote: t.string({
    nullable: true,
    authScopes: scopesFor('Employee.leavingNote'),
    resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.leaving_note),
  }),
  assignmentHistory: t.field({
    type: [AssignmentDecisionRecordRef],
    description: 'Every assignment decision made for them, newest first.',
    authScopes: scopesFor('Employee.assignmentHistory'),
    resolve: async (e, _args, ctx, info) => readList(ctx, info, e, await decisionsOf(ctx).load(e.id)),
  }),
  appeals: t.field({
    type: [AssignmentAppealRef],
    description: 'Appeals against a disputed decision, newest first.',
    authScopes: scopesFor('Employee.appeals'),
    resolve: async (e, _args, ctx, info) => readList(ctx, info, e, await appealsOf(ctx).load(e.id)),
  }),
}));

builder.objectField(EmployeeRef, 'history', (t) =>
  t.connection(
    {
      type: EmployeeHistoryEventRef,
      description:
        'The audit trail about this employee, newest first: writes, reads of their record, refusals.',
      authScopes: scopesFor('Employee.history'),
      resolve: async (e, args, ctx) => {
        const filter = { entityType: 'Employee', entityId: e.id };
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
            listAuditEvents(ctx.db, filter, page),
          )),
          totalCount: () => countAuditEvents(ctx.db, filter),
        };
      },
    },
    withTotalCount,
  ),
);

// ---- Counts for everyone on the staff ----

const ServiceAssignmentProgressRef = builder
  .objectRef<ServiceAssignmentRow>('ServiceAssignmentProgress')
  .implement({
    description: 'How far the assignment decisions have gone in a service: counts only.',
    fields: (t) => ({
      service: t.field({ type: ServiceRef, resolve: (r) => r.service_id }),
      employees: t.exposeInt('employees'),
      assigned: t.exposeInt('assigned'),
      notAssigned: t.exposeInt('not_assigned'),
      disputed: t.exposeInt('disputed'),
      undecided: t.exposeInt('undecided'),
    }),
  });

const EmploymentEndReasonEnum = builder.enumType('EmploymentEndReason', {
  values: EMPLOYMENT_END_REASONS,
  description: 'Why an employment ended at the transfer: OBJECTED_TO_TRANSFER (TUPE reg 4(7)-(8)).',
});

const TransferRunRef = builder.objectRef<TransferRun>('TransferRun').implement({
  description: 'One run of the transfer: who, when, and how many transferred or stayed, by why.',
  fields: (t) => ({
    id: t.exposeID('id'),
    runAt: t.expose('run_at', { type: 'DateTime' }),
    transferAt: t.expose('transfer_at', { type: 'DateTime', description: 'The instant it took effect.' }),
    runBy: t.field({ type: UserRef, nullable: true, resolve: (r) => r.run_by }),
    transferred: t.exposeInt('transferred'),
    skippedDisputed: t.exposeInt('skipped_disputed', { description: 'Disputed: each needs a decision.' }),
    skippedObjected: t.exposeInt('skipped_objected'),
    skippedNotAssigned: t.exposeInt('skipped_not_assigned'),
    skippedRedeployed: t.exposeInt('skipped_redeployed'),
    skippedSeconded: t.exposeInt('skipped_seconded'),
    skippedLeaver: t.exposeInt('skipped_leaver'),
    skippedNotEmployee: t.exposeInt('skipped_not_employee', {
      description: 'Agency workers and secondees in: not the council’s employees, so never transferred.',
    }),
    employmentEnded: t.exposeInt('employment_ended', {
      description: 'Objectors whose employment this run ended (TUPE reg 4(7)-(8)).',
    }),
  }),
});

builder.objectField(ProgrammeRef, 'assignmentProgress', (t) =>
  t.field({
    type: [ServiceAssignmentProgressRef],
    description:
      'Assignment decisions by service (people in posts), in catalogue order by name: counts only.',
    resolve: async (programme, _args, ctx) => {
      const [rows, services] = await Promise.all([
        assignmentProgressByService(ctx.db, programme.id),
        ctx.db
          .selectFrom('service')
          .select('id')
          .where('programme_id', '=', programme.id)
          .orderBy('name')
          .execute(),
      ]);
      return services.map(
        (s) =>
          rows.find((r) => r.service_id === s.id) ?? {
            service_id: s.id,
            employees: 0,
            assigned: 0,
            not_assigned: 0,
            disputed: 0,
            undecided: 0,
          },
      );
    },
  }),
);

builder.queryField('transferRuns', (t) =>
  t.field({
    type: [TransferRunRef],
    description: 'The runs of a programme’s transfer, newest first.',
    authScopes: scopesFor('Query.transferRuns'),
    args: { programmeId: t.arg.id() },
    resolve: (_root, args, ctx) =>
      transferRunsOf(ctx.db, decodeId(args.programmeId, 'Programme', 'programmeId')),
  }),
);

// ---- Writes: HR ----

const actorOf = (ctx: Context): Actor => ({
  userId: ctx.viewer?.userId ?? null,
  now: ctx.clock.now(),
  instant: ctx.instant,
  today: ctx.today,
});

async function refused(
  ctx: Context,
  operation: string,
  entityType: string,
  entityId: string | null,
  error: unknown,
) {
  const reason = refusalReason(error);
  if (reason) await recordAudit(ctx, { kind: 'REFUSED', operation, entityType, entityId, reason });
}

/** One employee's change and its WRITE event (field names, versions), in one transaction. */
async function employeeWrite(
  ctx: Context,
  operation: string,
  rawId: string,
  write: (db: Context['db'], id: string) => Promise<EmployeeChange>,
): Promise<Employee> {
  let id: string | null = null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      id = decodeId(rawId, 'Employee', 'employeeId');
      const { before, after } = await write(trx, id);
      await recordAudit(
        { ...ctx, db: trx },
        {
          kind: 'WRITE',
          operation,
          entityType: 'Employee',
          entityId: after.id,
          fields: changedFields(before, after),
          versionBefore: before.version,
          versionAfter: after.version,
        },
      );
      return after;
    });
  } catch (error) {
    await refused(ctx, operation, 'Employee', id, error);
    throw error;
  }
}

const DecideAssignmentInput = builder.inputType('DecideAssignmentInput', {
  description: 'Give the version of the employee you read.',
  fields: (t) => ({
    employeeId: t.id(),
    expectedVersion: t.int(),
    decision: t.field({ type: AssignmentDecisionEnum }),
    timeOnServicePercent: t.int({ required: false, description: '0 to 100.' }),
    roleNote: t.string({ required: false, description: 'Their role and contractual duties.' }),
    chargedTo: t.string({
      required: false,
      description: 'Where the post is charged (cost centre or service).',
    }),
    rationale: t.string(),
  }),
});

const DecideAssignmentForTeamInput = builder.inputType('DecideAssignmentForTeamInput', {
  fields: (t) => ({
    teamId: t.id(),
    decision: t.field({ type: AssignmentDecisionEnum }),
    timeOnServicePercent: t.int({ required: false }),
    roleNote: t.string({ required: false }),
    chargedTo: t.string({ required: false }),
    rationale: t.string(),
    onlyUndecided: t.boolean({ required: false, description: 'Leave alone those who have a decision.' }),
    dryRun: t.boolean({ required: false, description: 'Say what would change, and change nothing.' }),
  }),
});

const RecordAssignmentAppealInput = builder.inputType('RecordAssignmentAppealInput', {
  description:
    'A pending appeal of the employee is updated, else one is made. UPHELD or REJECTED resolves the dispute: upheld gives the decision sought, rejected the other.',
  fields: (t) => ({
    employeeId: t.id(),
    expectedVersion: t.int(),
    lodgedOn: t.field({ type: 'Date' }),
    soughtDecision: t.field({ type: SoughtDecisionEnum }),
    outcome: t.field({ type: AppealOutcomeEnum }),
    outcomeOn: t.field({ type: 'Date', required: false }),
    note: t.string({ required: false }),
  }),
});

const RecordObjectionInput = builder.inputType('RecordObjectionInput', {
  fields: (t) => ({
    employeeId: t.id(),
    expectedVersion: t.int(),
    receivedOn: t.field({ type: 'Date' }),
    note: t.string({ required: false }),
  }),
});

const WithdrawObjectionInput = builder.inputType('WithdrawObjectionInput', {
  fields: (t) => ({
    employeeId: t.id(),
    expectedVersion: t.int(),
    withdrawnOn: t.field({ type: 'Date' }),
  }),
});

const RecordRedeploymentInput = builder.inputType('RecordRedeploymentInput', {
  fields: (t) => ({
    employeeId: t.id(),
    expectedVersion: t.int(),
    redeployedOn: t.field({ type: 'Date' }),
    newRole: t.string({ description: 'The new role and where it is.' }),
  }),
});

const RecordLeaverInput = builder.inputType('RecordLeaverInput', {
  fields: (t) => ({
    employeeId: t.id(),
    expectedVersion: t.int(),
    leftOn: t.field({ type: 'Date' }),
    note: t.string({ required: false }),
  }),
});

const RunTransferInput = builder.inputType('RunTransferInput', {
  fields: (t) => ({
    programmeId: t.id(),
    expectedProgrammeVersion: t.int({ required: false }),
  }),
});

const SkippedEmployeeRef = builder
  .objectRef<TeamDecisionResult['skipped'][number]>('SkippedEmployee')
  .implement({
    description: 'Someone a bulk decision left alone, and why.',
    fields: (t) => ({
      employee: t.field({ type: EmployeeRef, resolve: (s) => s.employee }),
      reason: t.exposeString('reason'),
    }),
  });

const TeamAssignmentResultRef = builder.objectRef<TeamDecisionResult>('TeamAssignmentResult').implement({
  description: 'What a decision for a whole team did (or, in a dry run, would do).',
  fields: (t) => ({
    team: t.field({ type: TeamRef, resolve: (r) => r.team.id }),
    decision: t.field({ type: AssignmentDecisionEnum, resolve: (r) => r.decision }),
    dryRun: t.exposeBoolean('dryRun'),
    decided: t.int({ description: 'Employees given the decision.', resolve: (r) => r.decided.length }),
    alreadyDecided: t.exposeInt('alreadyDecided', { description: 'Left alone: they had a decision.' }),
    skipped: t.field({ type: [SkippedEmployeeRef], resolve: (r) => r.skipped }),
  }),
});

const TransferRunResultRef = builder.objectRef<TransferResult>('TransferRunResult').implement({
  description: 'What a transfer run did; `run` is null when nothing changed.',
  fields: (t) => ({
    run: t.field({ type: TransferRunRef, nullable: true, resolve: (r) => r.run }),
    previousRun: t.field({ type: TransferRunRef, nullable: true, resolve: (r) => r.previousRun }),
    changed: t.boolean({ resolve: (r) => r.run !== null }),
    transferred: t.exposeInt('transferred'),
    needDecision: t.int({ description: 'Disputed, so not transferred.', resolve: (r) => r.skipped.DISPUTED }),
    employmentEnded: t.exposeInt('employmentEnded', {
      description: 'Objectors whose employment this run ended (TUPE reg 4(7)-(8)).',
    }),
    notEmployees: t.int({
      description: 'Agency workers and secondees in, left alone: not the council’s employees.',
      resolve: (r) => r.skipped.NOT_EMPLOYEE,
    }),
    message: t.exposeString('message'),
  }),
});

builder.mutationFields((t) => ({
  decideAssignment: t.field({
    type: EmployeeRef,
    description: 'Records an assignment decision for an employee; their TUPE status follows it.',
    authScopes: scopesFor('Mutation.decideAssignment'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'DecideAssignmentResult' } },
    args: { input: t.arg({ type: DecideAssignmentInput }) },
    resolve: (_root, { input }, ctx) =>
      employeeWrite(ctx, 'decideAssignment', input.employeeId, (db, employeeId) =>
        decideAssignment(db, { ...input, employeeId }, actorOf(ctx)),
      ),
  }),
  recordAssignmentAppeal: t.field({
    type: EmployeeRef,
    authScopes: scopesFor('Mutation.recordAssignmentAppeal'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'RecordAssignmentAppealResult' } },
    args: { input: t.arg({ type: RecordAssignmentAppealInput }) },
    resolve: (_root, { input }, ctx) =>
      employeeWrite(ctx, 'recordAssignmentAppeal', input.employeeId, async (db, employeeId) => {
        const { before, after } = await recordAssignmentAppeal(db, { ...input, employeeId }, actorOf(ctx));
        return { before, after };
      }),
  }),
  recordObjection: t.field({
    type: EmployeeRef,
    description: 'An objection to the transfer (before it): the employee leaves the transferring list.',
    authScopes: scopesFor('Mutation.recordObjection'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'RecordObjectionResult' } },
    args: { input: t.arg({ type: RecordObjectionInput }) },
    resolve: (_root, { input }, ctx) =>
      employeeWrite(ctx, 'recordObjection', input.employeeId, (db, employeeId) =>
        recordObjection(db, { ...input, employeeId }, actorOf(ctx)),
      ),
  }),
  withdrawObjection: t.field({
    type: EmployeeRef,
    description: 'Withdraws an objection (before the transfer): the status follows the decision again.',
    authScopes: scopesFor('Mutation.withdrawObjection'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'WithdrawObjectionResult' } },
    args: { input: t.arg({ type: WithdrawObjectionInput }) },
    resolve: (_root, { input }, ctx) =>
      employeeWrite(ctx, 'withdrawObjection', input.employeeId, (db, employeeId) =>
        withdrawObjection(db, { ...input, employeeId }, actorOf(ctx)),
      ),
  }),
  recordRedeployment: t.field({
    type: EmployeeRef,
    authScopes: scopesFor('Mutation.recordRedeployment'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'RecordRedeploymentResult' } },
    args: { input: t.arg({ type: RecordRedeploymentInput }) },
    resolve: (_root, { input }, ctx) =>
      employeeWrite(ctx, 'recordRedeployment', input.employeeId, (db, employeeId) =>
        recordRedeployment(db, { ...input, employeeId }, actorOf(ctx)),
      ),
  }),
  recordLeaver: t.field({
    type: EmployeeRef,
    authScopes: scopesFor('Mutation.recordLeaver'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'RecordLeaverResult' } },
    args: { input: t.arg({ type: RecordLeaverInput }) },
    resolve: (_root, { input }, ctx) =>
      employeeWrite(ctx, 'recordLeaver', input.employeeId, (db, employeeId) =>
        recordLeaver(db, { ...input, employeeId }, actorOf(ctx)),
      ),
  }),
  decideAssignmentForTeam: t.field({
    type: TeamAssignmentResultRef,
    description:
      'One decision for every employee of a team, in one transaction; those whose state refuses it are skipped and listed.',
    authScopes: scopesFor('Mutation.decideAssignmentForTeam'),
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'DecideAssignmentForTeamResult' },
    },
    args: { input: t.arg({ type: DecideAssignmentForTeamInput }) },
    resolve: async (_root, { input }, ctx) => {
      let teamId: string | null = null;
      try {
        return await ctx.db.transaction().execute(async (trx) => {
          teamId = decodeId(input.teamId, 'Team', 'teamId');
          const result = await decideAssignmentForTeam(
            trx,
            { ...input, teamId, onlyUndecided: input.onlyUndecided ?? false, dryRun: input.dryRun ?? false },
            actorOf(ctx),
          );
          if (!result.dryRun) {
            const fields = ['assignment_decision', 'assignment_rationale', 'tupe_status'];
            await recordAudit({ ...ctx, db: trx }, [
              ...result.decided.map((e) => ({
                kind: 'WRITE' as const,
                operation: 'decideAssignmentForTeam',
                entityType: 'Employee',
                entityId: e.id,
                fields,
                versionBefore: e.version,
                versionAfter: e.version + 1,
              })),
              {
                kind: 'WRITE',
                operation: 'decideAssignmentForTeam',
                entityType: 'Team',
                entityId: result.team.id,
                fields,
                reason: `counts: decided=${result.decided.length} already_decided=${result.alreadyDecided} skipped=${result.skipped.length}`,
              },
            ]);
          }
          return result;
        });
      } catch (error) {
        await refused(ctx, 'decideAssignmentForTeam', 'Team', teamId, error);
        throw error;
      }
    },
  }),
  runTransfer: t.field({
    type: TransferRunResultRef,
    description:
      'At or after the transfer instant: every assigned, non-objecting employee becomes TRANSFERRED, in one transaction. Run again, it changes nothing and says so.',
    authScopes: scopesFor('Mutation.runTransfer'),
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      directResult: true,
      union: { name: 'RunTransferResult' },
    },
    args: { input: t.arg({ type: RunTransferInput }) },
    resolve: async (_root, { input }, ctx) => {
      let programmeId: string | null = null;
      try {
        programmeId = decodeId(input.programmeId, 'Programme', 'programmeId');
        return await runTransfer(
          ctx.db,
          { viewer: ctx.viewer, requestId: ctx.requestId },
          { programmeId, expectedProgrammeVersion: input.expectedProgrammeVersion },
          { now: ctx.clock.now(), instant: ctx.instant },
        );
      } catch (error) {
        await refused(ctx, 'runTransfer', 'Programme', programmeId, error);
        throw error;
      }
    },
  }),
}));
