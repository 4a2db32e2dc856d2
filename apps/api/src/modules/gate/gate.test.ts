import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

const GATE = `query ($id: ID!) {
  programme(id: $id) {
    gate {
      id name decisionDue outcome outcomeReasons snapshot snapshotSha256
      criteria { id title owner status rationale version evidence { id kind label url fileName sizeBytes sha256 removedAt } }
      signatories { id roleTitle viewerIsSignatory user { email } currentSignOff { id } }
      signOffs { id roleTitle snapshot snapshotSha256 user { email } withdrawal { reason user { email } } }
    }
  }
}`;

interface GateData {
  id: string;
  name: string;
  decisionDue: string;
  outcome: 'GO' | 'OPEN' | 'NO_GO';
  outcomeReasons: string[];
  snapshot: string;
  snapshotSha256: string;
  criteria: {
    id: string;
    title: string;
    owner: string;
    status: string;
    rationale: string | null;
    version: number;
    evidence: {
      id: string;
      kind: string;
      label: string;
      url: string | null;
      fileName: string | null;
      sizeBytes: number | null;
      sha256: string | null;
      removedAt: string | null;
    }[];
  }[];
  signatories: {
    id: string;
    roleTitle: string;
    viewerIsSignatory: boolean;
    user: { email: string };
    currentSignOff: { id: string } | null;
  }[];
  signOffs: {
    id: string;
    roleTitle: string;
    snapshot: string;
    snapshotSha256: string;
    user: { email: string };
    withdrawal: { reason: string; user: { email: string } } | null;
  }[];
}

const SIGN = `mutation ($input: SignGateInput!) {
  signGate(input: $input) { __typename ... on GateSignOff { id roleTitle snapshotSha256 } ... on Error { message } ... on ValidationError { field } }
}`;
const WITHDRAW = `mutation ($input: WithdrawGateSignOffInput!) {
  withdrawGateSignOff(input: $input) { __typename ... on GateSignOffWithdrawal { reason } ... on Error { message } ... on ValidationError { field } }
}`;
const JUDGE = `mutation ($input: UpdateGateCriterionInput!) {
  updateGateCriterion(input: $input) { __typename ... on GateCriterion { status rationale version } ... on Error { message } ... on ValidationError { field } }
}`;

describe('the go/no-go gate', () => {
  let api: TestApi;
  let programmeId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    for (const role of ['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const) tokens[role] = await api.login(role);
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  async function gate(token = tokens.VIEWER!): Promise<GateData> {
    const res = await api.gql<{ programme: { gate: GateData } }>(GATE, { id: programmeId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.programme.gate;
  }
  const signatory = (g: GateData, email: string) => g.signatories.find((s) => s.user.email === email)!;

  it('is seeded with the 6.6 criteria and four signatories, nothing signed, OPEN (five weeks before its decision date, nothing failed); a viewer reads it all', async () => {
    const g = await gate();
    expect(g.name).toBe('Go/no-go: 1 April 2023');
    expect(g.criteria).toHaveLength(14);
    expect(g.criteria.every((c) => c.status === 'PENDING')).toBe(true);
    expect(g.signatories.map((s) => s.roleTitle)).toEqual([
      'Director of Children’s Services (DCS)',
      's151 officer',
      'Monitoring officer',
      'Trust chief executive',
    ]);
    expect(g.signOffs).toEqual([]);
    expect(g.outcome).toBe('OPEN');
    expect(g.outcomeReasons).toHaveLength(14 + 4);
    // The snapshot is what would be signed, and its hash is its SHA-256.
    expect(createHash('sha256').update(g.snapshot).digest('hex')).toBe(g.snapshotSha256);
    const snap = JSON.parse(g.snapshot) as {
      criteria: unknown[];
      readiness: { weightedShareComplete: number };
    };
    expect(snap.criteria).toHaveLength(14);
    expect(snap.readiness.weightedShareComplete).toBeGreaterThan(0);
    // Only the viewer's own signatory row says so.
    expect(g.signatories.filter((s) => s.viewerIsSignatory).map((s) => s.user.email)).toEqual([
      'viewer@handover.example',
    ]);
  });

  it('needs a rationale to waive a criterion, and saves it with one', async () => {
    const c = (await gate()).criteria[0]!;
    const refused = await api.gql<{ updateGateCriterion: Record<string, unknown> }>(
      JUDGE,
      { input: { id: c.id, expectedVersion: c.version, status: 'WAIVED', rationale: '  ' } },
      tokens.ADMIN,
    );
    expect(refused.data!.updateGateCriterion).toMatchObject({
      __typename: 'ValidationError',
      field: 'rationale',
    });
    expect(refused.data!.updateGateCriterion.message).toMatch(/rationale/);
    // The database holds the same rule.
    await expect(
      sql`update gate_criterion set status = 'WAIVED', rationale = null where id = ${rowId(c.id)}`.execute(
        api.handle.db,
      ),
    ).rejects.toThrow();
    const ok = await api.gql<{ updateGateCriterion: Record<string, unknown> }>(
      JUDGE,
      {
        input: {
          id: c.id,
          expectedVersion: c.version,
          status: 'WAIVED',
          rationale: 'Signed in draft; the seal follows',
        },
      },
      tokens.ADMIN,
    );
    expect(ok.data!.updateGateCriterion).toEqual({
      __typename: 'GateCriterion',
      status: 'WAIVED',
      rationale: 'Signed in draft; the seal follows',
      version: c.version + 1,
    });
    // A viewer may not judge criteria.
    const viewer = await api.gql(
      JUDGE,
      { input: { id: c.id, expectedVersion: c.version + 1, status: 'PASS' } },
      tokens.VIEWER,
    );
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is NO-GO once a criterion fails, before its decision date too, and OPEN again when it is pending', async () => {
    const c = (await gate()).criteria[1]!;
    const failed = await api.gql<{ updateGateCriterion: { version: number } }>(
      JUDGE,
      { input: { id: c.id, expectedVersion: c.version, status: 'FAIL' } },
      tokens.ADMIN,
    );
    let g = await gate();
    expect(g.outcome).toBe('NO_GO');
    expect(g.outcomeReasons).toContain(`Criterion “${c.title}” has failed.`);
    await api.gql(
      JUDGE,
      { input: { id: c.id, expectedVersion: failed.data!.updateGateCriterion.version, status: 'PENDING' } },
      tokens.ADMIN,
    );
    g = await gate();
    expect(g.outcome).toBe('OPEN');
  });

  it('lets only the named signatory sign, on the snapshot they read; the sign-off cannot be edited', async () => {
    const g = await gate(tokens.ADMIN);
    const dcs = signatory(g, 'admin@handover.example');
    // Someone else may not sign as the DCS.
    const other = await api.gql<{ signGate: Record<string, unknown> }>(
      SIGN,
      { input: { signatoryId: dcs.id, expectedSnapshotSha256: g.snapshotSha256 } },
      tokens.VIEWER,
    );
    expect(other.data!.signGate.__typename).toBe('SignOffRefusedError');
    // A stale snapshot is refused.
    const stale = await api.gql<{ signGate: Record<string, unknown> }>(
      SIGN,
      { input: { signatoryId: dcs.id, expectedSnapshotSha256: 'f'.repeat(64) } },
      tokens.ADMIN,
    );
    expect(stale.data!.signGate).toMatchObject({
      __typename: 'ValidationError',
      field: 'expectedSnapshotSha256',
    });
    // The DCS signs what they read, though criteria are pending: recorded, and the gate stays OPEN.
    const signed = await api.gql<{ signGate: { __typename: string; id: string; snapshotSha256: string } }>(
      SIGN,
      { input: { signatoryId: dcs.id, expectedSnapshotSha256: g.snapshotSha256 } },
      tokens.ADMIN,
    );
    expect(signed.data!.signGate).toMatchObject({
      __typename: 'GateSignOff',
      snapshotSha256: g.snapshotSha256,
    });
    const after = await gate();
    expect(after.signOffs).toHaveLength(1);
    expect(after.signOffs[0]!.snapshot).toBe(g.snapshot);
    expect(after.signOffs[0]!.user.email).toBe('admin@handover.example');
    expect(signatory(after, 'admin@handover.example').currentSignOff?.id).toBe(signed.data!.signGate.id);
    expect(after.outcome).toBe('OPEN');
    expect(after.outcomeReasons).not.toContain(
      'No current sign-off from the Director of Children’s Services (DCS).',
    );
    // Signing twice is refused.
    const again = await api.gql<{ signGate: Record<string, unknown> }>(
      SIGN,
      { input: { signatoryId: dcs.id, expectedSnapshotSha256: after.snapshotSha256 } },
      tokens.ADMIN,
    );
    expect(again.data!.signGate).toMatchObject({ __typename: 'ValidationError', field: 'signatoryId' });
    // The API has no write that edits a sign-off, and the database refuses one.
    const mutations = await api.gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { mutationType { fields { name } } } }',
      {},
      tokens.ADMIN,
    );
    const names = mutations
      .data!.__schema.mutationType.fields.map((f) => f.name)
      .filter((n) => /signoff|signgate/i.test(n));
    expect(names.sort()).toEqual(['signGate', 'withdrawGateSignOff']);
    const id = rowId(signed.data!.signGate.id);
    await expect(
      sql`update gate_sign_off set snapshot = '{}' where id = ${id}`.execute(api.handle.db),
    ).rejects.toThrow(/never changed/);
    await expect(sql`delete from gate_sign_off where id = ${id}`.execute(api.handle.db)).rejects.toThrow(
      /never changed/,
    );
    const row = await api.handle.db
      .selectFrom('gate_sign_off')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.snapshot).toBe(g.snapshot);
    // Audited, with field names only.
    const events = await api.handle.db
      .selectFrom('audit_event')
      .select(['kind', 'operation', 'reason'])
      .where('operation', '=', 'signGate')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['REFUSED', 'REFUSED', 'WRITE', 'REFUSED']);
    expect(events[0]!.reason).toBe('FORBIDDEN: NOT_THE_SIGNATORY');
  });

  it('withdraws a sign-off with a reason, by its signer only, keeping both', async () => {
    const g = await gate(tokens.ADMIN);
    const signOff = g.signOffs[0]!;
    const noReason = await api.gql<{ withdrawGateSignOff: Record<string, unknown> }>(
      WITHDRAW,
      { input: { signOffId: signOff.id, reason: ' ' } },
      tokens.ADMIN,
    );
    expect(noReason.data!.withdrawGateSignOff).toMatchObject({
      __typename: 'ValidationError',
      field: 'reason',
    });
    const other = await api.gql<{ withdrawGateSignOff: Record<string, unknown> }>(
      WITHDRAW,
      { input: { signOffId: signOff.id, reason: 'not mine' } },
      tokens.HR,
    );
    expect(other.data!.withdrawGateSignOff.__typename).toBe('SignOffRefusedError');
    const ok = await api.gql<{ withdrawGateSignOff: Record<string, unknown> }>(
      WITHDRAW,
      { input: { signOffId: signOff.id, reason: 'Payroll reconciliation reopened' } },
      tokens.ADMIN,
    );
    expect(ok.data!.withdrawGateSignOff).toEqual({
      __typename: 'GateSignOffWithdrawal',
      reason: 'Payroll reconciliation reopened',
    });
    const after = await gate();
    expect(after.signOffs).toHaveLength(1);
    expect(after.signOffs[0]!.snapshot).toBe(signOff.snapshot);
    expect(after.signOffs[0]!.withdrawal).toEqual({
      reason: 'Payroll reconciliation reopened',
      user: { email: 'admin@handover.example' },
    });
    expect(signatory(after, 'admin@handover.example').currentSignOff).toBeNull();
    expect(after.outcomeReasons).toContain(
      'No current sign-off from the Director of Children’s Services (DCS).',
    );
    await expect(sql`delete from gate_sign_off_withdrawal`.execute(api.handle.db)).rejects.toThrow(
      /never changed/,
    );
  });

  it('is GO once every criterion is PASS or WAIVED and all four have signed', async () => {
    let g = await gate(tokens.ADMIN);
    for (const c of g.criteria.filter((x) => x.status !== 'PASS' && x.status !== 'WAIVED')) {
      const res = await api.gql<{ updateGateCriterion: { __typename: string } }>(
        JUDGE,
        { input: { id: c.id, expectedVersion: c.version, status: 'PASS' } },
        // An ADMIN judges any criterion (an EDITOR only those of the workstreams they lead).
        tokens.ADMIN,
      );
      expect(res.data!.updateGateCriterion.__typename).toBe('GateCriterion');
    }
    g = await gate(tokens.ADMIN);
    expect(g.outcomeReasons).toHaveLength(4);
    const emails = [
      'admin@handover.example',
      'viewer@handover.example',
      'editor@handover.example',
      'hr@handover.example',
    ];
    const roles = {
      'admin@handover.example': 'ADMIN',
      'viewer@handover.example': 'VIEWER',
      'editor@handover.example': 'EDITOR',
      'hr@handover.example': 'HR',
    } as const;
    for (const [i, email] of emails.entries()) {
      const token = tokens[roles[email as keyof typeof roles]]!;
      const now = await gate(token);
      const res = await api.gql<{ signGate: { __typename: string } }>(
        SIGN,
        { input: { signatoryId: signatory(now, email).id, expectedSnapshotSha256: now.snapshotSha256 } },
        token,
      );
      expect(res.data!.signGate.__typename, email).toBe('GateSignOff');
      const after = await gate();
      expect(after.outcome).toBe(i === emails.length - 1 ? 'GO' : 'OPEN');
    }
    const done = await gate();
    expect(done.outcomeReasons).toEqual([]);
    expect(done.signOffs).toHaveLength(5);
  });

  it('shows partners the outcome and weighted readiness, never the people', async () => {
    const org = await api.handle.db
      .selectFrom('organisation')
      .select('id')
      .where('key', '=', 'wy-police')
      .executeTakeFirstOrThrow();
    const created = await api.gql<{ createApiToken: { token: string } }>(
      `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { ... on ApiTokenCreated { token } } }`,
      {
        input: {
          name: 'Gate test',
          organisationId: Buffer.from(`Organisation:${org.id}`).toString('base64'),
          expiresOn: '2023-06-01',
        },
      },
      tokens.ADMIN,
    );
    const token = created.data!.createApiToken.token;
    const res = await api.gql<{
      programme: {
        gate: { outcome: string; outcomeReasons: string[] };
        readiness: { weightedShareComplete: number; rag: string };
      };
    }>(
      `query ($id: ID!) { programme(id: $id) { gate { name outcome outcomeReasons } readiness { weightedShareComplete rag } } }`,
      { id: programmeId },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.programme.gate.outcome).toBe('GO');
    expect(['RED', 'AMBER', 'GREEN']).toContain(res.data!.programme.readiness.rag);
    const people = await api.gql(
      `query ($id: ID!) { programme(id: $id) { gate { signatories { user { email } } } } }`,
      { id: programmeId },
      token,
    );
    expect(people.errors?.[0]?.message).toMatch(/signatories/);
  });
});

describe('the gate after its decision date', () => {
  it('is NO-GO once the decision date has passed unmet, saying so', async () => {
    // The demo gate decides on 24 March 2023; the day after, nothing judged, it is NO-GO.
    const api = await startTestApi({ today: '2023-03-25' });
    try {
      const res = await api.gql<{ programme: { gate: GateData } }>(
        GATE,
        { id: await api.programmeId() },
        await api.login('VIEWER'),
      );
      expect(res.data!.programme.gate.outcome).toBe('NO_GO');
      expect(res.data!.programme.gate.outcomeReasons[0]).toBe(
        'The decision date, 24 March 2023, has passed with the gate not met.',
      );
    } finally {
      await api.close();
    }
  });
});

describe('evidence', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('ADMIN');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const ADD = `mutation ($input: AddEvidenceInput!) {
    addEvidence(input: $input) { __typename ... on Evidence { id kind label url fileName contentType sizeBytes sha256 } ... on Error { message } ... on ValidationError { field } }
  }`;

  it('uploads a file to a checklist item and downloads the same bytes; links too; removal keeps it', async () => {
    const item = await api.handle.db
      .selectFrom('checklist_item')
      .select('id')
      .orderBy('ref')
      .executeTakeFirstOrThrow();
    const itemId = Buffer.from(`ChecklistItem:${item.id}`).toString('base64');
    const bytes = Buffer.from('%PDF-1.4 the signed contract\n');
    const up = await api.gql<{ addEvidence: Record<string, unknown> }>(
      ADD,
      {
        input: {
          checklistItemId: itemId,
          file: {
            name: 'C:\\fakepath\\contract.pdf',
            contentType: 'application/pdf',
            contentBase64: bytes.toString('base64'),
          },
        },
      },
      admin,
    );
    expect(up.data!.addEvidence).toMatchObject({
      __typename: 'Evidence',
      kind: 'FILE',
      fileName: 'contract.pdf',
      label: 'contract.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const id = up.data!.addEvidence.id as string;
    const down = await api.gql<{ node: { contentBase64: string } }>(
      `query ($id: ID!) { node(id: $id) { ... on Evidence { contentBase64 } } }`,
      { id },
      await api.login('VIEWER'),
    );
    expect(Buffer.from(down.data!.node.contentBase64, 'base64').equals(bytes)).toBe(true);

    const link = await api.gql<{ addEvidence: Record<string, unknown> }>(
      ADD,
      { input: { checklistItemId: itemId, url: 'https://example.org/minutes', label: 'Board minutes' } },
      admin,
    );
    expect(link.data!.addEvidence).toMatchObject({
      kind: 'LINK',
      url: 'https://example.org/minutes',
      label: 'Board minutes',
    });
    const bad = await api.gql<{ addEvidence: Record<string, unknown> }>(
      ADD,
      { input: { checklistItemId: itemId, url: 'javascript:alert(1)' } },
      admin,
    );
    expect(bad.data!.addEvidence).toMatchObject({ __typename: 'ValidationError', field: 'url' });
    const both = await api.gql<{ addEvidence: Record<string, unknown> }>(
      ADD,
      { input: { checklistItemId: itemId } },
      admin,
    );
    expect(both.data!.addEvidence).toMatchObject({ __typename: 'ValidationError', field: 'input' });

    const removed = await api.gql<{ removeEvidence: { __typename: string; removedAt?: string } }>(
      `mutation ($id: ID!) { removeEvidence(id: $id) { __typename ... on Evidence { removedAt } } }`,
      { id },
      admin,
    );
    expect(removed.data!.removeEvidence.__typename).toBe('Evidence');
    expect(removed.data!.removeEvidence.removedAt).toBeTruthy();
    const listed = await api.gql<{
      node: { attachedEvidence: { fileName: string | null; removedAt: string | null }[] };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on ChecklistItem { attachedEvidence { fileName removedAt } } } }`,
      { id: itemId },
      admin,
    );
    expect(listed.data!.node.attachedEvidence).toHaveLength(2);
    // Both kept, the removed file marked removed (the test clock stands still, so find it by name).
    const file = listed.data!.node.attachedEvidence.find((e) => e.fileName === 'contract.pdf');
    expect(file?.removedAt).toBeTruthy();
    expect(listed.data!.node.attachedEvidence.find((e) => e.fileName === null)?.removedAt).toBeNull();
    // Kept with the item's history: the audit events name the item, and no file content.
    const events = await api.handle.db
      .selectFrom('audit_event')
      .select(['kind', 'operation', 'fields'])
      .where('entity_type', '=', 'ChecklistItem')
      .where('entity_id', '=', item.id)
      .orderBy('id')
      .execute();
    expect(events.filter((e) => e.kind === 'WRITE').map((e) => e.operation)).toEqual([
      'addEvidence',
      'addEvidence',
      'removeEvidence',
    ]);
  });

  it('refuses a file over 10 MB, naming the limit, and an editor outside the workstream', async () => {
    const criterion = await api.handle.db
      .selectFrom('gate_criterion')
      .select('id')
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const big = Buffer.alloc(10 * 1024 * 1024 + 3, 1).toString('base64');
    const res = await api.gql<{ addEvidence: Record<string, unknown> }>(
      ADD,
      {
        input: {
          gateCriterionId: Buffer.from(`GateCriterion:${criterion.id}`).toString('base64'),
          file: { name: 'big.bin', contentBase64: big },
        },
      },
      admin,
    );
    expect(res.data!.addEvidence).toMatchObject({
      __typename: 'ValidationError',
      field: 'file.contentBase64',
    });
    expect(res.data!.addEvidence.message).toMatch(/10 MB/);
    const editor = await api.login('EDITOR');
    const notLed = await api.handle.db
      .selectFrom('checklist_item')
      .select('id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('user_workstream')
              .innerJoin('app_user', 'app_user.id', 'user_workstream.user_id')
              .select('user_workstream.user_id')
              .whereRef('user_workstream.workstream_id', '=', 'checklist_item.workstream_id')
              .where('app_user.email', '=', 'editor@handover.example'),
          ),
        ),
      )
      .orderBy('ref')
      .executeTakeFirstOrThrow();
    const refused = await api.gql<{ addEvidence: Record<string, unknown> }>(
      ADD,
      {
        input: {
          checklistItemId: Buffer.from(`ChecklistItem:${notLed.id}`).toString('base64'),
          url: 'https://example.org/x',
        },
      },
      editor,
    );
    expect(refused.data!.addEvidence.__typename).toBe('ForbiddenError');
  });
});
