import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GqlResponse, type TestApi } from '../../test/harness.ts';

const ALL = [
  'IDENTITY_AND_AGE',
  'WRITTEN_PARTICULARS',
  'DISCIPLINARY_AND_GRIEVANCE',
  'CLAIMS',
  'COLLECTIVE_AGREEMENTS',
];

interface Pkg {
  __typename: string;
  id: string;
  number: number;
  kind: string;
  status: string;
  categories: string[];
  sentOn: string | null;
  version: number;
  employeeCount: number;
  newCount: number;
  changedCount: number;
  objectedCount: number;
  message?: string;
  field?: string;
  currentVersion?: number;
}

const PKG =
  'id number kind status categories sentOn version employeeCount newCount changedCount objectedCount';
const RESULT = `__typename ... on EliPackage { ${PKG} } ... on Error { message } ... on ValidationError { field }
  ... on ConflictError { currentVersion }`;
const CREATE = `mutation ($input: CreateEliPackageInput!) { createEliPackage(input: $input) { ${RESULT} } }`;
const UPDATE = `mutation ($input: UpdateEliPackageInput!) { updateEliPackage(input: $input) { ${RESULT} } }`;
const SEND = `mutation ($input: SendEliPackageInput!) { sendEliPackage(input: $input) { ${RESULT} } }`;
const SUMMARY = `query ($id: ID!) { programme(id: $id) { eli {
  dueDate daysToDue warningDays flags messages missingCategories transferringCount notInAnySentPackageCount
  changedSinceSentCount objectedSinceSentCount packages { ${PKG} }
} } }`;

interface Summary {
  dueDate: string;
  daysToDue: number;
  flags: string[];
  messages: string[];
  missingCategories: string[];
  transferringCount: number;
  notInAnySentPackageCount: number;
  changedSinceSentCount: number;
  objectedSinceSentCount: number;
  packages: Pkg[];
}

async function summary(api: TestApi, token: string, warningDays?: number): Promise<Summary> {
  const query =
    warningDays === undefined ? SUMMARY : SUMMARY.replace('eli {', `eli(warningDays: ${warningDays}) {`);
  const res = await api.gql<{ programme: { eli: Summary } }>(query, { id: await api.programmeId() }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.programme.eli;
}

async function mutate(
  api: TestApi,
  query: string,
  input: Record<string, unknown>,
  token: string,
): Promise<Pkg> {
  const name = /\{ (\w+)\(input/.exec(query)![1]!;
  const res = await api.gql<Record<string, Pkg>>(query, { input }, token);
  expect(res.errors).toBeUndefined();
  return res.data![name]!;
}

async function transferringIds(api: TestApi): Promise<string[]> {
  const rows = await api.handle.db
    .selectFrom('employee')
    .select('id')
    .where('tupe_status', '=', 'IN_SCOPE_ASSIGNED')
    .execute();
  return rows.map((r) => r.id).sort();
}

type GqlPage = GqlResponse<{
  node: {
    members: {
      totalCount: number;
      pageInfo: { endCursor: string; hasNextPage: boolean };
      edges: { node: { reason: string; employee: { id: string } } }[];
    };
  };
}>;

const employeeIdOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

describe('ELI packages', () => {
  let api: TestApi;
  let hr: string;
  let programmeId: string;
  let first: Pkg;

  beforeAll(async () => {
    api = await startTestApi();
    hr = await api.login('HR');
    programmeId = await api.programmeId();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('is due 28 days before the transfer, with nothing flagged 17 days before', async () => {
    const s = await summary(api, hr);
    expect(s).toMatchObject({ dueDate: '2023-03-04', daysToDue: 17, flags: [], packages: [] });
    expect(s.transferringCount).toBe((await transferringIds(api)).length);
    expect(s.transferringCount).toBeGreaterThan(900);
    // The warning lead time is configurable: from 21 days before, it warns now.
    expect((await summary(api, hr, 21)).messages).toEqual(['ELI due in 17 days']);
  });

  it('creates the initial package as a draft listing everyone in the transferring list', async () => {
    first = await mutate(api, CREATE, { programmeId, categories: ['CLAIMS', 'IDENTITY_AND_AGE'] }, hr);
    expect(first).toMatchObject({ __typename: 'EliPackage', number: 1, kind: 'INITIAL', status: 'DRAFT' });
    expect(first.categories).toEqual(['IDENTITY_AND_AGE', 'CLAIMS']);
    const ids = await transferringIds(api);
    expect(first.employeeCount).toBe(ids.length);
    expect(first.newCount).toBe(ids.length);
    // Every page of who it lists, 200 at a time.
    const listed: { reason: string; employee: { id: string } }[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GqlPage = await api.gql(
        `query ($id: ID!, $after: String) { node(id: $id) { ... on EliPackage {
          members(first: 200, after: $after) { totalCount pageInfo { endCursor hasNextPage }
            edges { node { reason employee { id } } } } } } }`,
        { id: first.id, after },
        hr,
      );
      expect(res.errors).toBeUndefined();
      const page = res.data!.node.members;
      expect(page.totalCount).toBe(ids.length);
      listed.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(listed.map((e) => employeeIdOf(e.employee.id)).sort()).toEqual(ids);
    expect(new Set(listed.map((e) => e.reason))).toEqual(new Set(['NEW']));
  });

  it('refuses a second package while one is a draft, and unknown categories', async () => {
    const again = await mutate(api, CREATE, { programmeId }, hr);
    expect(again).toMatchObject({ __typename: 'ValidationError', field: 'programmeId' });
    expect(again.message).toMatch(/package 1 is still a draft/);
    const res = await api.gql(CREATE, { input: { programmeId, categories: ['PAYSLIPS'] } }, hr);
    expect(res.errors?.[0]?.message).toMatch(/PAYSLIPS/);
  });

  it('ticks categories on the draft, answering a stale version with a conflict', async () => {
    const ticked = await mutate(api, UPDATE, { id: first.id, expectedVersion: 1, categories: ALL }, hr);
    expect(ticked).toMatchObject({ __typename: 'EliPackage', version: 2, categories: ALL });
    const stale = await mutate(api, UPDATE, { id: first.id, expectedVersion: 1, categories: [] }, hr);
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
    first = ticked;
  });

  it('sends it on a day not in the future; once sent it cannot be changed or sent again', async () => {
    const future = await mutate(api, SEND, { id: first.id, expectedVersion: 2, sentOn: '2023-02-16' }, hr);
    expect(future).toMatchObject({ __typename: 'ValidationError', field: 'sentOn' });
    const sent = await mutate(api, SEND, { id: first.id, expectedVersion: 2, sentOn: '2023-02-15' }, hr);
    expect(sent).toMatchObject({ status: 'SENT', sentOn: '2023-02-15', version: 3 });
    const before = await api.handle.db.selectFrom('eli_package').selectAll().execute();

    const edit = await mutate(api, UPDATE, { id: first.id, expectedVersion: 3, notes: 'changed' }, hr);
    expect(edit).toMatchObject({ __typename: 'ValidationError', field: 'id' });
    expect(edit.message).toMatch(
      /package 1 was sent on 2023-02-15 and cannot be changed; start an update package/,
    );
    const resend = await mutate(api, SEND, { id: first.id, expectedVersion: 3, sentOn: '2023-02-15' }, hr);
    expect(resend.__typename).toBe('ValidationError');
    expect(await api.handle.db.selectFrom('eli_package').selectAll().execute()).toEqual(before);

    const s = await summary(api, hr);
    expect(s.flags).toEqual([]);
    expect(s.notInAnySentPackageCount).toBe(0);
    // Nothing has changed since: there is nothing for an update package to say.
    const nothing = await mutate(api, CREATE, { programmeId }, hr);
    expect(nothing.message).toMatch(/nobody to include/);
  });

  it('flags what changed after sending, and the update package lists it: new, changed, objected', async () => {
    const db = api.handle.db;
    // As the people module's updates do: a change bumps the row's version.
    const bump = sql<number>`version + 1`;
    const ids = await transferringIds(api);
    const [changedA, changedB, objector] = ids;
    await db
      .updateTable('employee')
      .set({ version: bump })
      .where('id', 'in', [changedA!, changedB!])
      .execute();
    await db
      .updateTable('employee')
      .set({ tupe_status: 'OBJECTED', version: bump })
      .where('id', '=', objector!)
      .execute();
    const joiner = await db
      .selectFrom('employee')
      .select('id')
      .where('tupe_status', '=', 'IN_SCOPE_DISPUTED')
      .orderBy('payroll_number')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('employee')
      .set({ tupe_status: 'IN_SCOPE_ASSIGNED', version: bump })
      .where('id', '=', joiner.id)
      .execute();

    const s = await summary(api, hr);
    expect(s.flags).toEqual(['INCOMPLETE', 'UPDATE_NEEDED']);
    expect(s).toMatchObject({
      notInAnySentPackageCount: 1,
      changedSinceSentCount: 2,
      objectedSinceSentCount: 1,
    });

    const update = await mutate(api, CREATE, { programmeId, categories: ALL }, hr);
    expect(update).toMatchObject({
      number: 2,
      kind: 'UPDATE',
      employeeCount: 4,
      newCount: 1,
      changedCount: 2,
      objectedCount: 1,
    });
    const members = await db
      .selectFrom('eli_package_employee')
      .select(['employee_id', 'reason'])
      .where('package_id', '=', employeeIdOf(update.id))
      .execute();
    expect(Object.fromEntries(members.map((m) => [m.employee_id, m.reason]))).toEqual({
      [changedA!]: 'CHANGED',
      [changedB!]: 'CHANGED',
      [objector!]: 'OBJECTED',
      [joiner.id]: 'NEW',
    });
    // A draft is not sent: the flags stand until it is.
    expect((await summary(api, hr)).flags).toEqual(['INCOMPLETE', 'UPDATE_NEEDED']);
    await mutate(api, SEND, { id: update.id, expectedVersion: 1, sentOn: '2023-02-15' }, hr);
    const after = await summary(api, hr);
    expect(after.flags).toEqual([]);
    expect(after.packages.map((p) => [p.number, p.kind, p.status])).toEqual([
      [1, 'INITIAL', 'SENT'],
      [2, 'UPDATE', 'SENT'],
    ]);
  });

  it('shows other staff roles the state and counts, never who is in a package; only HR writes', async () => {
    for (const role of ['VIEWER', 'EDITOR', 'ADMIN'] as const) {
      const token = await api.login(role);
      const s = await summary(api, token);
      expect(s.packages[0]!.employeeCount).toBeGreaterThan(900);
      const res = await api.gql(
        `query ($id: ID!) { node(id: $id) { ... on EliPackage { number members(first: 1) { totalCount } } } }`,
        { id: first.id },
        token,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((res.data as { node: { members: unknown } }).node.members).toBeNull();
      const write = await api.gql(CREATE, { input: { programmeId } }, token);
      expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('audits the writes by field names and versions, never a personal value', async () => {
    const events = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_type', '=', 'EliPackage')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.kind, e.operation])).toContainEqual(['WRITE', 'createEliPackage']);
    expect(events.map((e) => [e.kind, e.operation])).toContainEqual(['WRITE', 'sendEliPackage']);
    expect(events.map((e) => [e.kind, e.operation])).toContainEqual(['REFUSED', 'updateEliPackage']);
    const send = events.find((e) => e.operation === 'sendEliPackage' && e.kind === 'WRITE')!;
    expect(send.fields).toEqual(expect.arrayContaining(['status', 'sent_on', 'sent_at', 'sent_by']));
    const people = await api.handle.db
      .selectFrom('employee')
      .select(['first_name', 'last_name', 'ni_number', 'payroll_number'])
      .where('tupe_status', 'in', ['IN_SCOPE_ASSIGNED', 'OBJECTED'])
      .execute();
    const trail = JSON.stringify(
      (await sql`select * from audit_event`.execute(api.handle.db)).rows,
      (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v),
    );
    const leaked = people.flatMap((p) => [p.ni_number, p.payroll_number]).filter((v) => trail.includes(v));
    expect(leaked).toEqual([]);
  });
});

describe('a late and incomplete ELI', () => {
  it('is LATE with nothing sent after the due date, and when first sent after it; INCOMPLETE when a category is missing', async () => {
    const api = await startTestApi({ today: '2023-03-06' });
    try {
      const hr = await api.login('HR');
      const programmeId = await api.programmeId();
      const late = await summary(api, hr);
      expect(late.flags).toEqual(['LATE']);
      expect(late.messages).toEqual(['ELI is late: it was due on 2023-03-04 and nothing has been sent']);
      const pkg = await mutate(api, CREATE, { programmeId, categories: ['IDENTITY_AND_AGE'] }, hr);
      await mutate(api, SEND, { id: pkg.id, expectedVersion: 1, sentOn: '2023-03-05' }, hr);
      const s = await summary(api, hr);
      expect(s.flags).toEqual(['LATE', 'INCOMPLETE']);
      expect(s.missingCategories).toEqual([
        'WRITTEN_PARTICULARS',
        'DISCIPLINARY_AND_GRIEVANCE',
        'CLAIMS',
        'COLLECTIVE_AGREEMENTS',
      ]);
      // A package cannot be sent with no category ticked.
      const empty = await api.handle.db
        .insertInto('eli_package')
        .values({
          programme_id: (await api.handle.db.selectFrom('programme').select('id').executeTakeFirstOrThrow())
            .id,
          number: 2,
          kind: 'UPDATE',
          categories: [],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const res = await mutate(
        api,
        SEND,
        {
          id: Buffer.from(`EliPackage:${empty.id}`).toString('base64'),
          expectedVersion: 1,
          sentOn: '2023-03-06',
        },
        hr,
      );
      expect(res).toMatchObject({ __typename: 'ValidationError', field: 'categories' });
      expect(api.unexpected).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
