import type { TupeStatus } from '@handover/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';
import { runTransfer } from './tupe.service.ts';

const gid = (type: string, id: string) => encodeGlobalID(type, id);

const EMPLOYEE = `... on Employee { id version tupeStatus assignmentDecision assignmentRationale
  objectionReceivedOn objectionWithdrawnOn redeployedOn leftOn transferredAt }
  ... on Error { __typename message }
  ... on ValidationError { field }
  ... on ConflictError { currentVersion }`;

interface EmployeeAnswer {
  id?: string;
  version?: number;
  tupeStatus?: TupeStatus;
  assignmentDecision?: string | null;
  assignmentRationale?: string | null;
  objectionReceivedOn?: string | null;
  objectionWithdrawnOn?: string | null;
  redeployedOn?: string | null;
  leftOn?: string | null;
  transferredAt?: string | null;
  __typename?: string;
  message?: string;
  field?: string;
  currentVersion?: number;
}

async function employeeWith(api: TestApi, status: TupeStatus, offset = 0) {
  return api.handle.db
    .selectFrom('employee')
    .selectAll()
    .where('tupe_status', '=', status)
    .where('post_id', 'is not', null)
    .orderBy('payroll_number')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
}

async function mutate(
  api: TestApi,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  role = 'HR' as const,
) {
  const res = await api.gql<Record<string, EmployeeAnswer>>(
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${EMPLOYEE} } }`,
    { input },
    await api.login(role),
  );
  return { res, answer: res.data?.[name] };
}

const countWhere = async (api: TestApi, status: TupeStatus) =>
  Number(
    (
      await api.handle.db
        .selectFrom('employee')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tupe_status', '=', status)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('TUPE assignment, objection and redeployment (before the transfer)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('decides an assignment: the status follows, the history gains the decision, the audit names fields only', async () => {
    const e = await employeeWith(api, 'IN_SCOPE_DISPUTED');
    const rationale = `Spends most of the week on the front door (${e.first_name})`;
    const { answer } = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: e.version,
      decision: 'ASSIGNED',
      timeOnServicePercent: 85,
      roleNote: 'Senior practitioner',
      chargedTo: 'CC-1234 Children’s social care',
      rationale,
    });
    expect(answer).toMatchObject({
      tupeStatus: 'IN_SCOPE_ASSIGNED',
      assignmentDecision: 'ASSIGNED',
      assignmentRationale: rationale,
      version: e.version + 1,
    });
    const history = await api.gql<{
      node: {
        assignmentHistory: {
          decision: string;
          timeOnServicePercent: number;
          source: string;
          decidedBy: { role: string };
        }[];
      };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Employee { assignmentHistory { decision timeOnServicePercent source decidedBy { role } } } } }`,
      { id: gid('Employee', e.id) },
      await api.login('HR'),
    );
    const records = history.data!.node.assignmentHistory;
    expect(records[0]).toEqual({
      decision: 'ASSIGNED',
      timeOnServicePercent: 85,
      source: 'DECISION',
      decidedBy: { role: 'HR' },
    });
    expect(records.at(-1)?.decision).toBe('DISPUTED');
    const events = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('operation', '=', 'decideAssignment')
      .where('entity_id', '=', e.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.fields.sort()).toEqual(['assignment_decision', 'assignment_rationale', 'tupe_status']);
    const text = JSON.stringify(events);
    for (const value of [rationale, e.first_name, e.last_name, e.ni_number, 'Senior practitioner', 'CC-1234'])
      expect(text).not.toContain(value);
  });

  it('answers a stale version with a conflict and saves nothing', async () => {
    const e = await employeeWith(api, 'IN_SCOPE_ASSIGNED', 3);
    const first = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: e.version,
      decision: 'DISPUTED',
      rationale: 'Works across two services',
    });
    expect(first.answer?.version).toBe(e.version + 1);
    const stale = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: e.version,
      decision: 'NOT_ASSIGNED',
      rationale: 'never saved',
    });
    expect(stale.answer).toMatchObject({ __typename: 'ConflictError', currentVersion: e.version + 1 });
    const now = await api.handle.db
      .selectFrom('employee')
      .selectAll()
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow();
    expect(now.assignment_decision).toBe('DISPUTED');
    const records = await api.handle.db
      .selectFrom('assignment_decision_record')
      .select('rationale')
      .where('employee_id', '=', e.id)
      .execute();
    expect(records.map((r) => r.rationale)).not.toContain('never saved');
  });

  it('refuses bad input, naming the field', async () => {
    const e = await employeeWith(api, 'IN_SCOPE_ASSIGNED', 5);
    const share = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: e.version,
      decision: 'ASSIGNED',
      timeOnServicePercent: 101,
      rationale: 'x',
    });
    expect(share.answer).toMatchObject({ __typename: 'ValidationError', field: 'timeOnServicePercent' });
    const blank = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: e.version,
      decision: 'ASSIGNED',
      rationale: '   ',
    });
    expect(blank.answer).toMatchObject({ __typename: 'ValidationError', field: 'rationale' });
    const future = await mutate(api, 'recordObjection', 'RecordObjectionInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: e.version,
      receivedOn: '2023-02-16',
    });
    expect(future.answer).toMatchObject({ __typename: 'ValidationError', field: 'receivedOn' });
    expect(future.answer?.message).toContain('2023-02-15');
  });

  it('records an objection: the employee leaves the transferring list; withdrawn, they are back', async () => {
    const e = await employeeWith(api, 'IN_SCOPE_ASSIGNED', 10);
    const assignedBefore = await countWhere(api, 'IN_SCOPE_ASSIGNED');
    const objected = await mutate(api, 'recordObjection', 'RecordObjectionInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: e.version,
      receivedOn: '2023-02-10',
      note: 'Wishes to stay with the council',
    });
    expect(objected.answer).toMatchObject({ tupeStatus: 'OBJECTED', objectionReceivedOn: '2023-02-10' });
    const programmeId = await api.programmeId();
    const counts = await api.gql<{
      programme: {
        headcountByTupeStatus: { tupeStatus: string; employees: number }[];
        employees: { totalCount: number; edges: { node: { id: string } }[] };
      };
    }>(
      `query ($id: ID!) { programme(id: $id) {
        headcountByTupeStatus { tupeStatus employees }
        employees(first: 200, filter: { objected: true }) { totalCount edges { node { id } } } } }`,
      { id: programmeId },
      await api.login('HR'),
    );
    const byStatus = Object.fromEntries(
      counts.data!.programme.headcountByTupeStatus.map((h) => [h.tupeStatus, h.employees]),
    );
    expect(byStatus.IN_SCOPE_ASSIGNED).toBe(assignedBefore - 1);
    expect(counts.data!.programme.employees.edges.map((x) => x.node.id)).toContain(gid('Employee', e.id));
    const again = await mutate(api, 'recordObjection', 'RecordObjectionInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: objected.answer!.version,
      receivedOn: '2023-02-11',
    });
    expect(again.answer).toMatchObject({ __typename: 'ValidationError', field: 'employeeId' });
    expect(again.answer?.message).toContain(e.payroll_number);
    const decide = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: objected.answer!.version,
      decision: 'NOT_ASSIGNED',
      rationale: 'x',
    });
    expect(decide.answer?.message).toMatch(/withdraw the objection/);
    const early = await mutate(api, 'withdrawObjection', 'WithdrawObjectionInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: objected.answer!.version,
      withdrawnOn: '2023-02-09',
    });
    expect(early.answer).toMatchObject({ __typename: 'ValidationError', field: 'withdrawnOn' });
    const withdrawn = await mutate(api, 'withdrawObjection', 'WithdrawObjectionInput', {
      employeeId: gid('Employee', e.id),
      expectedVersion: objected.answer!.version,
      withdrawnOn: '2023-02-14',
    });
    expect(withdrawn.answer).toMatchObject({
      tupeStatus: 'IN_SCOPE_ASSIGNED',
      objectionReceivedOn: '2023-02-10',
      objectionWithdrawnOn: '2023-02-14',
    });
    expect(await countWhere(api, 'IN_SCOPE_ASSIGNED')).toBe(assignedBefore);
    const note = await api.gql<{ node: { objectionNote: string | null } }>(
      `query ($id: ID!) { node(id: $id) { ... on Employee { objectionNote } } }`,
      { id: gid('Employee', e.id) },
      await api.login('EDITOR'),
    );
    expect(note.data?.node?.objectionNote ?? null).toBeNull();
    expect(note.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records a redeployment and a leaver, with their dates, before the transfer day only', async () => {
    const a = await employeeWith(api, 'IN_SCOPE_ASSIGNED', 20);
    const late = await mutate(api, 'recordRedeployment', 'RecordRedeploymentInput', {
      employeeId: gid('Employee', a.id),
      expectedVersion: a.version,
      redeployedOn: '2023-04-01',
      newRole: 'Business support officer, Revenues',
    });
    expect(late.answer).toMatchObject({ __typename: 'ValidationError', field: 'redeployedOn' });
    expect(late.answer?.message).toContain('2023-04-01');
    const redeployed = await mutate(api, 'recordRedeployment', 'RecordRedeploymentInput', {
      employeeId: gid('Employee', a.id),
      expectedVersion: a.version,
      redeployedOn: '2023-03-06',
      newRole: 'Business support officer, Revenues',
    });
    expect(redeployed.answer).toMatchObject({
      tupeStatus: 'REDEPLOYED_PRE_TRANSFER',
      redeployedOn: '2023-03-06',
    });
    const b = await employeeWith(api, 'IN_SCOPE_ASSIGNED', 21);
    const left = await mutate(api, 'recordLeaver', 'RecordLeaverInput', {
      employeeId: gid('Employee', b.id),
      expectedVersion: b.version,
      leftOn: '2023-03-10',
    });
    expect(left.answer).toMatchObject({ tupeStatus: 'LEAVER_BEFORE_TRANSFER', leftOn: '2023-03-10' });
    const after = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
      employeeId: gid('Employee', b.id),
      expectedVersion: left.answer!.version,
      decision: 'ASSIGNED',
      rationale: 'x',
    });
    expect(after.answer?.message).toMatch(/left before the transfer/);
  });

  it('resolves a disputed decision by an appeal, updating the pending appeal', async () => {
    const appealed = await api.handle.db
      .selectFrom('assignment_appeal')
      .innerJoin('employee', 'employee.id', 'assignment_appeal.employee_id')
      .select(['employee.id', 'employee.version', 'assignment_appeal.id as appeal_id'])
      .where('outcome', '=', 'PENDING')
      .where('employee.tupe_status', '=', 'IN_SCOPE_DISPUTED')
      .orderBy('employee.payroll_number')
      .executeTakeFirstOrThrow();
    const early = await mutate(api, 'recordAssignmentAppeal', 'RecordAssignmentAppealInput', {
      employeeId: gid('Employee', appealed.id),
      expectedVersion: appealed.version,
      lodgedOn: '2023-02-01',
      soughtDecision: 'NOT_ASSIGNED',
      outcome: 'UPHELD',
      outcomeOn: '2023-01-31',
    });
    expect(early.answer).toMatchObject({ __typename: 'ValidationError', field: 'outcomeOn' });
    const upheld = await mutate(api, 'recordAssignmentAppeal', 'RecordAssignmentAppealInput', {
      employeeId: gid('Employee', appealed.id),
      expectedVersion: appealed.version,
      lodgedOn: '2023-02-01',
      soughtDecision: 'NOT_ASSIGNED',
      outcome: 'UPHELD',
      outcomeOn: '2023-02-14',
      note: 'Panel found most work is for the retained service',
    });
    expect(upheld.answer).toMatchObject({
      tupeStatus: 'OUT_OF_SCOPE_NOT_ASSIGNED',
      assignmentDecision: 'NOT_ASSIGNED',
    });
    const appeals = await api.handle.db
      .selectFrom('assignment_appeal')
      .selectAll()
      .where('employee_id', '=', appealed.id)
      .execute();
    expect(appeals).toHaveLength(1);
    expect(appeals[0]).toMatchObject({ id: appealed.appeal_id, outcome: 'UPHELD', outcome_on: '2023-02-14' });
    const latest = await api.handle.db
      .selectFrom('assignment_decision_record')
      .selectAll()
      .where('employee_id', '=', appealed.id)
      .orderBy('decided_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(latest).toMatchObject({
      decision: 'NOT_ASSIGNED',
      source: 'APPEAL',
      appeal_id: appealed.appeal_id,
    });
    const again = await mutate(api, 'recordAssignmentAppeal', 'RecordAssignmentAppealInput', {
      employeeId: gid('Employee', appealed.id),
      expectedVersion: upheld.answer!.version,
      lodgedOn: '2023-02-01',
      soughtDecision: 'ASSIGNED',
      outcome: 'PENDING',
    });
    expect(again.answer?.message).toMatch(/no disputed assignment decision/);
  });

  it('decides for a whole team in one go: a dry run first, those refused skipped and named, the undecided only', async () => {
    const member = await employeeWith(api, 'IN_SCOPE_ASSIGNED', 40);
    const post = await api.handle.db
      .selectFrom('post')
      .select('team_id')
      .where('id', '=', member.post_id!)
      .executeTakeFirstOrThrow();
    // One of the team objects first, and one has no decision yet.
    await mutate(api, 'recordObjection', 'RecordObjectionInput', {
      employeeId: gid('Employee', member.id),
      expectedVersion: member.version,
      receivedOn: '2023-02-13',
    });
    const team = await api.handle.db
      .selectFrom('employee')
      .innerJoin('post', 'post.id', 'employee.post_id')
      .select([
        'employee.id',
        'employee.tupe_status',
        'employee.contract_type',
        'employee.version',
        'employee.payroll_number',
      ])
      .where('post.team_id', '=', post.team_id)
      .orderBy('employee.payroll_number')
      .execute();
    const undecided = team.find((t) => t.tupe_status === 'IN_SCOPE_ASSIGNED')!;
    await api.handle.db
      .updateTable('employee')
      .set({ assignment_decision: null })
      .where('id', '=', undecided.id)
      .execute();
    // Refused: by their state, or because they are not the council's employees (agency, secondees in).
    const refusedCount = team.filter(
      (t) =>
        ['OBJECTED', 'REDEPLOYED_PRE_TRANSFER', 'LEAVER_BEFORE_TRANSFER', 'TRANSFERRED'].includes(
          t.tupe_status,
        ) || ['AGENCY_WORKER', 'SECONDEE_IN'].includes(t.contract_type),
    ).length;
    expect(refusedCount).toBeGreaterThan(0);
    interface TeamAnswer {
      decided: number;
      alreadyDecided: number;
      dryRun: boolean;
      skipped: { reason: string; employee: { payrollNumber: string } }[];
    }
    const hr = await api.login('HR');
    const askAs = async (input: Record<string, unknown>) => {
      const res = await api.gql<{ decideAssignmentForTeam: TeamAnswer }>(
        `mutation ($input: DecideAssignmentForTeamInput!) { decideAssignmentForTeam(input: $input) {
          ... on TeamAssignmentResult { decided alreadyDecided dryRun skipped { reason employee { payrollNumber } } }
          ... on Error { message } } }`,
        {
          input: {
            teamId: gid('Team', post.team_id),
            decision: 'ASSIGNED',
            rationale: 'Front-line team of the service',
            ...input,
          },
        },
        hr,
      );
      return res.data!.decideAssignmentForTeam;
    };
    const onlyNew = await askAs({ onlyUndecided: true, dryRun: true });
    expect(onlyNew).toMatchObject({
      decided: 1,
      dryRun: true,
      alreadyDecided: team.length - refusedCount - 1,
    });
    const dry = await askAs({ dryRun: true });
    expect(dry.decided).toBe(team.length - refusedCount);
    expect(dry.skipped.map((s) => s.employee.payrollNumber)).toContain(member.payroll_number);
    expect(dry.skipped.find((s) => s.employee.payrollNumber === member.payroll_number)?.reason).toMatch(
      /objected/,
    );
    const unchanged = await api.handle.db
      .selectFrom('employee')
      .select('assignment_decision')
      .where('id', '=', undecided.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.assignment_decision).toBeNull();
    const done = await askAs({ onlyUndecided: true });
    expect(done).toMatchObject({ decided: 1, dryRun: false });
    const now = await api.handle.db
      .selectFrom('employee')
      .selectAll()
      .where('id', '=', undecided.id)
      .executeTakeFirstOrThrow();
    expect(now).toMatchObject({
      assignment_decision: 'ASSIGNED',
      tupe_status: 'IN_SCOPE_ASSIGNED',
      version: undecided.version + 1,
    });
    const summary = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('operation', '=', 'decideAssignmentForTeam')
      .where('entity_type', '=', 'Team')
      .execute();
    expect(summary).toHaveLength(1);
    expect(summary[0]!.reason).toBe(
      `counts: decided=1 already_decided=${team.length - refusedCount - 1} skipped=${refusedCount}`,
    );
  });

  it('refuses to assign an agency worker or a secondee in, alone or with their team, saying why', async () => {
    for (const [contractType, why] of [
      ['SECONDEE_IN', /is seconded in and stays employed by their home organisation.*reg 4\(1\)/],
      ['AGENCY_WORKER', /is an agency worker, employed by their agency and not by the council.*reg 4\(1\)/],
    ] as const) {
      const e = await api.handle.db
        .selectFrom('employee')
        .selectAll()
        .where('contract_type', '=', contractType)
        .where('post_id', 'is not', null)
        .orderBy('payroll_number')
        .executeTakeFirstOrThrow();
      expect(e).toMatchObject({
        assignment_decision: 'NOT_ASSIGNED',
        tupe_status: 'OUT_OF_SCOPE_NOT_ASSIGNED',
      });
      for (const decision of ['ASSIGNED', 'DISPUTED']) {
        const { answer } = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
          employeeId: gid('Employee', e.id),
          expectedVersion: e.version,
          decision,
          rationale: 'Works in the team every day',
        });
        expect(answer).toMatchObject({ __typename: 'ValidationError', field: 'employeeId' });
        expect(answer?.message).toContain(`employee ${e.payroll_number} `);
        expect(answer?.message).toMatch(why);
      }
      const still = await api.handle.db
        .selectFrom('employee')
        .select(['tupe_status', 'version'])
        .where('id', '=', e.id)
        .executeTakeFirstOrThrow();
      expect(still).toEqual({ tupe_status: 'OUT_OF_SCOPE_NOT_ASSIGNED', version: e.version });

      // With their team: skipped, with the reason; the council's employees are decided.
      const post = await api.handle.db
        .selectFrom('post')
        .select('team_id')
        .where('id', '=', e.post_id!)
        .executeTakeFirstOrThrow();
      const res = await api.gql<{
        decideAssignmentForTeam: {
          decided: number;
          skipped: { reason: string; employee: { payrollNumber: string } }[];
        };
      }>(
        `mutation ($input: DecideAssignmentForTeamInput!) { decideAssignmentForTeam(input: $input) {
          ... on TeamAssignmentResult { decided skipped { reason employee { payrollNumber } } }
          ... on Error { message } } }`,
        {
          input: {
            teamId: gid('Team', post.team_id),
            decision: 'ASSIGNED',
            rationale: 'Front-line team of the service',
            dryRun: true,
            onlyUndecided: false,
          },
        },
        await api.login('HR'),
      );
      const answer = res.data!.decideAssignmentForTeam;
      expect(answer.skipped.find((x) => x.employee.payrollNumber === e.payroll_number)?.reason).toMatch(why);
      expect(answer.decided).toBeGreaterThan(0);
      // Recording them as not assigned is allowed.
      const { answer: notAssigned } = await mutate(api, 'decideAssignment', 'DecideAssignmentInput', {
        employeeId: gid('Employee', e.id),
        expectedVersion: e.version,
        decision: 'NOT_ASSIGNED',
        rationale: 'Not the council’s employee',
      });
      expect(notAssigned).toMatchObject({ tupeStatus: 'OUT_OF_SCOPE_NOT_ASSIGNED', version: e.version + 1 });
    }
  });

  it('refuses the TUPE writes to every role but HR, changing nothing', async () => {
    const e = await employeeWith(api, 'IN_SCOPE_ASSIGNED', 60);
    for (const role of ['ADMIN', 'EDITOR', 'VIEWER'] as const) {
      const { res } = await mutate(
        api,
        'decideAssignment',
        'DecideAssignmentInput',
        {
          employeeId: gid('Employee', e.id),
          expectedVersion: e.version,
          decision: 'NOT_ASSIGNED',
          rationale: 'x',
        },
        role as 'HR',
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const now = await api.handle.db
      .selectFrom('employee')
      .select('version')
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow();
    expect(now.version).toBe(e.version);
  });

  it('refuses the transfer run before the instant, naming it', async () => {
    const res = await api.gql<{ runTransfer: { __typename: string; message: string; field: string } }>(
      `mutation ($input: RunTransferInput!) { runTransfer(input: $input) { __typename ... on Error { message } ... on ValidationError { field } } }`,
      { input: { programmeId: await api.programmeId() } },
      await api.login('HR'),
    );
    expect(res.data!.runTransfer.__typename).toBe('ValidationError');
    // The instant in UK local time, never a raw ISO instant.
    expect(res.data!.runTransfer.message).toContain('1 April 2023 at 00:00 (UK time)');
    expect(res.data!.runTransfer.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(await countWhere(api, 'TRANSFERRED')).toBe(0);
  });

  it('filters employees awaiting a decision, with or without other decisions', async () => {
    const programmeId = await api.programmeId();
    const count = async (filter: Record<string, unknown>) =>
      (
        await api.gql<{ programme: { employees: { totalCount: number } } }>(
          `query ($id: ID!, $filter: EmployeeFilter) { programme(id: $id) { employees(filter: $filter) { totalCount } } }`,
          { id: programmeId, filter },
          await api.login('HR'),
        )
      ).data!.programme.employees.totalCount;
    const nulls = Number(
      (
        await api.handle.db
          .selectFrom('employee')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('assignment_decision', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const disputed = await count({ assignmentDecisions: ['DISPUTED'] });
    expect(await count({ awaitingDecision: true })).toBe(nulls);
    expect(await count({ awaitingDecision: true, assignmentDecisions: ['DISPUTED'] })).toBe(nulls + disputed);
    const all = await count({});
    expect(await count({ awaitingDecision: false })).toBe(all - nulls);
  });
});

describe('the transfer run (after the instant)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ today: '2023-04-01' });
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const RUN = `mutation ($input: RunTransferInput!) { runTransfer(input: $input) {
    __typename ... on TransferRunResult { changed transferred needDecision employmentEnded notEmployees message
      run { transferred skippedDisputed skippedObjected skippedNotEmployee employmentEnded runBy { role } } }
    ... on Error { message } } }`;

  it('transfers every assigned employee in one run, records it, and changes nothing when run again', async () => {
    // A secondee in and an agency worker recorded as assigned (as an old import could leave them):
    // still not the council's employees, so the run moves neither.
    const strays: string[] = [];
    for (const contractType of ['SECONDEE_IN', 'AGENCY_WORKER'] as const) {
      const stray = await api.handle.db
        .selectFrom('employee')
        .select('id')
        .where('contract_type', '=', contractType)
        .orderBy('payroll_number')
        .executeTakeFirstOrThrow();
      await api.handle.db
        .updateTable('employee')
        .set({ tupe_status: 'IN_SCOPE_ASSIGNED', assignment_decision: 'ASSIGNED' })
        .where('id', '=', stray.id)
        .execute();
      strays.push(stray.id);
    }
    const notEmployees = Number(
      (
        await api.handle.db
          .selectFrom('employee')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('contract_type', 'in', ['AGENCY_WORKER', 'SECONDEE_IN'])
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(notEmployees).toBeGreaterThan(150);
    const assigned = (await countWhere(api, 'IN_SCOPE_ASSIGNED')) - strays.length;
    const disputed = await countWhere(api, 'IN_SCOPE_DISPUTED');
    const objected = await countWhere(api, 'OBJECTED');
    expect(assigned).toBeGreaterThan(1400);
    expect(objected).toBeGreaterThan(0);
    const programmeId = await api.programmeId();
    const hr = await api.login('HR');
    const res = await api.gql<{
      runTransfer: {
        changed: boolean;
        transferred: number;
        needDecision: number;
        message: string;
        run: Record<string, unknown>;
      };
    }>(RUN, { input: { programmeId } }, hr);
    expect(res.data!.runTransfer).toMatchObject({
      changed: true,
      transferred: assigned,
      needDecision: disputed,
      employmentEnded: objected,
      notEmployees,
      run: {
        transferred: assigned,
        skippedDisputed: disputed,
        skippedObjected: objected,
        skippedNotEmployee: notEmployees,
        employmentEnded: objected,
        runBy: { role: 'HR' },
      },
    });
    expect(res.data!.runTransfer.message).toContain(
      `${disputed} disputed employees were not transferred: each needs a decision`,
    );
    expect(res.data!.runTransfer.message).toContain(
      `${assigned.toLocaleString('en-GB')} employees transferred. ${objected} objectors’ employment ended at the transfer (TUPE reg 4(7)-(8)).`,
    );
    expect(res.data!.runTransfer.message).toContain(
      `${notEmployees} agency workers and secondees were not transferred: they are not the council’s employees.`,
    );
    // Nobody but the council's employees transferred; the two strays are as they were.
    const moved = await api.handle.db
      .selectFrom('employee')
      .select('id')
      .where('tupe_status', '=', 'TRANSFERRED')
      .where('contract_type', 'in', ['AGENCY_WORKER', 'SECONDEE_IN'])
      .execute();
    expect(moved).toEqual([]);
    expect(await countWhere(api, 'IN_SCOPE_ASSIGNED')).toBe(strays.length);
    expect(await countWhere(api, 'TRANSFERRED')).toBe(assigned);
    const programme = await api.handle.db
      .selectFrom('programme')
      .select('transfer_at')
      .executeTakeFirstOrThrow();
    const one = await employeeWith(api, 'TRANSFERRED');
    expect(one.transferred_at?.toISOString()).toBe(programme.transfer_at.toISOString());
    const events = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('operation', '=', 'runTransfer')
      .execute();
    expect(events.filter((e) => e.entity_type === 'Employee')).toHaveLength(assigned + objected);

    // Each objector's employment ended at the transfer instant (reg 4(7)-(8)), shown on their record.
    const objectors = await api.handle.db
      .selectFrom('employee')
      .select(['id', 'employment_ended_at', 'employment_end_reason'])
      .where('tupe_status', '=', 'OBJECTED')
      .execute();
    expect(objectors).toHaveLength(objected);
    for (const o of objectors) {
      expect(o.employment_ended_at?.toISOString()).toBe(programme.transfer_at.toISOString());
      expect(o.employment_end_reason).toBe('OBJECTED_TO_TRANSFER');
    }
    const shown = await api.gql<{
      node: { tupeStatus: string; employmentEndedAt: string; employmentEndReason: string };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Employee { tupeStatus employmentEndedAt employmentEndReason } } }`,
      { id: gid('Employee', objectors[0]!.id) },
      hr,
    );
    expect(shown.data!.node).toEqual({
      tupeStatus: 'OBJECTED',
      employmentEndedAt: programme.transfer_at.toISOString(),
      employmentEndReason: 'OBJECTED_TO_TRANSFER',
    });
    const stillEmployed = await api.handle.db
      .selectFrom('employee')
      .select('id')
      .where('employment_ended_at', 'is not', null)
      .where('tupe_status', '!=', 'OBJECTED')
      .execute();
    expect(stillEmployed).toEqual([]);
    const summary = events.find((e) => e.entity_type === 'TransferRun')!;
    expect(summary.reason).toContain(`transferred=${assigned}`);
    expect(summary.reason).toContain(`disputed=${disputed}`);

    const again = await api.gql<{
      runTransfer: { changed: boolean; transferred: number; message: string; run: null };
    }>(RUN, { input: { programmeId } }, hr);
    expect(again.data!.runTransfer).toMatchObject({
      changed: false,
      transferred: 0,
      employmentEnded: 0,
      run: null,
    });
    expect(again.data!.runTransfer.message).toMatch(/^Nothing changed: the transfer already ran/);
    const runs = await api.gql<{ transferRuns: { transferred: number }[] }>(
      `query ($id: ID!) { transferRuns(programmeId: $id) { transferred } }`,
      { id: programmeId },
      await api.login('VIEWER'),
    );
    expect(runs.data!.transferRuns).toEqual([{ transferred: assigned }]);
  });

  it('refuses every change to a transferred employee, and objections after the instant', async () => {
    const t = await employeeWith(api, 'TRANSFERRED', 2);
    for (const [name, type, extra] of [
      ['decideAssignment', 'DecideAssignmentInput', { decision: 'NOT_ASSIGNED', rationale: 'x' }],
      ['recordObjection', 'RecordObjectionInput', { receivedOn: '2023-03-30' }],
      ['recordRedeployment', 'RecordRedeploymentInput', { redeployedOn: '2023-03-30', newRole: 'x' }],
      ['recordLeaver', 'RecordLeaverInput', { leftOn: '2023-03-30' }],
    ] as const) {
      const { answer } = await mutate(api, name, type, {
        employeeId: gid('Employee', t.id),
        expectedVersion: t.version,
        ...extra,
      });
      expect(answer).toMatchObject({ __typename: 'ValidationError', field: 'employeeId' });
      expect(answer?.message).toMatch(/has transferred/);
    }
    const d = await employeeWith(api, 'IN_SCOPE_DISPUTED');
    const late = await mutate(api, 'recordObjection', 'RecordObjectionInput', {
      employeeId: gid('Employee', d.id),
      expectedVersion: d.version,
      receivedOn: '2023-03-30',
    });
    expect(late.answer?.message).toMatch(/only before the transfer/);
  });
});

describe('the transfer run, interrupted', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ today: '2023-04-01' });
  });
  afterAll(async () => api.close());

  it('rolls everything back when it fails part-way, and a re-run then completes', async () => {
    const db = api.handle.db;
    const programme = await db.selectFrom('programme').select(['id']).executeTakeFirstOrThrow();
    const assigned = await countWhere(api, 'IN_SCOPE_ASSIGNED');
    const now = new Date('2023-04-01T08:00:00Z');
    let batches = 0;
    await expect(
      runTransfer(
        db,
        { viewer: null, requestId: null },
        { programmeId: programme.id },
        { now, instant: now },
        {
          batchSize: 200,
          afterBatch: (done) => {
            batches += 1;
            if (done >= 400) throw new Error('the connection dropped');
          },
        },
      ),
    ).rejects.toThrow('the connection dropped');
    expect(batches).toBe(2);
    expect(await countWhere(api, 'TRANSFERRED')).toBe(0);
    expect(await countWhere(api, 'IN_SCOPE_ASSIGNED')).toBe(assigned);
    expect(await db.selectFrom('transfer_run').selectAll().execute()).toHaveLength(0);
    expect(
      await db.selectFrom('audit_event').selectAll().where('operation', '=', 'runTransfer').execute(),
    ).toHaveLength(0);

    const result = await runTransfer(
      db,
      { viewer: null, requestId: null },
      { programmeId: programme.id },
      { now, instant: now },
      { batchSize: 200 },
    );
    expect(result.transferred).toBe(assigned);
    expect(await countWhere(api, 'TRANSFERRED')).toBe(assigned);
    expect(await db.selectFrom('transfer_run').selectAll().execute()).toHaveLength(1);
  });
});
