/**
 * Setting up the go/no-go gate (ADMIN): creating it, renaming it, its criteria
 * and its required signatories, and what removing them does to the outcome.
 * Who may ask (ADMIN only) is the access matrix's test.
 */
import { transferInstant } from '@handover/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

const GATE_FIELDS = `id name decisionDue version outcome outcomeReasons snapshot snapshotSha256
  criteria { id position title owner status version }
  signatories { id position roleTitle removedAt user { email } currentSignOff { id } }
  signOffs { id snapshot withdrawal { reason } signatory { id removedAt } }`;
const GATE = `query ($id: ID!) { programme(id: $id) { gate { ${GATE_FIELDS} } } }`;
const SIGN_ERROR = '... on Error { message } ... on ValidationError { field }';
const ERROR = `${SIGN_ERROR} ... on ConflictError { currentVersion }`;

interface GateData {
  id: string;
  name: string;
  decisionDue: string;
  version: number;
  outcome: 'GO' | 'OPEN' | 'NO_GO';
  outcomeReasons: string[];
  snapshot: string;
  snapshotSha256: string;
  criteria: { id: string; position: number; title: string; owner: string; status: string; version: number }[];
  signatories: {
    id: string;
    position: number;
    roleTitle: string;
    removedAt: string | null;
    user: { email: string };
    currentSignOff: { id: string } | null;
  }[];
  signOffs: {
    id: string;
    snapshot: string;
    withdrawal: { reason: string } | null;
    signatory: { id: string; removedAt: string | null };
  }[];
}

type Answer = Record<string, unknown> & { __typename: string };

const M = {
  createGate: `mutation ($input: CreateGateInput!) { createGate(input: $input) { __typename ... on Gate { id name decisionDue outcome outcomeReasons } ${ERROR} } }`,
  updateGate: `mutation ($input: UpdateGateInput!) { updateGate(input: $input) { __typename ... on Gate { name decisionDue version } ${ERROR} } }`,
  addGateCriterion: `mutation ($input: AddGateCriterionInput!) { addGateCriterion(input: $input) { __typename ... on GateCriterion { id position title owner status } ${ERROR} } }`,
  updateGateCriterionDetails: `mutation ($input: UpdateGateCriterionDetailsInput!) { updateGateCriterionDetails(input: $input) { __typename ... on GateCriterion { title owner status version } ${ERROR} } }`,
  removeGateCriterion: `mutation ($input: RemoveGateCriterionInput!) { removeGateCriterion(input: $input) { __typename ... on Gate { outcome outcomeReasons criteria { title position } } ${ERROR} } }`,
  addGateSignatory: `mutation ($input: AddGateSignatoryInput!) { addGateSignatory(input: $input) { __typename ... on GateSignatory { id position roleTitle user { email } } ${ERROR} } }`,
  removeGateSignatory: `mutation ($input: RemoveGateSignatoryInput!) { removeGateSignatory(input: $input) { __typename ... on Gate { signatories { roleTitle position } } ${ERROR} } }`,
  judge: `mutation ($input: UpdateGateCriterionInput!) { updateGateCriterion(input: $input) { __typename ${ERROR} } }`,
  sign: `mutation ($input: SignGateInput!) { signGate(input: $input) { __typename ... on GateSignOff { id } ${SIGN_ERROR} } }`,
  withdraw: `mutation ($input: WithdrawGateSignOffInput!) { withdrawGateSignOff(input: $input) { __typename ${SIGN_ERROR} } }`,
};

describe('setting up the go/no-go gate', () => {
  let api: TestApi;
  let programmeId: string;
  let otherProgrammeId: string;
  const tokens: Record<string, string> = {};
  const users = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    for (const role of ['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const) tokens[role] = await api.login(role);
    const list = await api.gql<{ users: { id: string; email: string }[] }>(
      '{ users { id email } }',
      {},
      tokens.ADMIN,
    );
    for (const u of list.data!.users) users.set(u.email, u.id);
    // A second programme, with no gate yet.
    const db = api.handle.db;
    const orgs = await db.selectFrom('organisation').select('id').orderBy('id').limit(2).execute();
    const programme = await db
      .insertInto('programme')
      .values({
        name: 'Testshire transfer',
        transferor_id: orgs[0]!.id,
        transferee_id: orgs[1]!.id,
        transfer_at: transferInstant('2024-10-01'),
        status: 'PLANNING',
        risk_bands: JSON.stringify([{ band: 'LOW', min: 1, max: 25 }]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    otherProgrammeId = encodeGlobalID('Programme', programme.id);
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  async function gateOf(programme = programmeId): Promise<GateData> {
    const res = await api.gql<{ programme: { gate: GateData } }>(GATE, { id: programme }, tokens.ADMIN);
    expect(res.errors).toBeUndefined();
    return res.data!.programme.gate;
  }
  async function call(name: keyof typeof M, input: Record<string, unknown>, token = tokens.ADMIN) {
    const res = await api.gql<Record<string, Answer>>(M[name], { input }, token);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0]!;
  }
  const lastAudit = (operation: string) =>
    api.handle.db
      .selectFrom('audit_event')
      .select(['kind', 'entity_type', 'entity_id', 'fields', 'reason', 'version_before', 'version_after'])
      .where('operation', '=', operation)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
  const rowCount = async (table: 'gate' | 'gate_criterion' | 'gate_signatory') =>
    Number(
      (
        await api.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates a gate for a programme that has none, and refuses a second one, naming the first', async () => {
    const gates = await rowCount('gate');
    const second = await call('createGate', { programmeId, name: 'Another gate', decisionDue: '2023-03-20' });
    expect(second).toMatchObject({ __typename: 'ValidationError', field: 'programmeId' });
    expect(second.message).toContain('“Go/no-go: 1 April 2023”');
    const empty = await call('createGate', {
      programmeId: otherProgrammeId,
      name: '  ',
      decisionDue: '2024-09-20',
    });
    expect(empty).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    const late = await call('createGate', {
      programmeId: otherProgrammeId,
      name: 'Go/no-go: Testshire',
      decisionDue: '2024-10-02',
    });
    expect(late).toMatchObject({ __typename: 'ValidationError', field: 'decisionDue' });
    expect(late.message).toContain('2024-10-01');
    // Not a date at all: refused by the Date type, naming the field.
    const bad = await api.gql(
      M.createGate,
      { input: { programmeId: otherProgrammeId, name: 'Go/no-go: Testshire', decisionDue: '2024-02-30' } },
      tokens.ADMIN,
    );
    expect(bad.errors?.[0]?.message).toMatch(/input\.decisionDue.*YYYY-MM-DD/);
    expect(await rowCount('gate')).toBe(gates);

    const made = await call('createGate', {
      programmeId: otherProgrammeId,
      name: ' Go/no-go: Testshire ',
      decisionDue: '2024-09-20',
    });
    expect(made).toMatchObject({
      __typename: 'Gate',
      name: 'Go/no-go: Testshire',
      decisionDue: '2024-09-20',
      outcome: 'OPEN',
      outcomeReasons: ['The gate has no criteria.', 'The gate has no required signatories.'],
    });
    expect(await rowCount('gate')).toBe(gates + 1);
    expect(await lastAudit('createGate')).toMatchObject({
      kind: 'WRITE',
      entity_type: 'Gate',
      entity_id: rowId(made.id as string),
      version_after: 1,
    });
  });

  it('renames the gate and moves its decision date at the version read; a stale or bad update changes nothing', async () => {
    const g = await gateOf();
    const ok = await call('updateGate', {
      id: g.id,
      expectedVersion: g.version,
      name: 'Go/no-go: Bradford, 1 April 2023',
      decisionDue: '2023-03-27',
    });
    expect(ok).toEqual({
      __typename: 'Gate',
      name: 'Go/no-go: Bradford, 1 April 2023',
      decisionDue: '2023-03-27',
      version: g.version + 1,
    });
    const event = await lastAudit('updateGate');
    expect(event).toMatchObject({ kind: 'WRITE', version_before: g.version, version_after: g.version + 1 });
    expect([...event.fields].sort()).toEqual(['decision_due', 'name']);

    const stale = await call('updateGate', { id: g.id, expectedVersion: g.version, name: 'Overwritten' });
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: g.version + 1 });
    const blank = await call('updateGate', { id: g.id, expectedVersion: g.version + 1, name: '' });
    expect(blank).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    const late = await call('updateGate', {
      id: g.id,
      expectedVersion: g.version + 1,
      decisionDue: '2023-04-02',
    });
    expect(late).toMatchObject({ __typename: 'ValidationError', field: 'decisionDue' });
    const nothing = await call('updateGate', { id: g.id, expectedVersion: g.version + 1 });
    expect(nothing).toMatchObject({ __typename: 'ValidationError' });
    const after = await gateOf();
    expect(after).toMatchObject({
      name: 'Go/no-go: Bradford, 1 April 2023',
      decisionDue: '2023-03-27',
      version: g.version + 1,
    });
    expect((await lastAudit('updateGate')).kind).toBe('REFUSED');
    // Not for other roles.
    const editor = await api.gql(
      M.updateGate,
      { input: { id: g.id, expectedVersion: g.version + 1, name: 'By an editor' } },
      tokens.EDITOR,
    );
    expect(editor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('adds a criterion at the end, PENDING, and changes its title and owner; bad input changes nothing', async () => {
    const g = await gateOf();
    const noTitle = await call('addGateCriterion', { gateId: g.id, title: ' ', owner: 'Finance' });
    expect(noTitle).toMatchObject({ __typename: 'ValidationError', field: 'title' });
    const noOwner = await call('addGateCriterion', { gateId: g.id, title: 'Payroll cut-over', owner: '' });
    expect(noOwner).toMatchObject({ __typename: 'ValidationError', field: 'owner' });
    const tooLong = await call('addGateCriterion', {
      gateId: g.id,
      title: 'x'.repeat(301),
      owner: 'Finance',
    });
    expect(tooLong).toMatchObject({ __typename: 'ValidationError', field: 'title' });
    expect((await gateOf()).criteria).toEqual(g.criteria);

    const added = await call('addGateCriterion', {
      gateId: g.id,
      title: 'Payroll cut-over signed off',
      owner: 'Finance',
    });
    expect(added).toMatchObject({
      __typename: 'GateCriterion',
      position: g.criteria.length,
      title: 'Payroll cut-over signed off',
      owner: 'Finance',
      status: 'PENDING',
    });
    const after = await gateOf();
    expect(after.criteria.map((c) => c.position)).toEqual([...Array(g.criteria.length + 1).keys()]);
    expect(after.outcomeReasons).toContain('Criterion “Payroll cut-over signed off” is still pending.');
    expect((JSON.parse(after.snapshot) as { criteria: { title: string }[] }).criteria.at(-1)).toMatchObject({
      title: 'Payroll cut-over signed off',
    });
    expect(await lastAudit('addGateCriterion')).toMatchObject({
      kind: 'WRITE',
      entity_type: 'GateCriterion',
      entity_id: rowId(added.id as string),
    });

    const c = after.criteria.at(-1)!;
    const changed = await call('updateGateCriterionDetails', {
      id: c.id,
      expectedVersion: c.version,
      title: 'Payroll cut-over reconciled',
      owner: 'Finance and HR',
    });
    expect(changed).toEqual({
      __typename: 'GateCriterion',
      title: 'Payroll cut-over reconciled',
      owner: 'Finance and HR',
      status: 'PENDING',
      version: c.version + 1,
    });
    const stale = await call('updateGateCriterionDetails', {
      id: c.id,
      expectedVersion: c.version,
      title: 'Old',
    });
    expect(stale).toMatchObject({ __typename: 'ConflictError' });
    const blank = await call('updateGateCriterionDetails', {
      id: c.id,
      expectedVersion: c.version + 1,
      owner: ' ',
    });
    expect(blank).toMatchObject({ __typename: 'ValidationError', field: 'owner' });
    expect((await gateOf()).criteria.at(-1)).toMatchObject({
      title: 'Payroll cut-over reconciled',
      owner: 'Finance and HR',
      version: c.version + 1,
    });
  });

  it('requires a new signatory at the end; role titles are unique per gate, and the user must exist', async () => {
    const g = await gateOf();
    const hr = users.get('hr@handover.example')!;
    const duplicate = await call('addGateSignatory', {
      gateId: g.id,
      roleTitle: ' S151 OFFICER ',
      userId: hr,
    });
    expect(duplicate).toMatchObject({ __typename: 'ValidationError', field: 'roleTitle' });
    expect(duplicate.message).toMatch(/“s151 officer” already: role titles are unique per gate/);
    const blank = await call('addGateSignatory', { gateId: g.id, roleTitle: '', userId: hr });
    expect(blank).toMatchObject({ __typename: 'ValidationError', field: 'roleTitle' });
    const nobody = await call('addGateSignatory', {
      gateId: g.id,
      roleTitle: 'Director of Finance',
      userId: encodeGlobalID('User', '00000000-0000-4000-8000-000000000000'),
    });
    expect(nobody).toMatchObject({ __typename: 'ValidationError', field: 'userId' });
    expect((await gateOf()).signatories).toEqual(g.signatories);

    const added = await call('addGateSignatory', {
      gateId: g.id,
      roleTitle: 'Director of Finance',
      userId: hr,
    });
    expect(added).toMatchObject({
      __typename: 'GateSignatory',
      position: g.signatories.length,
      roleTitle: 'Director of Finance',
      user: { email: 'hr@handover.example' },
    });
    const after = await gateOf();
    expect(after.outcomeReasons).toContain('No current sign-off from the Director of Finance.');
    expect(await lastAudit('addGateSignatory')).toMatchObject({
      kind: 'WRITE',
      entity_type: 'GateSignatory',
    });
  });

  it('refuses to remove a signatory who has signed, naming who and when; after they withdraw, keeps the row marked removed', async () => {
    const g = await gateOf();
    const dcs = g.signatories.find((s) => s.user.email === 'admin@handover.example')!;
    const signed = await call('sign', { signatoryId: dcs.id, expectedSnapshotSha256: g.snapshotSha256 });
    expect(signed.__typename).toBe('GateSignOff');

    const refused = await call('removeGateSignatory', { id: dcs.id });
    expect(refused).toMatchObject({ __typename: 'ValidationError', field: 'id' });
    expect(refused.message).toMatch(
      /^id: Programme Manager \(demo\) signed as the Director of Children’s Services \(DCS\) on 15 February 2023 at \d\d:\d\d \(UK time\): that sign-off must be withdrawn/,
    );
    expect((await gateOf()).signatories).toHaveLength(g.signatories.length);
    expect((await lastAudit('removeGateSignatory')).reason).toBe('VALIDATION: id');

    const withdrawn = await call('withdraw', { signOffId: signed.id, reason: 'Another DCS signs' });
    expect(withdrawn.__typename).toBe('GateSignOffWithdrawal');
    const removed = await call('removeGateSignatory', { id: dcs.id });
    expect(removed.__typename).toBe('Gate');
    expect((removed.signatories as { roleTitle: string; position: number }[]).map((s) => s.position)).toEqual(
      [...Array(g.signatories.length - 1).keys()],
    );
    const after = await gateOf();
    expect(after.signatories.map((s) => s.roleTitle)).not.toContain(dcs.roleTitle);
    expect(after.outcomeReasons.join(' ')).not.toContain(dcs.roleTitle);
    // The row stays for the sign-off's history, marked removed; the sign-off and its withdrawal are as they were.
    const row = await api.handle.db
      .selectFrom('gate_signatory')
      .selectAll()
      .where('id', '=', rowId(dcs.id))
      .executeTakeFirstOrThrow();
    expect(row.removed_at).not.toBeNull();
    const signOff = after.signOffs.find((s) => s.id === signed.id)!;
    expect(signOff.withdrawal?.reason).toBe('Another DCS signs');
    expect(signOff.signatory.removedAt).not.toBeNull();
    expect(await lastAudit('removeGateSignatory')).toMatchObject({
      kind: 'WRITE',
      entity_id: rowId(dcs.id),
      fields: ['removed'],
      reason: 'kept, marked removed, for its 1 withdrawn sign-off',
    });
    // A removed role no longer signs, and the same title can be required again.
    const late = await call('sign', { signatoryId: dcs.id, expectedSnapshotSha256: after.snapshotSha256 });
    expect(late).toMatchObject({ __typename: 'ValidationError', field: 'signatoryId' });
    const again = await call('addGateSignatory', {
      gateId: g.id,
      roleTitle: dcs.roleTitle,
      userId: users.get('admin@handover.example')!,
    });
    expect(again).toMatchObject({ __typename: 'GateSignatory', position: g.signatories.length - 1 });
  });

  it('deletes a signatory who never signed, keeping positions dense', async () => {
    const g = await gateOf();
    const first = g.signatories[0]!;
    const rows = await rowCount('gate_signatory');
    const removed = await call('removeGateSignatory', { id: first.id });
    expect(removed.__typename).toBe('Gate');
    const after = await gateOf();
    expect(after.signatories.map((s) => s.roleTitle)).toEqual(g.signatories.slice(1).map((s) => s.roleTitle));
    expect(after.signatories.map((s) => s.position)).toEqual([...Array(g.signatories.length - 1).keys()]);
    expect(await rowCount('gate_signatory')).toBe(rows - 1);
    expect((await lastAudit('removeGateSignatory')).reason).toBeNull();
    const twice = await call('removeGateSignatory', { id: first.id });
    expect(twice.__typename).toBe('NotFoundError');
  });

  it('removes a criterion after a sign-off: the outcome and the snapshot follow the gate as it is now, and the trail says so', async () => {
    // The second programme's gate: one criterion passed, one pending, one signatory.
    const g0 = await gateOf(otherProgrammeId);
    const passed = await call('addGateCriterion', {
      gateId: g0.id,
      title: 'Contract signed',
      owner: 'Legal',
    });
    const pending = await call('addGateCriterion', {
      gateId: g0.id,
      title: 'Bank account live',
      owner: 'Finance',
    });
    const third = await call('addGateCriterion', {
      gateId: g0.id,
      title: 'Insurance in place',
      owner: 'Finance',
    });
    await call('addGateSignatory', {
      gateId: g0.id,
      roleTitle: 'Chief executive',
      userId: users.get('admin@handover.example')!,
    });
    for (const c of [passed, third]) {
      expect((await call('judge', { id: c.id, expectedVersion: 1, status: 'PASS' })).__typename).toBe(
        'GateCriterion',
      );
    }
    const g = await gateOf(otherProgrammeId);
    const sign = await call('sign', {
      signatoryId: g.signatories[0]!.id,
      expectedSnapshotSha256: g.snapshotSha256,
    });
    expect(sign.__typename).toBe('GateSignOff');
    expect((await gateOf(otherProgrammeId)).outcomeReasons).toEqual([
      'Criterion “Bank account live” is still pending.',
    ]);

    const removed = await call('removeGateCriterion', { id: pending.id });
    expect(removed).toMatchObject({
      __typename: 'Gate',
      outcome: 'GO',
      outcomeReasons: [],
      criteria: [
        { title: 'Contract signed', position: 0 },
        { title: 'Insurance in place', position: 1 },
      ],
    });
    const after = await gateOf(otherProgrammeId);
    expect(after.outcome).toBe('GO');
    const titles = (snapshot: string) =>
      (JSON.parse(snapshot) as { criteria: { title: string }[] }).criteria.map((c) => c.title);
    expect(titles(after.snapshot)).toEqual(['Contract signed', 'Insurance in place']);
    expect(after.snapshotSha256).not.toBe(g.snapshotSha256);
    // What was signed is kept as it was seen.
    expect(titles(after.signOffs[0]!.snapshot)).toEqual([
      'Contract signed',
      'Bank account live',
      'Insurance in place',
    ]);
    expect(await lastAudit('removeGateCriterion')).toMatchObject({
      kind: 'WRITE',
      entity_type: 'GateCriterion',
      entity_id: rowId(pending.id as string),
      fields: ['removed'],
      reason: 'removed after 1 current sign-off: what they signed included it',
    });
    // Appending after a removal takes the next free position.
    const next = await call('addGateCriterion', {
      gateId: g0.id,
      title: 'Rollback plan agreed',
      owner: 'PMO',
    });
    expect(next).toMatchObject({ position: 2, status: 'PENDING' });
    expect((await gateOf(otherProgrammeId)).outcome).toBe('OPEN');
  });

  it('refuses to remove a criterion that has evidence, which its history keeps', async () => {
    const g = await gateOf();
    const c = g.criteria[1]!;
    const evidence = await api.gql<{ addEvidence: Answer }>(
      `mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { __typename } }`,
      { input: { gateCriterionId: c.id, url: 'https://example.org/contract' } },
      tokens.ADMIN,
    );
    expect(evidence.data!.addEvidence.__typename).toBe('Evidence');
    const refused = await call('removeGateCriterion', { id: c.id });
    expect(refused).toMatchObject({ __typename: 'ValidationError', field: 'id' });
    expect(refused.message).toContain(`“${c.title}” has evidence attached (1 link or file`);
    expect(refused.message).toContain('WAIVED');
    expect((await gateOf()).criteria).toEqual(g.criteria);
    // Without evidence, a criterion in the middle goes and the rest close up.
    const middle = g.criteria[2]!;
    const removed = await call('removeGateCriterion', { id: middle.id });
    expect(removed.__typename).toBe('Gate');
    const after = await gateOf();
    expect(after.criteria.map((x) => x.id)).toEqual(
      g.criteria.filter((x) => x.id !== middle.id).map((x) => x.id),
    );
    expect(after.criteria.map((x) => x.position)).toEqual([...Array(g.criteria.length - 1).keys()]);
    expect(await lastAudit('removeGateCriterion')).toMatchObject({ kind: 'WRITE', reason: null });
  });
});
