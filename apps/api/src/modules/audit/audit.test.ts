import { DEMO_PASSWORD, migrateToLatest, type AuditEvent } from '@handover/db';
import { openTestDatabase } from '@handover/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../context.ts';
import { startTestApi, type TestApi } from '../../test/harness.ts';
import { AuditCollector, auditedWrite, recordAudit, recordPartnerQuery } from './audit.service.ts';

/** The database row's ID inside a global ID. */
const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

const ITEMS = `query ($id: ID!) { programme(id: $id) {
  checklistItems(first: 5, filter: { statuses: [NOT_STARTED], workstreamCodes: [ICT_DATA, OFSTED_REGULATION, PRACTICE_CONTINUITY] }) { edges { node { id status dueDate version } } }
} }`;

const UPDATE_ITEM = `mutation ($input: UpdateChecklistItemInput!) {
  updateChecklistItem(input: $input) {
    __typename
    ... on ChecklistItem { id status version }
    ... on ValidationError { field }
  }
}`;

const AUDIT = `query ($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { id kind actorEmail actorRole operation entityType entityId fields versionBefore versionAfter reason requestId occurredAt } }
  }
}`;

interface AuditNode {
  id: string;
  kind: string;
  actorEmail: string | null;
  operation: string | null;
  entityType: string | null;
  entityId: string | null;
  fields: string[];
  versionBefore: number | null;
  versionAfter: number | null;
  reason: string | null;
}

interface Item {
  id: string;
  status: string;
  dueDate: string | null;
  version: number;
}

describe('the audit trail', () => {
  let api: TestApi;
  let programmeId: string;
  let editor: string;
  let admin: string;
  let hr: string;
  let viewer: string;

  /** The events appended after `mark` (an event id), oldest first. */
  const since = (mark: number): Promise<AuditEvent[]> =>
    api.handle.db.selectFrom('audit_event').selectAll().where('id', '>', mark).orderBy('id').execute();
  const mark = async (): Promise<number> => {
    const row = await api.handle.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  };

  const items = async (): Promise<Item[]> => {
    const res = await api.gql<{ programme: { checklistItems: { edges: { node: Item }[] } } }>(
      ITEMS,
      { id: programmeId },
      viewer,
    );
    return res.data!.programme.checklistItems.edges.map((e) => e.node);
  };

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    editor = await api.login('EDITOR');
    admin = await api.login('ADMIN');
    hr = await api.login('HR');
    viewer = await api.login('VIEWER');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('records a write: who, role, operation, entity, the names of the fields that changed, versions, request id', async () => {
    const [item] = await items();
    const before = await mark();
    const response = await api.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${editor}`,
        'x-request-id': 'audit-test-1',
      },
      body: JSON.stringify({
        query: UPDATE_ITEM,
        // The due date is given as it already is: only the status changes.
        variables: {
          input: {
            id: item!.id,
            expectedVersion: item!.version,
            status: 'IN_PROGRESS',
            dueDate: item!.dueDate,
          },
        },
      }),
    });
    const body = (await response.json()) as { data: { updateChecklistItem: { version: number } } };
    expect(body.data.updateChecklistItem.version).toBe(item!.version + 1);

    const events = await since(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'WRITE',
      actor_email: 'editor@handover.example',
      actor_role: 'EDITOR',
      operation: 'updateChecklistItem',
      entity_type: 'ChecklistItem',
      entity_id: rowId(item!.id),
      fields: ['status'],
      version_before: item!.version,
      version_after: item!.version + 1,
      request_id: 'audit-test-1',
      reason: null,
    });
    expect(events[0]!.actor_user_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(events[0]!.occurred_at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('records writes to milestones and RAID items, a new RAID item with the fields it was given', async () => {
    // A workstream the demo EDITOR leads: they create RAID items only there.
    const ws = await api.gql<{ programme: { workstreams: { id: string; code: string }[] } }>(
      `query ($id: ID!) { programme(id: $id) { workstreams { id code } } }`,
      { id: programmeId },
      viewer,
    );
    const ict = ws.data!.programme.workstreams.find((w) => w.code === 'ICT_DATA')!;
    const before = await mark();
    const created = await api.gql<{ createRaidItem: { id: string; version: number } }>(
      `mutation ($input: CreateRaidItemInput!) { createRaidItem(input: $input) { ... on RaidItem { id version } } }`,
      {
        input: {
          programmeId,
          type: 'RISK',
          title: 'Audit test risk',
          statement: 'There is a risk that the audit test fails.',
          workstreamId: ict.id,
        },
      },
      editor,
    );
    const raid = created.data!.createRaidItem;
    await api.gql(
      `mutation ($input: CloseRaidItemInput!) { closeRaidItem(input: $input) { ... on RaidItem { id } } }`,
      { input: { id: raid.id, expectedVersion: raid.version } },
      editor,
    );
    const ms = await api.gql<{
      programme: {
        milestones: {
          edges: { node: { id: string; version: number; rag: string; forecastDate: string | null } }[];
        };
      };
    }>(
      `query ($id: ID!) { programme(id: $id) { milestones(first: 1) { edges { node { id version rag forecastDate } } } } }`,
      { id: programmeId },
      viewer,
    );
    const milestone = ms.data!.programme.milestones.edges[0]!.node;
    await api.gql(
      `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { ... on Milestone { id } } }`,
      {
        input: {
          id: milestone.id,
          expectedVersion: milestone.version,
          rag: milestone.rag === 'RED' ? 'AMBER' : 'RED',
          forecastDate: milestone.forecastDate === '2023-03-20' ? '2023-03-21' : '2023-03-20',
        },
      },
      admin,
    );

    const events = await since(before);
    expect(events.map((e) => [e.kind, e.operation, e.entity_id])).toEqual([
      ['WRITE', 'createRaidItem', rowId(raid.id)],
      ['WRITE', 'closeRaidItem', rowId(raid.id)],
      ['WRITE', 'updateMilestone', rowId(milestone.id)],
    ]);
    expect(events[0]!.fields).toEqual(
      expect.arrayContaining(['title', 'statement', 'type', 'ref', 'status']),
    );
    expect(events[0]).toMatchObject({ version_before: null, version_after: 1 });
    expect([...events[1]!.fields].sort()).toEqual(['closed_at', 'status']);
    expect(events[1]).toMatchObject({ version_before: 1, version_after: 2 });
    expect([...events[2]!.fields].sort()).toEqual(['forecast_date', 'rag']);
    expect(events[2]).toMatchObject({ actor_role: 'ADMIN', version_after: milestone.version + 1 });
  });

  it('records a refused write as REFUSED with the reason, never the value given', async () => {
    const [item] = await items();
    const before = await mark();
    const secret = 'javascript:alert("leaked-value-4711")';
    const invalid = await api.gql<{ updateChecklistItem: { __typename: string; field?: string } }>(
      UPDATE_ITEM,
      { input: { id: item!.id, expectedVersion: item!.version, evidence: [secret] } },
      editor,
    );
    expect(invalid.data!.updateChecklistItem).toEqual({
      __typename: 'ValidationError',
      field: 'evidence[0]',
    });
    const stale = await api.gql<{ updateChecklistItem: { __typename: string } }>(
      UPDATE_ITEM,
      { input: { id: item!.id, expectedVersion: item!.version + 5, status: 'BLOCKED' } },
      editor,
    );
    expect(stale.data!.updateChecklistItem.__typename).toBe('ConflictError');

    const events = await since(before);
    expect(events.map((e) => [e.kind, e.entity_id, e.reason])).toEqual([
      ['REFUSED', rowId(item!.id), 'VALIDATION: evidence[0]'],
      [
        'REFUSED',
        rowId(item!.id),
        `CONFLICT: expected version ${item!.version + 5}, current ${item!.version}`,
      ],
    ]);
    expect(JSON.stringify(events)).not.toContain('leaked-value-4711');
    // Neither refusal changed the item.
    expect((await items()).find((i) => i.id === item!.id)).toEqual(item);
  });

  it('leaves no audit row for a write rolled back, and no write when its audit row cannot be written', async () => {
    const [item] = await items();
    const id = rowId(item!.id);
    const ctx = {
      db: api.handle.db,
      viewer: null,
      requestId: 'rollback-test',
      audit: new AuditCollector(),
    } as unknown as Context;
    const before = await mark();
    await expect(
      auditedWrite(
        ctx,
        { operation: 'test', entityType: 'ChecklistItem', table: 'checklist_item', id: () => id },
        async (db) => {
          await db
            .updateTable('checklist_item')
            .set({ title: 'changed then rolled back' })
            .where('id', '=', id)
            .execute();
          throw new Error('something failed after the change');
        },
      ),
    ).rejects.toThrow('something failed after the change');
    expect(await since(before)).toEqual([]);

    // An audit trail that refuses inserts: the change it would record is not made either.
    await sql`create function refuse_audit_insert() returns trigger language plpgsql as $$
      begin raise exception 'audit store unavailable'; end $$`.execute(api.handle.db);
    await sql`create trigger refuse_audit_insert before insert on audit_event
      for each row execute function refuse_audit_insert()`.execute(api.handle.db);
    try {
      const res = await api.gql<{ updateChecklistItem: unknown }>(
        UPDATE_ITEM,
        { input: { id: item!.id, expectedVersion: item!.version, status: 'IN_PROGRESS' } },
        editor,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      // Reads of personal fields fail rather than be served unaudited.
      const read = await api.gql(
        `query ($id: ID!) { programme(id: $id) { employees(first: 2) { edges { node { niNumber } } } } }`,
        { id: programmeId },
        hr,
      );
      expect(read.data ?? null).toBeNull();
      expect(read.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql`drop trigger refuse_audit_insert on audit_event`.execute(api.handle.db);
      await sql`drop function refuse_audit_insert()`.execute(api.handle.db);
      api.unexpected.length = 0;
    }
    expect((await items()).find((i) => i.id === item!.id)).toEqual(item);
  });

  it('records reads of personal fields by HR: one event per employee, names only, in one statement', async () => {
    const before = await mark();
    api.statements.length = 0;
    const res = await api.gql<{
      programme: {
        employees: {
          edges: {
            node: { id: string; niNumber: string; firstName: string; lastName: string; salary: number };
          }[];
        };
      };
    }>(
      `query Staff($id: ID!) { programme(id: $id) { employees(first: 40) { edges { node { id payrollNumber niNumber firstName lastName salary } } } } }`,
      { id: programmeId },
      hr,
    );
    const employees = res.data!.programme.employees.edges.map((e) => e.node);
    expect(employees).toHaveLength(40);
    expect(api.statements.filter((s) => /insert into "audit_event"/i.test(s))).toHaveLength(1);

    const events = await since(before);
    expect(events).toHaveLength(40);
    expect(new Set(events.map((e) => e.entity_id))).toEqual(new Set(employees.map((e) => rowId(e.id))));
    for (const e of events) {
      expect(e).toMatchObject({
        kind: 'PERSONAL_READ',
        actor_email: 'hr@handover.example',
        actor_role: 'HR',
        operation: 'Staff',
        entity_type: 'Employee',
      });
      expect([...e.fields].sort()).toEqual(['firstName', 'lastName', 'niNumber', 'salary']);
    }
    // No personal value anywhere in the trail.
    const trail = JSON.stringify(await since(0));
    for (const e of employees) {
      for (const value of [e.niNumber, e.firstName, e.lastName, String(e.salary)]) {
        expect(trail).not.toContain(`"${value}"`);
      }
      expect(trail).not.toContain(e.niNumber);
    }

    // Organisational fields alone are not personal reads.
    const quiet = await mark();
    await api.gql(
      `query ($id: ID!) { programme(id: $id) { employees(first: 5) { edges { node { payrollNumber tupeStatus } } } } }`,
      { id: programmeId },
      hr,
    );
    expect(await since(quiet)).toEqual([]);
  });

  it("shows ADMIN that a person's record was read, never whose: no employee id in the trail", async () => {
    const read = await api.gql<{ programme: { employees: { edges: { node: { id: string } }[] } } }>(
      `query ($id: ID!) { programme(id: $id) { employees(first: 1) { edges { node { id niNumber } } } } }`,
      { id: programmeId },
      hr,
    );
    const employeeId = read.data!.programme.employees.edges[0]!.node.id;
    const res = await api.gql<{ auditEvents: { edges: { node: AuditNode }[] } }>(
      AUDIT,
      { filter: { kinds: ['PERSONAL_READ'] }, first: 5 },
      admin,
    );
    const events = res.data!.auditEvents.edges.map((e) => e.node);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e).toMatchObject({ entityType: 'Employee', entityId: null });
    expect(JSON.stringify(res)).not.toContain(rowId(employeeId));
  });

  it('records refused requests: a role refused a field, no session, an invalid or expired token', async () => {
    const before = await mark();
    const refused = await api.gql(
      `query ($id: ID!) { programme(id: $id) { employees(first: 20) { edges { node { niNumber salary } } } } }`,
      { id: programmeId },
      viewer,
    );
    expect(refused.errors?.length).toBeGreaterThan(0);
    await api.gql('{ programmes(first: 1) { totalCount } }');
    await api.gql('query Sneaky { programmes(first: 1) { totalCount } }', {}, 'x'.repeat(43));

    const events = await since(before);
    expect(events.map((e) => [e.kind, e.actor_role, e.operation, e.fields, e.reason])).toEqual([
      // The list of employees is HR's: refused whole, one event, whatever was asked of them.
      ['REFUSED', 'VIEWER', 'Programme.employees', ['employees'], 'FORBIDDEN: role VIEWER'],
      ['REFUSED', null, 'Query.programmes', ['programmes'], 'UNAUTHENTICATED'],
      ['REFUSED', null, 'Sneaky', [], 'UNAUTHENTICATED: invalid or expired bearer token'],
      ['REFUSED', null, 'Query.programmes', ['programmes'], 'UNAUTHENTICATED'],
    ]);
    expect(events[0]!.actor_email).toBe('viewer@handover.example');
  });

  it('records sign-ins, failed sign-ins (the email given, never the password) and sign-outs', async () => {
    const before = await mark();
    const login = (email: string, password: string) =>
      api.gql<{ login: { token?: string } }>(
        `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ... on LoginSuccess { token } ... on Error { message } } }`,
        { email, password },
      );
    const ok = await login('HR@handover.example', DEMO_PASSWORD);
    await login('hr@handover.example', 'wrong-password-8812');
    await login('nobody@handover.example', 'another-password-9931');
    await api.gql('mutation { logout }', {}, ok.data!.login.token);

    const events = await since(before);
    expect(events.map((e) => [e.kind, e.actor_email, e.actor_role, e.operation, e.reason])).toEqual([
      ['SIGN_IN', 'hr@handover.example', 'HR', 'login', null],
      ['SIGN_IN_FAILED', 'hr@handover.example', null, 'login', 'INVALID_CREDENTIALS'],
      ['SIGN_IN_FAILED', 'nobody@handover.example', null, 'login', 'INVALID_CREDENTIALS'],
      ['SIGN_OUT', 'hr@handover.example', 'HR', 'logout', null],
    ]);
    expect(events[0]!.actor_user_id).toBe(events[3]!.actor_user_id);
    const json = JSON.stringify(events);
    for (const secret of [
      DEMO_PASSWORD,
      'wrong-password-8812',
      'another-password-9931',
      ok.data!.login.token!,
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it('records a partner query with its token and operation name or document id', async () => {
    const before = await mark();
    await recordPartnerQuery(
      { db: api.handle.db, requestId: 'partner-req' },
      { apiTokenId: 'token-123', operationName: 'Readiness' },
    );
    await recordPartnerQuery(
      { db: api.handle.db, requestId: null },
      { apiTokenId: 'token-123', documentId: 'sha256:abc', reason: 'PERSISTED_QUERY_NOT_IN_LIST' },
    );
    expect(
      (await since(before)).map((e) => [
        e.kind,
        e.actor_role,
        e.api_token_id,
        e.operation,
        e.document_id,
        e.request_id,
        e.reason,
      ]),
    ).toEqual([
      ['PARTNER_QUERY', 'PARTNER', 'token-123', 'Readiness', null, 'partner-req', null],
      ['PARTNER_QUERY', 'PARTNER', 'token-123', null, 'sha256:abc', null, 'PERSISTED_QUERY_NOT_IN_LIST'],
    ]);
  });

  it('lets ADMIN alone read the trail, newest first, filtered and paged', async () => {
    for (const token of [editor, hr, viewer]) {
      const res = await api.gql(AUDIT, {}, token);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const all = await api.gql<{ auditEvents: { totalCount: number; edges: { node: AuditNode }[] } }>(
      AUDIT,
      { first: 200 },
      admin,
    );
    const nodes = all.data!.auditEvents.edges.map((e) => e.node);
    expect(all.data!.auditEvents.totalCount).toBe(
      await api.handle.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),
    );
    const ids = nodes.map((n) => Number(n.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // The three refusals just above are the newest.
    expect(nodes.slice(0, 3).map((n) => n.operation)).toEqual([
      'Query.auditEvents',
      'Query.auditEvents',
      'Query.auditEvents',
    ]);

    const writes = await api.gql<{ auditEvents: { totalCount: number; edges: { node: AuditNode }[] } }>(
      AUDIT,
      { first: 1, filter: { kinds: ['WRITE'], actorEmail: 'EDITOR@handover', entityType: 'ChecklistItem' } },
      admin,
    );
    expect(writes.data!.auditEvents.totalCount).toBe(1);
    const write = writes.data!.auditEvents.edges[0]!.node;
    expect(write).toMatchObject({ kind: 'WRITE', operation: 'updateChecklistItem', fields: ['status'] });

    const [item] = await api.handle.db
      .selectFrom('checklist_item')
      .select('id')
      .where('id', '=', write.entityId!)
      .execute();
    const byGlobalId = await api.gql<{ auditEvents: { totalCount: number } }>(
      AUDIT,
      { filter: { entityId: Buffer.from(`ChecklistItem:${item!.id}`).toString('base64'), kinds: ['WRITE'] } },
      admin,
    );
    expect(byGlobalId.data!.auditEvents.totalCount).toBe(1);

    const page2 = await api.gql<{ auditEvents: { edges: { node: AuditNode }[] } }>(
      AUDIT,
      { first: 2, after: Buffer.from('OffsetConnection:1').toString('base64') },
      admin,
    );
    expect(page2.data!.auditEvents.edges.map((e) => e.node.id)).toEqual(nodes.slice(2, 4).map((n) => n.id));

    const future = await api.gql<{ auditEvents: { totalCount: number } }>(
      AUDIT,
      { filter: { from: new Date(Date.now() + 3600_000).toISOString() } },
      admin,
    );
    expect(future.data!.auditEvents.totalCount).toBe(0);
    const past = await api.gql<{ auditEvents: { totalCount: number } }>(
      AUDIT,
      { filter: { to: new Date(Date.now() - 24 * 3600_000).toISOString() } },
      admin,
    );
    expect(past.data!.auditEvents.totalCount).toBe(0);
    const backwards = await api.gql(
      AUDIT,
      { filter: { from: '2023-02-02T00:00:00Z', to: '2023-02-01T00:00:00Z' } },
      admin,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });

  it('refuses to change or delete an audit row, whoever asks', async () => {
    await recordAudit({ db: api.handle.db }, { kind: 'REFUSED', reason: 'to be tampered with' });
    const id = await mark();
    await expect(
      api.handle.db.updateTable('audit_event').set({ reason: 'tampered' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/audit_event is append-only: UPDATE is not allowed/);
    await expect(api.handle.db.deleteFrom('audit_event').where('id', '=', id).execute()).rejects.toThrow(
      /audit_event is append-only: DELETE is not allowed/,
    );
    await expect(sql`truncate audit_event`.execute(api.handle.db)).rejects.toThrow(
      /audit_event is append-only: TRUNCATE is not allowed/,
    );
    const row = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row?.reason).toBe('to be tampered with');

    // The grants as well: the migrating role (and so an application role made like it) may only insert and read.
    const privileges = await sql<{ privilege_type: string }>`
      select a.privilege_type from pg_class c, aclexplode(c.relacl) a
      where c.relname = 'audit_event' and a.grantee = (select oid from pg_roles where rolname = current_user)`.execute(
      api.handle.db,
    );
    const granted = privileges.rows.map((r) => r.privilege_type);
    expect(granted).toEqual(expect.arrayContaining(['INSERT', 'SELECT']));
    for (const p of ['UPDATE', 'DELETE', 'TRUNCATE']) expect(granted).not.toContain(p);
  });

  it('still lets the schema be dropped and built again (pnpm db reset --yes)', async () => {
    const handle = await openTestDatabase({ seeded: false });
    try {
      await migrateToLatest(handle.db);
      await recordAudit({ db: handle.db }, { kind: 'SIGN_OUT' });
      // What the reset command does.
      await sql`drop schema public cascade`.execute(handle.db);
      await sql`create schema public`.execute(handle.db);
      await migrateToLatest(handle.db);
      const rows = await handle.db.selectFrom('audit_event').selectAll().execute();
      expect(rows).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
