/**
 * Issue 6's "done when", as the programme manager lives it, through GraphQL:
 * apply the built-in checklist templates (the seventeen workstreams, and the
 * children's home re-registration to the residential service), see the
 * critical path and the Day-1 readiness, move the transfer date in a what-if
 * (nothing stored changes), and run the go/no-go gate to sign-off: criteria
 * judged with evidence, each accountable person signing what they saw, a
 * withdrawal and a re-signature, to GO.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/partner/partner.service.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';

type Role = 'ADMIN' | 'EDITOR' | 'HR' | 'VIEWER';

interface Scheduled {
  item: { id: string; ref: string; title: string };
  durationDays: number;
  earliestStart: string;
  earliestFinish: string;
  latestFinish: string;
  totalSlack: number;
  critical: boolean;
  daysLate: number;
}
interface CriticalPath {
  transferDate: string;
  deadline: string;
  projectedFinish: string;
  reachable: boolean;
  slackDays: number;
  path: Scheduled[];
  items: Scheduled[];
}
interface Gate {
  id: string;
  outcome: 'GO' | 'OPEN' | 'NO_GO';
  outcomeReasons: string[];
  snapshot: string;
  snapshotSha256: string;
  criteria: { id: string; title: string; status: string; version: number; evidence: { id: string }[] }[];
  signatories: {
    id: string;
    roleTitle: string;
    user: { email: string };
    currentSignOff: { id: string } | null;
  }[];
  signOffs: {
    id: string;
    roleTitle: string;
    snapshotSha256: string;
    withdrawal: { reason: string } | null;
  }[];
}

const SCHEDULED = `item { id ref title } durationDays earliestStart earliestFinish latestFinish totalSlack critical daysLate`;
const PATH = `transferDate deadline projectedFinish reachable slackDays path { ${SCHEDULED} } items { ${SCHEDULED} }`;
const GATE = `gate { id outcome outcomeReasons snapshot snapshotSha256
  criteria { id title status version evidence { id } }
  signatories { id roleTitle user { email } currentSignOff { id } }
  signOffs { id roleTitle snapshotSha256 withdrawal { reason } } }`;

describe('from the templates to the go/no-go sign-off', () => {
  let api: TestApi;
  let programmeId = '';
  const token: Partial<Record<Role, string>> = {};

  const as = async <T>(role: Role, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await api.gql<T>(query, variables, token[role]);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const programme = async <T>(fields: string, role: Role = 'ADMIN', vars = ''): Promise<T> =>
    (
      await as<{ programme: T }>(role, `query ($id: ID! ${vars}) { programme(id: $id) { ${fields} } }`, {
        id: programmeId,
      })
    ).programme;
  const gate = async (role: Role = 'ADMIN') => (await programme<{ gate: Gate }>(GATE, role)).gate;
  const itemCount = async () =>
    (await programme<{ readiness: { total: number } }>('readiness { total }')).readiness.total;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    for (const role of ['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const) token[role] = await api.login(role);
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('applies the seventeen workstream templates to the programme, then once more to no effect', async () => {
    const before = await itemCount();
    const { checklistTemplates } = await as<{
      checklistTemplates: { id: string; key: string; itemCount: number }[];
    }>('ADMIN', '{ checklistTemplates(kind: WORKSTREAM) { id key itemCount } }');
    expect(checklistTemplates).toHaveLength(17);

    const APPLY = `mutation ($input: ApplyChecklistTemplateInput!) { applyChecklistTemplate(input: $input) {
      __typename ... on ChecklistTemplateApplication { created { id } keptCount unchanged unresolvedDependencies dependenciesAdded }
      ... on Error { message } } }`;
    interface Applied {
      applyChecklistTemplate: {
        __typename: string;
        created: { id: string }[];
        keptCount: number;
        unchanged: boolean;
        unresolvedDependencies: string[];
        dependenciesAdded: number;
      };
    }
    let created = 0;
    let unresolved: string[] = [];
    for (const t of checklistTemplates) {
      const { applyChecklistTemplate: a } = await as<Applied>('ADMIN', APPLY, {
        input: { programmeId, templateId: t.id },
      });
      expect(a.__typename, t.key).toBe('ChecklistTemplateApplication');
      created += a.created.length;
      unresolved = a.unresolvedDependencies;
    }
    // Every template's items, and the cross-template dependencies all resolved once the last is in.
    expect(created).toBe(checklistTemplates.reduce((n, t) => n + t.itemCount, 0));
    expect(unresolved).toEqual([]);
    expect(await itemCount()).toBe(before + created);

    const again = await as<Applied>('ADMIN', APPLY, {
      input: { programmeId, templateId: checklistTemplates[0]!.id },
    });
    expect(again.applyChecklistTemplate).toMatchObject({ unchanged: true, created: [] });
    expect(await itemCount()).toBe(before + created);
  });

  it("applies the children's home re-registration to the residential service", async () => {
    const { services } = await programme<{
      services: { edges: { node: { id: string; key: string; checklistItems: { id: string }[] } }[] };
    }>('services(first: 50) { edges { node { id key checklistItems { id } } } }');
    const residential = services.edges.find((e) => e.node.key === 'residential')!.node;
    const { checklistTemplates } = await as<{
      checklistTemplates: { id: string; key: string; itemCount: number }[];
    }>('ADMIN', '{ checklistTemplates(kind: SERVICE) { id key itemCount } }');
    const home = checklistTemplates.find((t) => t.key === 'childrens-home-reregistration')!;
    const res = await as<{
      applyChecklistTemplate: { __typename: string; created?: { id: string }[]; field?: string };
    }>(
      'ADMIN',
      `mutation ($input: ApplyChecklistTemplateInput!) { applyChecklistTemplate(input: $input) {
        __typename ... on ChecklistTemplateApplication { created { id } } ... on ValidationError { field } } }`,
      { input: { programmeId, templateId: home.id, serviceId: residential.id } },
    );
    expect(res.applyChecklistTemplate.created).toHaveLength(home.itemCount);
    const after = await programme<{
      services: { edges: { node: { key: string; checklistItems: { id: string }[] } }[] };
    }>('services(first: 50) { edges { node { key checklistItems { id } } } }');
    expect(after.services.edges.find((e) => e.node.key === 'residential')!.node.checklistItems).toHaveLength(
      residential.checklistItems.length + home.itemCount,
    );
    // A service template needs a service: applied to the programme it is refused.
    const refused = await as<{ applyChecklistTemplate: { __typename: string; field?: string } }>(
      'ADMIN',
      `mutation ($input: ApplyChecklistTemplateInput!) { applyChecklistTemplate(input: $input) {
        __typename ... on ValidationError { field } } }`,
      { input: { programmeId, templateId: home.id } },
    );
    expect(refused.applyChecklistTemplate).toEqual({ __typename: 'ValidationError', field: 'serviceId' });
  });

  it('shows the critical path: a chain in order, the least slack on it, and whether 1 April is reachable', async () => {
    const { criticalPath: cp } = await programme<{ criticalPath: CriticalPath }>(`criticalPath { ${PATH} }`);
    expect(cp.transferDate).toBe('2023-04-01');
    expect(cp.deadline).toBe('2023-03-31'); // the last working day before Saturday 1 April
    expect(cp.path.length).toBeGreaterThan(1);
    // The path is a chain: each item starts no earlier than the one before it finishes.
    for (let i = 1; i < cp.path.length; i++) {
      expect(cp.path[i]!.earliestStart >= cp.path[i - 1]!.earliestFinish).toBe(true);
    }
    expect(cp.path.every((s) => s.critical)).toBe(true);
    // The path carries the least slack of any open item, and it ends at the projected finish.
    const leastSlack = Math.min(...cp.items.map((s) => s.totalSlack));
    expect(cp.path.every((s) => s.totalSlack === leastSlack)).toBe(true);
    expect(cp.path.at(-1)!.earliestFinish).toBe(cp.projectedFinish);
    expect(cp.reachable).toBe(cp.slackDays >= 0);
    expect(cp.items.filter((s) => !s.critical).every((s) => s.totalSlack > leastSlack)).toBe(true);
  });

  it('shows the Day-1 readiness matrix with its rule, the day-one critical items weighted', async () => {
    const p = await programme<{
      readinessRule: string;
      readiness: {
        total: number;
        weightApplicable: number;
        applicable: number;
        dayOneCritical: number;
        weightedShareComplete: number;
      };
      readinessMatrix: {
        workstream: { code: string };
        service: { key: string } | null;
        readiness: { total: number };
      }[];
    }>(
      `readinessRule readiness { total applicable weightApplicable dayOneCritical weightedShareComplete }
       readinessMatrix { workstream { code } service { key } readiness { total } }`,
    );
    expect(p.readinessRule).toMatch(/three times|3/);
    // A day-one critical item weighs three, any other one.
    expect(p.readiness.weightApplicable).toBeGreaterThan(p.readiness.applicable);
    expect(p.readiness.weightedShareComplete).toBeGreaterThanOrEqual(0);
    expect(p.readiness.weightedShareComplete).toBeLessThanOrEqual(1);
    // The matrix's cells add up to the programme's items.
    expect(p.readinessMatrix.reduce((n, c) => n + c.readiness.total, 0)).toBe(p.readiness.total);
    const residential = p.readinessMatrix.filter((c) => c.service?.key === 'residential');
    expect(residential.some((c) => c.workstream.code === 'OFSTED_REGULATION')).toBe(true);
  });

  it('moves the transfer date four weeks earlier in a what-if: items and milestones go late, nothing is stored', async () => {
    const before = await programme<{ transferDate: string; version: number; criticalPath: CriticalPath }>(
      `transferDate version criticalPath { ${PATH} }`,
    );
    const { whatIf } = await programme<{
      whatIf: {
        transferDate: string;
        reachable: boolean;
        lateItems: Scheduled[];
        lateMilestones: {
          milestone: { name: string };
          date: string;
          projectedDate: string;
          daysLate: number;
        }[];
        criticalPath: CriticalPath;
      };
    }>(
      `whatIf(transferDate: "2023-03-04") { transferDate reachable lateItems { ${SCHEDULED} }
        lateMilestones { milestone { name } date projectedDate daysLate } criticalPath { ${PATH} } }`,
    );
    expect(whatIf.transferDate).toBe('2023-03-04');
    expect(whatIf.criticalPath.deadline).toBe('2023-03-03');
    expect(whatIf.reachable).toBe(false);
    expect(whatIf.lateItems.length).toBeGreaterThan(0);
    expect(whatIf.lateItems.every((s) => s.daysLate > 0)).toBe(true);
    expect(whatIf.lateMilestones.length).toBeGreaterThan(0);
    // Four weeks less time: the slack shrinks by twenty working days.
    expect(whatIf.criticalPath.slackDays).toBe(before.criticalPath.slackDays - 20);

    const after = await programme<{ transferDate: string; version: number; criticalPath: CriticalPath }>(
      `transferDate version criticalPath { ${PATH} }`,
    );
    expect(after).toEqual(before);
  });

  it('runs the gate: criteria judged with evidence, a refused waiver, every signatory signs what they saw: GO', async () => {
    let g = await gate();
    expect(g.outcome).toBe('OPEN');

    // Evidence on the first criterion, then each criterion judged by the programme manager (ADMIN may judge
    // any criterion; an owner only their own, tested in my-work/ownership.test.ts).
    const evidence = await as<{ addEvidence: { __typename: string } }>(
      'ADMIN',
      `mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { __typename } }`,
      {
        input: {
          gateCriterionId: g.criteria[0]!.id,
          label: 'Day-1 readiness report to the board',
          file: {
            name: 'readiness.csv',
            contentType: 'text/csv',
            contentBase64: Buffer.from('workstream,ready\nICT,yes\n').toString('base64'),
          },
        },
      },
    );
    expect(evidence.addEvidence.__typename).toBe('Evidence');

    const JUDGE = `mutation ($input: UpdateGateCriterionInput!) { updateGateCriterion(input: $input) {
      __typename ... on ValidationError { field } } }`;
    const noRationale = await as<{ updateGateCriterion: { __typename: string; field?: string } }>(
      'ADMIN',
      JUDGE,
      {
        input: { id: g.criteria[1]!.id, expectedVersion: g.criteria[1]!.version, status: 'WAIVED' },
      },
    );
    expect(noRationale.updateGateCriterion).toEqual({ __typename: 'ValidationError', field: 'rationale' });
    for (const [i, c] of g.criteria.entries()) {
      const input =
        i === 1
          ? {
              id: c.id,
              expectedVersion: c.version,
              status: 'WAIVED',
              rationale: 'Agreed with DfE: interim cover',
            }
          : { id: c.id, expectedVersion: c.version, status: 'PASS' };
      const r = await as<{ updateGateCriterion: { __typename: string } }>('ADMIN', JUDGE, { input });
      expect(r.updateGateCriterion.__typename).toBe('GateCriterion');
    }
    g = await gate();
    expect(g.criteria[0]!.evidence).toHaveLength(1);
    expect(g.outcome).toBe('OPEN');
    expect(g.outcomeReasons.every((r) => r.startsWith('No current sign-off'))).toBe(true);
    expect(g.outcomeReasons).toHaveLength(g.signatories.length);

    const SIGN = `mutation ($input: SignGateInput!) { signGate(input: $input) {
      __typename ... on GateSignOff { id snapshot snapshotSha256 } ... on Error { message } } }`;
    const roleOf = (email: string) => email.split('@')[0]!.toUpperCase() as Role;

    // Someone else cannot sign as a signatory.
    const dcs = g.signatories[0]!;
    const other = (['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const).find((r) => r !== roleOf(dcs.user.email))!;
    const notYou = await as<{ signGate: { __typename: string } }>(other, SIGN, {
      input: { signatoryId: dcs.id, expectedSnapshotSha256: g.snapshotSha256 },
    });
    expect(notYou.signGate.__typename).toBe('SignOffRefusedError');

    for (const s of g.signatories) {
      const role = roleOf(s.user.email);
      const seen = await gate(role);
      const signed = await as<{ signGate: { __typename: string; snapshot: string; snapshotSha256: string } }>(
        role,
        SIGN,
        { input: { signatoryId: s.id, expectedSnapshotSha256: seen.snapshotSha256 } },
      );
      expect(signed.signGate.__typename, s.roleTitle).toBe('GateSignOff');
      // What they saw, exactly: the snapshot and its SHA-256.
      expect(signed.signGate.snapshot).toBe(seen.snapshot);
      expect(createHash('sha256').update(signed.signGate.snapshot).digest('hex')).toBe(seen.snapshotSha256);
    }
    g = await gate('VIEWER');
    expect(g.outcome).toBe('GO');
    expect(g.outcomeReasons).toEqual([]);

    // One signatory withdraws with a reason: NO-GO, both records kept; they sign again: GO.
    const s151 = g.signatories[1]!;
    const withdrawn = await as<{ withdrawGateSignOff: { __typename: string } }>(
      roleOf(s151.user.email),
      `mutation ($input: WithdrawGateSignOffInput!) { withdrawGateSignOff(input: $input) { __typename } }`,
      {
        input: {
          signOffId: s151.currentSignOff!.id,
          reason: 'The pension admission agreement is not signed yet',
        },
      },
    );
    expect(withdrawn.withdrawGateSignOff.__typename).toBe('GateSignOffWithdrawal');
    g = await gate();
    expect(g.outcome).toBe('OPEN');
    expect(g.outcomeReasons).toEqual([`No current sign-off from the ${s151.roleTitle}.`]);

    const again = await as<{ signGate: { __typename: string } }>(roleOf(s151.user.email), SIGN, {
      input: { signatoryId: s151.id, expectedSnapshotSha256: g.snapshotSha256 },
    });
    expect(again.signGate.__typename).toBe('GateSignOff');
    g = await gate();
    expect(g.outcome).toBe('GO');
    expect(g.signOffs).toHaveLength(g.signatories.length + 1);
    expect(g.signOffs.filter((s) => s.withdrawal).map((s) => s.withdrawal!.reason)).toEqual([
      'The pension admission agreement is not signed yet',
    ]);
  });

  it("lets a partner see the readiness and the gate's outcome, never who signed", async () => {
    const party = await api.handle.db
      .selectFrom('data_sharing_agreement_party')
      .select('organisation_id')
      .executeTakeFirstOrThrow();
    const { token: partner } = await createApiToken(
      api.handle.db,
      { name: 'Go-live journey', organisationId: party.organisation_id, expiresOn: '2023-03-31' },
      null,
      new Date('2023-02-15T12:00:00Z'),
    );
    const staff = await programme<{ readiness: { weightedShareComplete: number } }>(
      'readiness { weightedShareComplete }',
    );
    const seen = await api.gql<{
      programme: {
        gate: { outcome: string; outcomeReasons: string[] };
        readiness: { weightedShareComplete: number };
      };
    }>(
      `query ($id: ID!) { programme(id: $id) { readiness { weightedShareComplete } gate { outcome outcomeReasons } } }`,
      { id: programmeId },
      partner,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.programme).toEqual({
      readiness: staff.readiness,
      gate: { outcome: 'GO', outcomeReasons: [] },
    });
    const who = await api.gql(
      `query ($id: ID!) { programme(id: $id) { gate { signOffs { id } } } }`,
      { id: programmeId },
      partner,
    );
    expect(who.errors?.[0]?.message).toMatch(/signOffs/);
  });
});
