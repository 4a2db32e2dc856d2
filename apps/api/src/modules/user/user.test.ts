import { DEMO_PASSWORD, verifyPassword, type AuditEvent } from '@handover/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface UserNode {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  version: number;
  createdAt: string;
  lastSignInAt: string | null;
  workstreams: { id: string; code: string }[];
}

interface Result extends Partial<UserNode> {
  __typename: string;
  message?: string;
  field?: string;
  workstreamName?: string | null;
  user?: UserNode;
  initialPassword?: string;
  newPassword?: string;
  expectedVersion?: number;
  currentVersion?: number;
}

const USER = 'id name email role active version createdAt lastSignInAt workstreams { id code }';
const ERRORS = '... on Error { message } ... on ValidationError { field }';
const CONFLICT = '... on ConflictError { expectedVersion currentVersion }';
const FORBIDDEN = '... on ForbiddenError { workstreamName }';
const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { __typename
  ... on CreateUserSuccess { initialPassword user { ${USER} } } ${ERRORS} } }`;
const UPDATE = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { __typename
  ... on User { ${USER} } ${ERRORS} ${CONFLICT} } }`;
const DEACTIVATE = `mutation ($id: ID!) { deactivateUser(id: $id) { __typename ... on User { ${USER} } ${ERRORS} } }`;
const REACTIVATE = `mutation ($id: ID!) { reactivateUser(id: $id) { __typename ... on User { ${USER} } ${ERRORS} } }`;
const RESET = `mutation ($id: ID!) { resetUserPassword(id: $id) { __typename
  ... on ResetUserPasswordSuccess { newPassword user { id } } ${ERRORS} } }`;
const ACCOUNTS = `query { userAccounts(first: 200) { totalCount edges { node { ${USER} } } } }`;
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { __typename ... on LoginSuccess { token } } }`;

const UPDATE_ITEM = `mutation ($input: UpdateChecklistItemInput!) { updateChecklistItem(input: $input) { __typename
  ... on ChecklistItem { status version } ${ERRORS} ${CONFLICT} ${FORBIDDEN} } }`;
const UPDATE_MILESTONE = `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { __typename
  ... on Milestone { rag version } ${ERRORS} ${CONFLICT} ${FORBIDDEN} } }`;
const CREATE_RAID = `mutation ($input: CreateRaidItemInput!) { createRaidItem(input: $input) { __typename
  ... on RaidItem { id version } ${ERRORS} ${FORBIDDEN} } }`;
const UPDATE_RAID = `mutation ($input: UpdateRaidItemInput!) { updateRaidItem(input: $input) { __typename
  ... on RaidItem { title version } ${ERRORS} ${CONFLICT} ${FORBIDDEN} } }`;
const CLOSE_RAID = `mutation ($input: CloseRaidItemInput!) { closeRaidItem(input: $input) { __typename
  ... on RaidItem { status } ${ERRORS} ${CONFLICT} ${FORBIDDEN} } }`;

const rowId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

describe('users and the workstreams they lead', () => {
  let api: TestApi;
  let programmeId: string;
  let admin: string;
  let editor: string;
  let viewer: string;
  const ws = new Map<string, { id: string; name: string }>();

  const mark = async (): Promise<number> => {
    const row = await api.handle.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  };
  const since = (from: number): Promise<AuditEvent[]> =>
    api.handle.db.selectFrom('audit_event').selectAll().where('id', '>', from).orderBy('id').execute();
  const countUsers = async () =>
    Number(
      (
        await api.handle.db
          .selectFrom('app_user')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const create = async (input: Record<string, unknown>, token = admin) =>
    (await api.gql<{ createUser: Result }>(CREATE, { input }, token)).data?.createUser;
  const signIn = async (email: string, password: string) =>
    (await api.gql<{ login: { __typename: string; token?: string } }>(LOGIN, { email, password })).data
      ?.login;
  const whoAmI = async (token: string) =>
    (await api.gql<{ viewer: { id: string } | null }>('{ viewer { id } }', {}, token)).data?.viewer ?? null;
  const accounts = async () => {
    const res = await api.gql<{ userAccounts: { totalCount: number; edges: { node: UserNode }[] } }>(
      ACCOUNTS,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.userAccounts;
  };
  const account = async (email: string) =>
    (await accounts()).edges.map((e) => e.node).find((u) => u.email === email)!;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    admin = await api.login('ADMIN');
    editor = await api.login('EDITOR');
    viewer = await api.login('VIEWER');
    const res = await api.gql<{ programme: { workstreams: { id: string; code: string; name: string }[] } }>(
      'query ($id: ID!) { programme(id: $id) { workstreams { id code name } } }',
      { id: programmeId },
      viewer,
    );
    for (const w of res.data!.programme.workstreams) ws.set(w.code, { id: w.id, name: w.name });
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  describe('the users table', () => {
    it('lists every user with role, state, led workstreams, creation and last sign-in', async () => {
      const { totalCount, edges } = await accounts();
      expect(totalCount).toBe(await countUsers());
      const names = edges.map((e) => e.node.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const lead = edges.find((e) => e.node.email === 'editor@handover.example')!.node;
      expect(lead).toMatchObject({ role: 'EDITOR', active: true });
      expect(lead.workstreams.map((w) => w.code).sort()).toEqual([
        'ICT_DATA',
        'OFSTED_REGULATION',
        'PRACTICE_CONTINUITY',
      ]);
      // Signed in in beforeAll: the audit trail knows when.
      expect(lead.lastSignInAt).not.toBeNull();
      expect(edges.find((e) => e.node.email === 'hr@handover.example')!.node.workstreams).toEqual([]);
    });
  });

  describe('creating a user', () => {
    it('creates an EDITOR with two workstreams and an initial password shown once, hashed at rest', async () => {
      const before = await mark();
      const res = await create({
        name: '  Pat Lead ',
        email: 'pat.lead@handover.example',
        role: 'EDITOR',
        workstreamIds: [ws.get('FINANCE')!.id, ws.get('LEGAL_GOVERNANCE')!.id],
      });
      expect(res).toMatchObject({
        __typename: 'CreateUserSuccess',
        user: {
          name: 'Pat Lead',
          email: 'pat.lead@handover.example',
          role: 'EDITOR',
          active: true,
          version: 1,
        },
      });
      const password = res!.initialPassword!;
      expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
      expect(res!.user!.workstreams.map((w) => w.code).sort()).toEqual(['FINANCE', 'LEGAL_GOVERNANCE']);
      const stored = await api.handle.db
        .selectFrom('app_user')
        .selectAll()
        .where('email', '=', 'pat.lead@handover.example')
        .executeTakeFirstOrThrow();
      expect(stored.password_hash).not.toContain(password);
      expect(await verifyPassword(stored.password_hash, password)).toBe(true);
      expect((await signIn('pat.lead@handover.example', password))?.__typename).toBe('LoginSuccess');

      const events = await since(before);
      const write = events.find((e) => e.kind === 'WRITE')!;
      expect(write).toMatchObject({
        operation: 'createUser',
        entity_type: 'User',
        entity_id: stored.id,
        actor_role: 'ADMIN',
        version_after: 1,
      });
      expect(write.fields).toEqual(expect.arrayContaining(['email', 'name', 'role', 'workstream_ids']));
      const trail = JSON.stringify(events);
      expect(trail).not.toContain(password);
      expect(trail).not.toContain(stored.password_hash);
    });

    it('names the field of every bad input, and creates nobody', async () => {
      const before = await countUsers();
      const ghost = globalId('Workstream', '00000000-0000-4000-8000-000000000000');
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ name: '  ', email: 'a@handover.example', role: 'VIEWER' }, 'name', /required/],
        [{ name: 'A', email: 'not-an-email', role: 'VIEWER' }, 'email', /email address/],
        [{ name: 'A', email: '', role: 'VIEWER' }, 'email', /required/],
        [{ name: 'A', email: 'EDITOR@Handover.Example', role: 'VIEWER' }, 'email', /already used/],
        [
          { name: 'A', email: 'b@handover.example', role: 'EDITOR', workstreamIds: [ghost] },
          'workstreamIds[0]',
          /no workstream/,
        ],
        [
          { name: 'A', email: 'c@handover.example', role: 'EDITOR', workstreamIds: ['nope'] },
          'workstreamIds[0]',
          /not a valid ID/,
        ],
        [
          { name: 'A', email: 'd@handover.example', role: 'HR', workstreamIds: [ws.get('HR_TUPE')!.id] },
          'workstreamIds',
          /only an EDITOR leads workstreams.*HR/,
        ],
      ];
      for (const [input, field, message] of cases) {
        const res = await create(input);
        expect(res, JSON.stringify(input)).toMatchObject({ __typename: 'ValidationError', field });
        expect(res!.message).toMatch(message);
      }
      expect(await countUsers()).toBe(before);
    });
  });

  describe('changing a user', () => {
    it('changes role and workstreams at the version read, and answers a stale version with a conflict', async () => {
      const created = await create({ name: 'Sam Change', email: 'sam@handover.example', role: 'VIEWER' });
      const user = created!.user!;
      const res = await api.gql<{ updateUser: Result }>(
        UPDATE,
        {
          input: {
            id: user.id,
            expectedVersion: user.version,
            role: 'EDITOR',
            workstreamIds: [ws.get('PROPERTY_ASSETS')!.id],
          },
        },
        admin,
      );
      expect(res.data?.updateUser).toMatchObject({
        __typename: 'User',
        role: 'EDITOR',
        version: user.version + 1,
      });
      expect(res.data?.updateUser.workstreams?.map((w) => w.code)).toEqual(['PROPERTY_ASSETS']);

      const stale = await api.gql<{ updateUser: Result }>(
        UPDATE,
        { input: { id: user.id, expectedVersion: user.version, name: 'Someone else' } },
        admin,
      );
      expect(stale.data?.updateUser).toMatchObject({
        __typename: 'ConflictError',
        expectedVersion: user.version,
        currentVersion: user.version + 1,
      });
      expect((await account('sam@handover.example')).name).toBe('Sam Change');

      // No longer an EDITOR: they lead nothing.
      const demoted = await api.gql<{ updateUser: Result }>(
        UPDATE,
        { input: { id: user.id, expectedVersion: user.version + 1, role: 'VIEWER' } },
        admin,
      );
      expect(demoted.data?.updateUser).toMatchObject({ __typename: 'User', role: 'VIEWER', workstreams: [] });

      const bad = await api.gql<{ updateUser: Result }>(
        UPDATE,
        {
          input: {
            id: user.id,
            expectedVersion: user.version + 2,
            name: '',
          },
        },
        admin,
      );
      expect(bad.data?.updateUser).toMatchObject({ __typename: 'ValidationError', field: 'name' });
      const given = await api.gql<{ updateUser: Result }>(
        UPDATE,
        { input: { id: user.id, expectedVersion: user.version + 2, workstreamIds: [ws.get('FINANCE')!.id] } },
        admin,
      );
      expect(given.data?.updateUser).toMatchObject({ __typename: 'ValidationError', field: 'workstreamIds' });
      expect(given.data?.updateUser.message).toMatch(/only an EDITOR/);
    });

    it('will not demote the last active ADMIN', async () => {
      const me = await account('admin@handover.example');
      const res = await api.gql<{ updateUser: Result }>(
        UPDATE,
        { input: { id: me.id, expectedVersion: me.version, role: 'EDITOR' } },
        admin,
      );
      expect(res.data?.updateUser).toMatchObject({ __typename: 'ValidationError', field: 'role' });
      expect(res.data?.updateUser.message).toMatch(/last active ADMIN/);
      expect((await account('admin@handover.example')).role).toBe('ADMIN');
    });

    it('answers NotFoundError for a user who does not exist', async () => {
      const ghost = globalId('User', '00000000-0000-4000-8000-000000000000');
      for (const [query, name] of [
        [DEACTIVATE, 'deactivateUser'],
        [REACTIVATE, 'reactivateUser'],
        [RESET, 'resetUserPassword'],
      ] as const) {
        const res = await api.gql<Record<string, Result>>(query, { id: ghost }, admin);
        expect(res.data?.[name]).toMatchObject({ __typename: 'NotFoundError' });
      }
      const res = await api.gql<{ updateUser: Result }>(
        UPDATE,
        { input: { id: ghost, expectedVersion: 1, name: 'X' } },
        admin,
      );
      expect(res.data?.updateUser).toMatchObject({ __typename: 'NotFoundError' });
    });
  });

  describe('deactivating, reactivating and resetting a password', () => {
    it('refuses to deactivate yourself', async () => {
      const me = await account('admin@handover.example');
      const res = await api.gql<{ deactivateUser: Result }>(DEACTIVATE, { id: me.id }, admin);
      expect(res.data?.deactivateUser).toMatchObject({ __typename: 'ValidationError', field: 'id' });
      expect(res.data?.deactivateUser.message).toMatch(/yourself/);
      expect(await whoAmI(admin)).not.toBeNull();
    });

    it('ends every session of a deactivated user at once, and lets them back when reactivated', async () => {
      const created = await create({ name: 'Dee Active', email: 'dee@handover.example', role: 'VIEWER' });
      const password = created!.initialPassword!;
      const first = (await signIn('dee@handover.example', password))!.token!;
      const second = (await signIn('dee@handover.example', password))!.token!;
      expect(await whoAmI(first)).not.toBeNull();
      const before = await mark();

      const res = await api.gql<{ deactivateUser: Result }>(DEACTIVATE, { id: created!.user!.id }, admin);
      expect(res.data?.deactivateUser).toMatchObject({ __typename: 'User', active: false });
      expect(await whoAmI(first)).toBeNull();
      expect(await whoAmI(second)).toBeNull();
      const sessions = await api.handle.db
        .selectFrom('session')
        .select('id')
        .where('user_id', '=', rowId(created!.user!.id))
        .execute();
      expect(sessions).toEqual([]);
      expect((await signIn('dee@handover.example', password))?.__typename).toBe('InvalidCredentialsError');
      expect((await since(before)).find((e) => e.kind === 'WRITE')).toMatchObject({
        operation: 'deactivateUser',
        fields: ['active'],
      });
      const again = await api.gql<{ deactivateUser: Result }>(DEACTIVATE, { id: created!.user!.id }, admin);
      expect(again.data?.deactivateUser).toMatchObject({ __typename: 'ValidationError', field: 'id' });

      const back = await api.gql<{ reactivateUser: Result }>(REACTIVATE, { id: created!.user!.id }, admin);
      expect(back.data?.reactivateUser).toMatchObject({ __typename: 'User', active: true });
      expect((await signIn('dee@handover.example', password))?.__typename).toBe('LoginSuccess');
    });

    it('resets a password: the new one is shown once, the old one and every session stop working', async () => {
      const created = await create({ name: 'Rhys Reset', email: 'rhys@handover.example', role: 'HR' });
      const old = created!.initialPassword!;
      const token = (await signIn('rhys@handover.example', old))!.token!;
      const before = await mark();
      const res = await api.gql<{ resetUserPassword: Result }>(RESET, { id: created!.user!.id }, admin);
      expect(res.data?.resetUserPassword.__typename).toBe('ResetUserPasswordSuccess');
      const fresh = res.data!.resetUserPassword.newPassword!;
      expect(fresh).not.toBe(old);
      expect(await whoAmI(token)).toBeNull();
      expect((await signIn('rhys@handover.example', old))?.__typename).toBe('InvalidCredentialsError');
      expect((await signIn('rhys@handover.example', fresh))?.__typename).toBe('LoginSuccess');
      const events = await since(before);
      expect(events.find((e) => e.kind === 'WRITE')).toMatchObject({ operation: 'resetUserPassword' });
      expect(JSON.stringify(events)).not.toContain(fresh);
      expect(JSON.stringify(events)).not.toContain(old);
    });
  });

  describe('roles other than ADMIN', () => {
    it('are refused every user operation, and each refusal is recorded', async () => {
      const target = await account('viewer@handover.example');
      const operations: [string, Record<string, unknown>][] = [
        [ACCOUNTS, {}],
        [CREATE, { input: { name: 'X', email: 'x@handover.example', role: 'ADMIN' } }],
        [UPDATE, { input: { id: target.id, expectedVersion: target.version, role: 'ADMIN' } }],
        [DEACTIVATE, { id: target.id }],
        [REACTIVATE, { id: target.id }],
        [RESET, { id: target.id }],
      ];
      const users = await countUsers();
      for (const role of ['EDITOR', 'HR', 'VIEWER'] as const) {
        const token = await api.login(role);
        for (const [query, variables] of operations) {
          const before = await mark();
          const res = await api.gql(query, variables, token);
          expect(res.data ?? null, `${role}: ${query}`).toBeNull();
          expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
          const refused = (await since(before)).filter((e) => e.kind === 'REFUSED');
          expect(refused.length).toBeGreaterThan(0);
          expect(refused[0]).toMatchObject({ actor_role: role });
        }
        // A user's workstreams are for ADMINs to see.
        const fields = await api.gql('{ viewer { workstreams { id } } }', {}, token);
        expect(fields.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await countUsers()).toBe(users);
      expect(await account('viewer@handover.example')).toEqual(target);
    });
  });

  describe('what an EDITOR may change', () => {
    const itemsOf = async (code: string, token: string) => {
      const res = await api.gql<{
        programme: {
          checklistItems: { edges: { node: { id: string; version: number; viewerCanEdit: boolean } }[] };
        };
      }>(
        `query ($id: ID!, $codes: [WorkstreamCode!]) { programme(id: $id) {
          checklistItems(first: 5, filter: { workstreamCodes: $codes, statuses: [NOT_STARTED, IN_PROGRESS] }) {
            edges { node { id version viewerCanEdit } } } } }`,
        { id: programmeId, codes: [code] },
        token,
      );
      return res.data!.programme.checklistItems.edges.map((e) => e.node);
    };
    const milestonesOf = async (code: string, token: string) => {
      const res = await api.gql<{
        programme: {
          milestones: {
            edges: {
              node: {
                id: string;
                version: number;
                rag: string;
                viewerCanEdit: boolean;
                workstream: { code: string } | null;
              };
            }[];
          };
        };
      }>(
        `query ($id: ID!) { programme(id: $id) { milestones(first: 200) {
          edges { node { id version rag viewerCanEdit workstream { code } } } } } }`,
        { id: programmeId },
        token,
      );
      return res
        .data!.programme.milestones.edges.map((e) => e.node)
        .filter((m) => m.workstream?.code === code);
    };
    const raidOf = async (code: string, token: string) => {
      const res = await api.gql<{
        programme: {
          raidItems: {
            edges: { node: { id: string; version: number; status: string; viewerCanEdit: boolean } }[];
          };
        };
      }>(
        `query ($id: ID!, $ws: [ID!]) { programme(id: $id) { raidItems(first: 50, filter: { workstreamIds: $ws, statuses: [OPEN] }) {
          edges { node { id version status viewerCanEdit } } } } }`,
        { id: programmeId, ws: [ws.get(code)!.id] },
        token,
      );
      return res.data!.programme.raidItems.edges.map((e) => e.node);
    };

    it('changes a checklist item of a workstream they lead, and not one of another (refused, recorded)', async () => {
      const [own] = await itemsOf('ICT_DATA', editor);
      const [other] = await itemsOf('FINANCE', editor);
      expect(own!.viewerCanEdit).toBe(true);
      expect(other!.viewerCanEdit).toBe(false);
      expect((await itemsOf('FINANCE', admin))[0]!.viewerCanEdit).toBe(true);
      expect((await itemsOf('ICT_DATA', viewer))[0]!.viewerCanEdit).toBe(false);

      const ok = await api.gql<{ updateChecklistItem: Result }>(
        UPDATE_ITEM,
        { input: { id: own!.id, expectedVersion: own!.version, status: 'AT_RISK' } },
        editor,
      );
      expect(ok.data?.updateChecklistItem).toMatchObject({ __typename: 'ChecklistItem', status: 'AT_RISK' });

      const before = await mark();
      const refused = await api.gql<{ updateChecklistItem: Result }>(
        UPDATE_ITEM,
        { input: { id: other!.id, expectedVersion: other!.version, status: 'AT_RISK' } },
        editor,
      );
      expect(refused.data?.updateChecklistItem).toMatchObject({
        __typename: 'ForbiddenError',
        workstreamName: 'Finance',
      });
      expect(refused.data?.updateChecklistItem.message).toMatch(/lead of the Finance workstream/);
      const [event] = await since(before);
      expect(event).toMatchObject({
        kind: 'REFUSED',
        operation: 'updateChecklistItem',
        entity_id: rowId(other!.id),
        actor_role: 'EDITOR',
      });
      expect(event!.reason).toMatch(/^FORBIDDEN: not a lead of workstream/);
      expect((await itemsOf('FINANCE', admin)).find((i) => i.id === other!.id)?.version).toBe(other!.version);

      const byAdmin = await api.gql<{ updateChecklistItem: Result }>(
        UPDATE_ITEM,
        { input: { id: other!.id, expectedVersion: other!.version, status: 'AT_RISK' } },
        admin,
      );
      expect(byAdmin.data?.updateChecklistItem.__typename).toBe('ChecklistItem');
    });

    it('changes a milestone of a workstream they lead, and not one of another', async () => {
      const [own] = await milestonesOf('ICT_DATA', editor);
      const [other] = await milestonesOf('FINANCE', editor);
      expect(own!.viewerCanEdit).toBe(true);
      expect(other!.viewerCanEdit).toBe(false);
      const flip = (rag: string) => (rag === 'RED' ? 'AMBER' : 'RED');
      const ok = await api.gql<{ updateMilestone: Result }>(
        UPDATE_MILESTONE,
        { input: { id: own!.id, expectedVersion: own!.version, rag: flip(own!.rag) } },
        editor,
      );
      expect(ok.data?.updateMilestone).toMatchObject({ __typename: 'Milestone', rag: flip(own!.rag) });
      const before = await mark();
      const refused = await api.gql<{ updateMilestone: Result }>(
        UPDATE_MILESTONE,
        { input: { id: other!.id, expectedVersion: other!.version, rag: flip(other!.rag) } },
        editor,
      );
      expect(refused.data?.updateMilestone).toMatchObject({
        __typename: 'ForbiddenError',
        workstreamName: 'Finance',
      });
      expect((await since(before))[0]).toMatchObject({ kind: 'REFUSED', operation: 'updateMilestone' });
      expect((await milestonesOf('FINANCE', admin)).find((m) => m.id === other!.id)?.version).toBe(
        other!.version,
      );
    });

    it('creates and changes RAID items only in workstreams they lead; an item of no workstream is ADMIN only', async () => {
      const [own] = await raidOf('ICT_DATA', editor);
      const [other] = await raidOf('FINANCE', editor);
      expect(own!.viewerCanEdit).toBe(true);
      expect(other!.viewerCanEdit).toBe(false);

      const ok = await api.gql<{ updateRaidItem: Result }>(
        UPDATE_RAID,
        { input: { id: own!.id, expectedVersion: own!.version, title: 'Renamed by the ICT lead' } },
        editor,
      );
      expect(ok.data?.updateRaidItem).toMatchObject({
        __typename: 'RaidItem',
        title: 'Renamed by the ICT lead',
      });
      // Nor may they move their own item into a workstream they do not lead.
      const moved = await api.gql<{ updateRaidItem: Result }>(
        UPDATE_RAID,
        { input: { id: own!.id, expectedVersion: own!.version + 1, workstreamId: ws.get('FINANCE')!.id } },
        editor,
      );
      expect(moved.data?.updateRaidItem).toMatchObject({
        __typename: 'ForbiddenError',
        workstreamName: 'Finance',
      });
      const refused = await api.gql<{ updateRaidItem: Result }>(
        UPDATE_RAID,
        { input: { id: other!.id, expectedVersion: other!.version, title: 'Not mine' } },
        editor,
      );
      expect(refused.data?.updateRaidItem).toMatchObject({
        __typename: 'ForbiddenError',
        workstreamName: 'Finance',
      });
      const closed = await api.gql<{ closeRaidItem: Result }>(
        CLOSE_RAID,
        { input: { id: other!.id, expectedVersion: other!.version } },
        editor,
      );
      expect(closed.data?.closeRaidItem).toMatchObject({ __typename: 'ForbiddenError' });
      expect((await raidOf('FINANCE', admin)).find((r) => r.id === other!.id)).toMatchObject({
        version: other!.version,
        status: 'OPEN',
      });

      const risk = { programmeId, type: 'RISK', title: 'A lead’s risk', statement: 'There is a risk.' };
      const created = await api.gql<{ createRaidItem: Result }>(
        CREATE_RAID,
        { input: { ...risk, workstreamId: ws.get('ICT_DATA')!.id } },
        editor,
      );
      expect(created.data?.createRaidItem.__typename).toBe('RaidItem');
      const before = await mark();
      const elsewhere = await api.gql<{ createRaidItem: Result }>(
        CREATE_RAID,
        { input: { ...risk, workstreamId: ws.get('FINANCE')!.id } },
        editor,
      );
      expect(elsewhere.data?.createRaidItem).toMatchObject({
        __typename: 'ForbiddenError',
        workstreamName: 'Finance',
      });
      const nowhere = await api.gql<{ createRaidItem: Result }>(CREATE_RAID, { input: risk }, editor);
      expect(nowhere.data?.createRaidItem).toMatchObject({
        __typename: 'ForbiddenError',
        workstreamName: null,
      });
      expect(nowhere.data?.createRaidItem.message).toMatch(/no workstream.*only an ADMIN/);
      expect((await since(before)).map((e) => [e.kind, e.operation])).toEqual([
        ['REFUSED', 'createRaidItem'],
        ['REFUSED', 'createRaidItem'],
      ]);

      const adminsOwn = await api.gql<{ createRaidItem: Result }>(CREATE_RAID, { input: risk }, admin);
      expect(adminsOwn.data?.createRaidItem.__typename).toBe('RaidItem');
      const item = adminsOwn.data!.createRaidItem;
      const noWs = await api.gql<{ updateRaidItem: Result }>(
        UPDATE_RAID,
        { input: { id: item.id, expectedVersion: item.version, title: 'Mine now' } },
        editor,
      );
      expect(noWs.data?.updateRaidItem).toMatchObject({ __typename: 'ForbiddenError', workstreamName: null });
    });

    it('follows the workstreams an ADMIN gives them, at once', async () => {
      const lead = await account('editor@handover.example');
      const [other] = await itemsOf('FINANCE', editor);
      expect(other!.viewerCanEdit).toBe(false);
      const res = await api.gql<{ updateUser: Result }>(
        UPDATE,
        {
          input: {
            id: lead.id,
            expectedVersion: lead.version,
            workstreamIds: [...lead.workstreams.map((w) => w.id), ws.get('FINANCE')!.id],
          },
        },
        admin,
      );
      expect(res.data?.updateUser.__typename).toBe('User');
      expect((await itemsOf('FINANCE', editor))[0]!.viewerCanEdit).toBe(true);
      // The demo sign-ins keep working throughout.
      expect((await signIn('editor@handover.example', DEMO_PASSWORD))?.__typename).toBe('LoginSuccess');
    });
  });
});
