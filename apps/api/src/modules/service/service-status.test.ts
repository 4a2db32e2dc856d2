import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface Svc {
  id: string;
  key: string;
  transferStatus: string;
  statusContradiction: string | null;
  version: number;
  readiness: { dayOneCritical: number; dayOneCriticalOpen: number };
}

const SERVICES = `query ($id: ID!) { programme(id: $id) { services(first: 100) { edges { node {
  id key transferStatus statusContradiction version readiness { dayOneCritical dayOneCriticalOpen } } } } } }`;
const UPDATE = `mutation ($input: UpdateServiceStatusInput!) { updateServiceStatus(input: $input) {
  __typename ... on Service { transferStatus version statusContradiction } ... on Error { message }
  ... on ValidationError { field } ... on ConflictError { currentVersion } } }`;

const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

describe('a service’s transfer status follows its readiness', () => {
  let api: TestApi;
  let programmeId: string;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    admin = await api.login('ADMIN');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const services = async (token = admin) => {
    const res = await api.gql<{ programme: { services: { edges: { node: Svc }[] } } }>(
      SERVICES,
      { id: programmeId },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.programme.services.edges.map((e) => e.node);
  };
  const update = (input: Record<string, unknown>, token = admin) =>
    api.gql<{ updateServiceStatus: Record<string, unknown> }>(UPDATE, { input }, token);

  it('shows no demo service READY with a day-one critical item open, and flags none', async () => {
    const all = await services();
    for (const s of all) {
      if (s.transferStatus === 'READY') expect(s.readiness.dayOneCriticalOpen, s.key).toBe(0);
      expect(s.statusContradiction, s.key).toBeNull();
    }
    const mash = all.find((s) => s.key === 'front-door')!;
    expect(mash.transferStatus).toBe('IN_PROGRESS');
    expect(mash.readiness).toEqual({ dayOneCritical: 6, dayOneCriticalOpen: 6 });
  });

  it('refuses READY while day-one critical items are open, naming them, and writes nothing', async () => {
    const mash = (await services()).find((s) => s.key === 'front-door')!;
    const res = await update({ id: mash.id, expectedVersion: mash.version, status: 'READY' });
    expect(res.data!.updateServiceStatus).toMatchObject({ __typename: 'ValidationError', field: 'status' });
    expect(res.data!.updateServiceStatus.message).toMatch(
      /^status: cannot be ready while 6 day-one critical items are open: [A-Z]+-\d{3} /,
    );
    expect((await services()).find((s) => s.key === 'front-door')!.version).toBe(mash.version);
    // TRANSFERRED is the transfer run's alone; a service that transfers is never retained.
    const byHand = await update({ id: mash.id, expectedVersion: mash.version, status: 'TRANSFERRED' });
    expect(byHand.data!.updateServiceStatus.message).toMatch(/only the transfer run/);
    const retained = await update({ id: mash.id, expectedVersion: mash.version, status: 'RETAINED' });
    expect(retained.data!.updateServiceStatus.message).toMatch(/transfers/);
  });

  it('lets an ADMIN record an allowed status at the version read, audited; a stale version is a conflict', async () => {
    const ready = (await services()).find((s) => s.key === 'child-in-need')!;
    expect(ready.transferStatus).toBe('READY');
    const res = await update({ id: ready.id, expectedVersion: ready.version, status: 'IN_PROGRESS' });
    expect(res.data!.updateServiceStatus).toEqual({
      __typename: 'Service',
      transferStatus: 'IN_PROGRESS',
      version: ready.version + 1,
      statusContradiction: null,
    });
    const stale = await update({ id: ready.id, expectedVersion: ready.version, status: 'READY' });
    expect(stale.data!.updateServiceStatus).toMatchObject({
      __typename: 'ConflictError',
      currentVersion: ready.version + 1,
    });
    const back = await update({ id: ready.id, expectedVersion: ready.version + 1, status: 'READY' });
    expect(back.data!.updateServiceStatus).toMatchObject({ transferStatus: 'READY' });
    const audit = await api.handle.db
      .selectFrom('audit_event')
      .select(['kind', 'entity_id'])
      .where('operation', '=', 'updateServiceStatus')
      .execute();
    expect(audit.filter((a) => a.kind === 'WRITE' && a.entity_id === rowId(ready.id))).toHaveLength(2);
    expect(audit.some((a) => a.kind === 'REFUSED')).toBe(true);
    // Only an ADMIN records it.
    for (const role of ['EDITOR', 'HR', 'VIEWER'] as const) {
      const r = await update(
        { id: ready.id, expectedVersion: ready.version + 2, status: 'IN_PROGRESS' },
        await api.login(role),
      );
      expect(r.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });

  it('flags a stored status its readiness contradicts, to staff by item and to partners by count', async () => {
    const mash = (await services()).find((s) => s.key === 'front-door')!;
    // As an older release let it be stored: READY with six day-one critical items open.
    await sql`update service set transfer_status = 'READY' where id = ${rowId(mash.id)}`.execute(
      api.handle.db,
    );
    const flagged = (await services()).find((s) => s.key === 'front-door')!;
    expect(flagged.statusContradiction).toMatch(
      /^Recorded as ready, but 6 day-one critical items are open: [A-Z]+-\d{3} /,
    );
    const org = await api.handle.db
      .selectFrom('organisation')
      .select('id')
      .where('key', '=', 'wy-police')
      .executeTakeFirstOrThrow();
    const created = await api.gql<{ createApiToken: { token: string } }>(
      `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { ... on ApiTokenCreated { token } } }`,
      {
        input: {
          name: 'Service status test',
          organisationId: Buffer.from(`Organisation:${org.id}`).toString('base64'),
          expiresOn: '2023-06-01',
        },
      },
      admin,
    );
    const partner = created.data!.createApiToken.token;
    const res = await api.gql<{
      programme: { services: { edges: { node: { key: string; statusContradiction: string | null } }[] } };
    }>(
      `query ($id: ID!) { programme(id: $id) { services(first: 100) { edges { node { key statusContradiction } } } } }`,
      { id: programmeId },
      partner,
    );
    expect(res.errors).toBeUndefined();
    expect(
      res.data!.programme.services.edges.find((e) => e.node.key === 'front-door')!.node.statusContradiction,
    ).toBe('Recorded as ready, but 6 day-one critical items are open.');
    await sql`update service set transfer_status = 'IN_PROGRESS' where id = ${rowId(mash.id)}`.execute(
      api.handle.db,
    );
  });
});

describe('the transfer run and services', () => {
  it('makes every service that transfers TRANSFERRED, and leaves the others as they were', async () => {
    const api = await startTestApi({ today: '2023-04-01' });
    try {
      const programmeId = await api.programmeId();
      const before = await api.handle.db
        .selectFrom('service')
        .select(['key', 'disposition', 'transfer_status'])
        .execute();
      const res = await api.gql<{ runTransfer: { __typename: string } }>(
        `mutation ($input: RunTransferInput!) { runTransfer(input: $input) { __typename } }`,
        { input: { programmeId } },
        await api.login('HR'),
      );
      expect(res.data!.runTransfer.__typename).toBe('TransferRunResult');
      const after = await api.handle.db
        .selectFrom('service')
        .select(['key', 'disposition', 'transfer_status'])
        .execute();
      for (const s of after) {
        const was = before.find((b) => b.key === s.key)!;
        expect(s.transfer_status, s.key).toBe(
          s.disposition === 'TRANSFERS' ? 'TRANSFERRED' : was.transfer_status,
        );
      }
      expect(after.filter((s) => s.transfer_status === 'TRANSFERRED').length).toBeGreaterThan(5);
      const audited = await api.handle.db
        .selectFrom('audit_event')
        .select('entity_id')
        .where('operation', '=', 'runTransfer')
        .where('entity_type', '=', 'Service')
        .execute();
      expect(audited).toHaveLength(after.filter((s) => s.disposition === 'TRANSFERS').length);
    } finally {
      await api.close();
    }
  });
});
