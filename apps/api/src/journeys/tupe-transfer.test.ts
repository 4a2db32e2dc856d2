/**
 * Issue 5's "done when", as HR lives it, through GraphQL: import a realistic
 * 1,500-row export of the council's HR system (a dry run first), decide the
 * newcomers' assignment team by team, send the ELI before its due date, and
 * run the transfer at the instant; a second run changes nothing.
 */
import { encodeGlobalID, decodeGlobalID } from '@pothos/plugin-relay';
import { transferInstant } from '@handover/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@handover/db';
import { startTestApi, type TestApi } from '../test/harness.ts';
import { waitForImport } from '../modules/hr-import/hr-import.service.ts';
import { sampleExport } from '../modules/hr-import/sample.ts';

const noonOn = (day: string) => new Date(transferInstant(day).getTime() + 12 * 3600_000);

describe('a TUPE transfer from the HR export to the transfer run', () => {
  let api: TestApi;
  let now = noonOn('2023-02-15');
  let hr = '';
  let programmeId = '';
  let programmeRowId = '';

  const signInAsHr = async () => {
    const res = await api.gql<{ login: { token?: string } }>(
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ... on LoginSuccess { token } } }`,
      { email: 'hr@handover.example', password: DEMO_PASSWORD },
    );
    hr = res.data?.login.token ?? '';
    expect(hr).not.toBe('');
  };

  const importFile = async (csv: string, dryRun: boolean) => {
    const res = await api.gql<{ startHrImport: { id?: string; message?: string } }>(
      `mutation ($input: StartHrImportInput!) { startHrImport(input: $input) { ... on HrImport { id } ... on Error { message } } }`,
      {
        input: {
          programmeId,
          fileName: 'council-hr-export.csv',
          contentBase64: Buffer.from(csv).toString('base64'),
          dryRun,
        },
      },
      hr,
    );
    const id = res.data?.startHrImport.id;
    if (!id) throw new Error(JSON.stringify(res));
    await waitForImport(decodeGlobalID(id).id);
    const view = await api.gql<{
      hrImport: {
        status: string;
        message: string | null;
        errorCount: number;
        counts: Record<string, number>;
      };
    }>(
      `query ($id: ID!) { hrImport(id: $id) { status message errorCount
        counts { postsInserted postsUpdated postsUnchanged employeesInserted employeesUpdated employeesUnchanged employeesNotInFile } } }`,
      { id },
      hr,
    );
    return view.data!.hrImport;
  };

  const count = async (where: 'all' | 'undecided' | 'transferred' | 'assigned' | 'disputed') => {
    let q = api.handle.db
      .selectFrom('employee')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('programme_id', '=', programmeRowId);
    if (where === 'undecided') q = q.where('assignment_decision', 'is', null);
    if (where === 'transferred') q = q.where('tupe_status', '=', 'TRANSFERRED');
    if (where === 'assigned') q = q.where('tupe_status', '=', 'IN_SCOPE_ASSIGNED');
    if (where === 'disputed') q = q.where('tupe_status', '=', 'IN_SCOPE_DISPUTED');
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  beforeAll(async () => {
    api = await startTestApi({ clock: { now: () => now } });
    await signInAsHr();
    programmeId = await api.programmeId();
    programmeRowId = decodeGlobalID(programmeId).id;
  });

  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('imports the export, works the assignments, sends the ELI on time and transfers the assigned', async () => {
    // The council's export: every post of the demo, with this year's pay awards and a few new starters.
    const sample = await sampleExport(api.handle.db, programmeRowId, { rows: 5000 });
    expect(sample.rows).toBeGreaterThan(1500);
    expect(sample.newStarters).toBeGreaterThan(0);
    const before = await count('all');

    const dry = await importFile(sample.csv, true);
    expect(dry).toMatchObject({ status: 'SUCCEEDED', errorCount: 0 });
    expect(dry.counts.employeesInserted).toBe(sample.newStarters);
    expect(dry.counts.employeesUpdated).toBeGreaterThanOrEqual(sample.salaryRises);
    expect(await count('all')).toBe(before);

    const real = await importFile(sample.csv, false);
    expect(real.counts).toEqual(dry.counts);
    expect(await count('all')).toBe(before + sample.newStarters);
    const again = await importFile(sample.csv, false);
    expect(again.message).toMatch(/already imported/);
    expect(again.counts).toMatchObject({
      employeesInserted: 0,
      employeesUpdated: 0,
      postsInserted: 0,
      postsUpdated: 0,
    });

    // The newcomers await a decision; HR assigns each of their teams' undecided staff at once.
    const newcomerTeams = await api.handle.db
      .selectFrom('employee')
      .innerJoin('post', 'post.id', 'employee.post_id')
      .select('post.team_id')
      .distinct()
      .where('employee.programme_id', '=', programmeRowId)
      .where('employee.assignment_decision', 'is', null)
      .where('employee.tupe_status', '=', 'IN_SCOPE_DISPUTED')
      .execute();
    expect(newcomerTeams.length).toBeGreaterThan(0);
    for (const { team_id } of newcomerTeams) {
      const res = await api.gql<{ decideAssignmentForTeam: { decided?: number; message?: string } }>(
        `mutation ($input: DecideAssignmentForTeamInput!) { decideAssignmentForTeam(input: $input) {
          ... on TeamAssignmentResult { decided } ... on Error { message } } }`,
        {
          input: {
            teamId: encodeGlobalID('Team', team_id),
            decision: 'ASSIGNED',
            rationale: 'New starter in a front-line team of the transferring service.',
            timeOnServicePercent: 100,
            onlyUndecided: true,
          },
        },
        hr,
      );
      expect(res.data?.decideAssignmentForTeam.decided).toBeGreaterThan(0);
    }
    const transferring = await count('assigned');

    // ELI: due 28 days before the transfer, sent on 20 February with every category.
    const eli = async () =>
      (
        await api.gql<{
          node: {
            eli: {
              dueDate: string;
              flags: string[];
              transferringCount: number;
              notInAnySentPackageCount: number;
            };
          };
        }>(
          `query ($id: ID!) { node(id: $id) { ... on Programme { eli { dueDate flags transferringCount notInAnySentPackageCount } } } }`,
          { id: programmeId },
          hr,
        )
      ).data!.node.eli;
    expect(await eli()).toMatchObject({ dueDate: '2023-03-04', transferringCount: transferring });
    const made = await api.gql<{
      createEliPackage: { id?: string; version?: number; employeeCount?: number };
    }>(
      `mutation ($input: CreateEliPackageInput!) { createEliPackage(input: $input) { ... on EliPackage { id version employeeCount } } }`,
      {
        input: {
          programmeId,
          categories: [
            'IDENTITY_AND_AGE',
            'WRITTEN_PARTICULARS',
            'DISCIPLINARY_AND_GRIEVANCE',
            'CLAIMS',
            'COLLECTIVE_AGREEMENTS',
          ],
        },
      },
      hr,
    );
    expect(made.data?.createEliPackage.employeeCount).toBe(transferring);
    now = noonOn('2023-02-20');
    await signInAsHr(); // a new day, a new session
    const sent = await api.gql<{ sendEliPackage: { status?: string; message?: string } }>(
      `mutation ($input: SendEliPackageInput!) { sendEliPackage(input: $input) { ... on EliPackage { status } ... on Error { message } } }`,
      {
        input: {
          id: made.data!.createEliPackage.id,
          expectedVersion: made.data!.createEliPackage.version,
          sentOn: '2023-02-20',
        },
      },
      hr,
    );
    expect(sent).toMatchObject({ data: { sendEliPackage: { status: 'SENT' } } });
    expect(await eli()).toMatchObject({ flags: [], notInAnySentPackageCount: 0 });

    // Before the instant the run is refused; at the instant the assigned transfer, the disputed stay.
    const run = () =>
      api.gql<{
        runTransfer: { transferred?: number; needDecision?: number; changed?: boolean; message?: string };
      }>(
        `mutation ($input: RunTransferInput!) { runTransfer(input: $input) {
          ... on TransferRunResult { transferred needDecision changed message } ... on Error { message } } }`,
        { input: { programmeId } },
        hr,
      );
    const early = await run();
    expect(early.data?.runTransfer.transferred).toBeUndefined();
    expect(early.data?.runTransfer.message).toMatch(/2023/);
    expect(await count('transferred')).toBe(0);

    const disputed = await count('disputed');
    now = new Date(transferInstant('2023-04-01').getTime() + 60_000);
    await signInAsHr();
    const done = await run();
    expect(done.data?.runTransfer).toMatchObject({
      transferred: transferring,
      needDecision: disputed,
      changed: true,
    });
    expect(await count('transferred')).toBe(transferring);
    expect(await count('assigned')).toBe(0);
    const rerun = await run();
    expect(rerun.data?.runTransfer).toMatchObject({ changed: false });
    expect(await count('transferred')).toBe(transferring);
  });
});
