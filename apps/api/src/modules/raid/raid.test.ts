import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GqlResponse, type TestApi } from '../../test/harness.ts';

interface Score {
  likelihood: number;
  impact: number;
  score: number;
  band: string;
}

interface Item {
  id: string;
  ref: string;
  type: string;
  title: string;
  statement: string;
  status: string;
  version: number;
  closedAt: string | null;
  inherent: Score | null;
  residual: Score | null;
  target: Score | null;
  current: Score | null;
}

interface Result extends Partial<Item> {
  __typename: string;
  message?: string;
  field?: string;
  currentVersion?: number;
  expectedVersion?: number;
}

const SCORE = 'likelihood impact score band';
const ITEM = `id ref type title statement status version closedAt
  inherent { ${SCORE} } residual { ${SCORE} } target { ${SCORE} } current { ${SCORE} }`;
const CREATED = `__typename
  ... on RaidItem { ${ITEM} }
  ... on Error { message }
  ... on ValidationError { field }`;
const RESULT = `${CREATED}
  ... on ConflictError { expectedVersion currentVersion conflict: current { ... on RaidItem { title version } } }`;

const CREATE = `mutation ($input: CreateRaidItemInput!) { createRaidItem(input: $input) { ${CREATED} } }`;
const UPDATE = `mutation ($input: UpdateRaidItemInput!) { updateRaidItem(input: $input) { ${RESULT} } }`;
const CLOSE = `mutation ($input: CloseRaidItemInput!) { closeRaidItem(input: $input) { ${RESULT} } }`;

const LIST = `query ($id: ID!, $filter: RaidItemFilter) {
  programme(id: $id) {
    raidItems(first: 200, filter: $filter) { totalCount edges { node { ${ITEM} } } }
  }
}`;

/** The default banding (DOMAIN.md 6.4): 1-4 LOW, 5-9 MEDIUM, 10-15 HIGH, 16-25 CRITICAL. */
const bandOf = (score: number) =>
  score <= 4 ? 'LOW' : score <= 9 ? 'MEDIUM' : score <= 15 ? 'HIGH' : 'CRITICAL';

type ConflictResult = Result & { conflict?: { title: string; version: number } };

describe('the RAID log', () => {
  let api: TestApi;
  let programmeId: string;
  // Writes as the programme manager: these tests are not about roles (user.test.ts holds the EDITOR rule).
  let writer: string;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    writer = await api.login('ADMIN');
    admin = await api.login('ADMIN');
    viewer = await api.login('VIEWER');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const raidRows = () => api.handle.db.selectFrom('raid_item').selectAll().orderBy('ref').execute();
  const rowByRef = (ref: string) =>
    api.handle.db.selectFrom('raid_item').selectAll().where('ref', '=', ref).executeTakeFirstOrThrow();
  const countRows = async () =>
    (
      await api.handle.db
        .selectFrom('raid_item')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  async function create(
    input: Record<string, unknown>,
    token = writer,
  ): Promise<GqlResponse<{ createRaidItem: Result }>> {
    return api.gql<{ createRaidItem: Result }>(CREATE, { input: { programmeId, ...input } }, token);
  }

  async function list(filter?: Record<string, unknown>, token = viewer) {
    const res = await api.gql<{ programme: { raidItems: { totalCount: number; edges: { node: Item }[] } } }>(
      LIST,
      { id: programmeId, filter },
      token,
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data!.programme.raidItems;
    return { totalCount: conn.totalCount, items: conn.edges.map((e) => e.node) };
  }

  async function itemByRef(ref: string): Promise<Item> {
    const { items } = await list({ search: ref });
    const found = items.find((i) => i.ref === ref);
    if (!found) throw new Error(`no RAID item ${ref}`);
    return found;
  }

  const lastNumber = async (prefix: string) =>
    Math.max(
      0,
      ...(await raidRows())
        .filter((r) => new RegExp(`^${prefix}-\\d+$`).test(r.ref))
        .map((r) => Number(r.ref.slice(prefix.length + 1))),
    );

  describe('creating an item', () => {
    it('gives a new risk the next reference and scores and bands it, at every band edge', async () => {
      const cases: [number, number][][] = [
        [
          [1, 1],
          [2, 2],
          [1, 5],
        ], // 1 LOW, 4 LOW, 5 MEDIUM
        [
          [3, 3],
          [2, 5],
          [3, 5],
        ], // 9 MEDIUM, 10 HIGH, 15 HIGH
        [
          [4, 4],
          [5, 5],
          [4, 1],
        ], // 16 CRITICAL, 25 CRITICAL, 4 LOW
      ];
      for (const [inherent, residual, target] of cases) {
        const next = (await lastNumber('R')) + 1;
        const toInput = ([likelihood, impact]: [number, number]) => ({ likelihood, impact });
        const res = await create(
          {
            type: 'RISK',
            title: '  Trust payroll provider fails at cutover  ',
            statement:
              'There is a risk that the first trust payroll is late, caused by ..., resulting in ...',
            inherent: toInput(inherent!),
            residual: toInput(residual!),
            target: toInput(target!),
          },
          admin,
        );
        expect(res.errors).toBeUndefined();
        const item = res.data!.createRaidItem;
        expect(item.__typename).toBe('RaidItem');
        expect(item.ref).toBe(`R-${String(next).padStart(3, '0')}`);
        expect(item.ref).toMatch(/^R-0\d\d$/);
        expect(item.title).toBe('Trust payroll provider fails at cutover');
        expect(item.status).toBe('OPEN');
        expect(item.version).toBe(1);
        expect(item.closedAt).toBeNull();
        for (const [kind, [l, i]] of [
          ['inherent', inherent!],
          ['residual', residual!],
          ['target', target!],
        ] as const) {
          expect(item[kind], kind).toEqual({ likelihood: l, impact: i, score: l * i, band: bandOf(l * i) });
        }
        // The current score is the residual one, once assessed.
        expect(item.current).toEqual(item.residual);

        const row = await rowByRef(item.ref!);
        expect(row).toMatchObject({
          type: 'RISK',
          title: 'Trust payroll provider fails at cutover',
          inherent_likelihood: inherent![0],
          inherent_impact: inherent![1],
          residual_likelihood: residual![0],
          residual_impact: residual![1],
          target_likelihood: target![0],
          target_impact: target![1],
        });
      }
      // The edges of the default banding, as the programme reports it.
      const bands = await api.gql<{ programme: { riskBands: unknown[] } }>(
        'query ($id: ID!) { programme(id: $id) { riskBands { band min max } } }',
        { id: programmeId },
        viewer,
      );
      expect(bands.data?.programme.riskBands).toEqual([
        { band: 'LOW', min: 1, max: 4 },
        { band: 'MEDIUM', min: 5, max: 9 },
        { band: 'HIGH', min: 10, max: 15 },
        { band: 'CRITICAL', min: 16, max: 25 },
      ]);
    });

    it('numbers each type on its own, and bands an item with only an inherent score by it', async () => {
      const next = (await lastNumber('I')) + 1;
      const res = await create({
        type: 'ISSUE',
        title: 'Payroll file rejected by the bank',
        statement: 'The test BACS file was rejected.',
        inherent: { likelihood: 2, impact: 3 },
      });
      const item = res.data!.createRaidItem;
      expect(item.ref).toBe(`I-${String(next).padStart(3, '0')}`);
      expect(item.residual).toBeNull();
      expect(item.current).toEqual({ likelihood: 2, impact: 3, score: 6, band: 'MEDIUM' });
    });

    it('refuses a score outside 1 to 5, naming the part, and writes nothing', async () => {
      const before = await countRows();
      const cases: [Record<string, unknown>, string][] = [
        [{ inherent: { likelihood: 0, impact: 3 } }, 'inherent.likelihood'],
        [{ inherent: { likelihood: 3, impact: 6 } }, 'inherent.impact'],
        [{ residual: { likelihood: 6, impact: 1 } }, 'residual.likelihood'],
        [{ inherent: { likelihood: 2, impact: 2 }, target: { likelihood: 1, impact: 0 } }, 'target.impact'],
        [{ residual: { likelihood: -1, impact: 3 } }, 'residual.likelihood'],
      ];
      for (const [scores, field] of cases) {
        const res = await create({ type: 'RISK', title: 'Out of range', statement: 'x', ...scores });
        expect(res.errors).toBeUndefined();
        expect(res.data?.createRaidItem).toMatchObject({ __typename: 'ValidationError', field });
        expect(res.data?.createRaidItem.message).toMatch(/1 to 5/);
      }
      expect(await countRows()).toBe(before);
    });

    it('refuses a likelihood without an impact (the input needs both) and writes nothing', async () => {
      const before = await countRows();
      const res = await create({
        type: 'RISK',
        title: 'Half a score',
        statement: 'x',
        inherent: { likelihood: 3 },
      });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.message).toMatch(/input\.inherent/);
      expect(res.errors?.[0]?.message).toMatch(/"impact"/);
      expect(await countRows()).toBe(before);
    });

    it('refuses an empty title and a malformed programme ID, naming the field', async () => {
      const before = await countRows();
      const empty = await create({ type: 'RISK', title: '   ', statement: 'Something' });
      expect(empty.data?.createRaidItem).toMatchObject({ __typename: 'ValidationError', field: 'title' });
      const badId = await api.gql<{ createRaidItem: Result }>(
        CREATE,
        { input: { programmeId: 'not-an-id', type: 'RISK', title: 'A title', statement: 'Something' } },
        writer,
      );
      expect(badId.data?.createRaidItem).toMatchObject({
        __typename: 'ValidationError',
        field: 'programmeId',
      });
      expect(await countRows()).toBe(before);
    });

    it('answers a programme that does not exist with NotFoundError, and writes nothing', async () => {
      const before = await countRows();
      const missing = Buffer.from('Programme:00000000-0000-4000-8000-000000000000').toString('base64');
      const res = await api.gql<{ createRaidItem: Result & { entity?: string } }>(
        `mutation ($input: CreateRaidItemInput!) {
          createRaidItem(input: $input) { __typename ... on NotFoundError { entity } }
        }`,
        { input: { programmeId: missing, type: 'RISK', title: 'A title', statement: 'Something' } },
        writer,
      );
      expect(res.data?.createRaidItem).toEqual({ __typename: 'NotFoundError', entity: 'Programme' });
      expect(await countRows()).toBe(before);
    });

    it('refuses an unknown type with an error naming the value, and writes nothing', async () => {
      const before = await countRows();
      const res = await create({ type: 'OPPORTUNITY', title: 'A title', statement: 'Something' });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.message).toContain('OPPORTUNITY');
      expect(await countRows()).toBe(before);
    });
  });

  describe('changing an item', () => {
    it('updates at the version read and bumps the version', async () => {
      const seeded = await itemByRef('R-007');
      const res = await api.gql<{ updateRaidItem: Result }>(
        UPDATE,
        {
          input: {
            id: seeded.id,
            expectedVersion: seeded.version,
            title: 'Placement contracts not novated by go-live',
            residual: { likelihood: 4, impact: 4 },
          },
        },
        writer,
      );
      expect(res.errors).toBeUndefined();
      const item = res.data!.updateRaidItem;
      expect(item).toMatchObject({
        __typename: 'RaidItem',
        ref: 'R-007',
        title: 'Placement contracts not novated by go-live',
        version: seeded.version + 1,
        current: { likelihood: 4, impact: 4, score: 16, band: 'CRITICAL' },
      });
      // Fields left out stay as they were.
      expect(item.statement).toBe(seeded.statement);
      expect(item.inherent).toEqual(seeded.inherent);
      const row = await rowByRef('R-007');
      expect(row).toMatchObject({
        title: 'Placement contracts not novated by go-live',
        version: seeded.version + 1,
        residual_likelihood: 4,
        residual_impact: 4,
      });
    });

    it('answers a stale version with a conflict carrying the row as it is, and changes nothing', async () => {
      const now = await itemByRef('R-008');
      const first = await api.gql<{ updateRaidItem: Result }>(
        UPDATE,
        {
          input: {
            id: now.id,
            expectedVersion: now.version,
            title: 'Pension admission agreement signed after go-live',
          },
        },
        writer,
      );
      expect(first.data?.updateRaidItem.__typename).toBe('RaidItem');
      const before = await rowByRef('R-008');

      const stale = await api.gql<{ updateRaidItem: ConflictResult }>(
        UPDATE,
        {
          input: {
            id: now.id,
            expectedVersion: now.version,
            title: 'Someone else’s title',
            status: 'CLOSED',
          },
        },
        admin,
      );
      expect(stale.errors).toBeUndefined();
      expect(stale.data?.updateRaidItem).toMatchObject({
        __typename: 'ConflictError',
        expectedVersion: now.version,
        currentVersion: now.version + 1,
        conflict: { title: 'Pension admission agreement signed after go-live', version: now.version + 1 },
      });
      expect(await rowByRef('R-008')).toEqual(before);
    });

    it('closes an item, recording when', async () => {
      const open = await itemByRef('R-012');
      expect(open.status).toBe('OPEN');
      const res = await api.gql<{ closeRaidItem: Result }>(
        CLOSE,
        { input: { id: open.id, expectedVersion: open.version } },
        writer,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.closeRaidItem).toMatchObject({
        __typename: 'RaidItem',
        status: 'CLOSED',
        version: open.version + 1,
        // The test clock stands at noon UK time on 15 February 2023 (GMT).
        closedAt: '2023-02-15T12:00:00.000Z',
      });
      const row = await rowByRef('R-012');
      expect(row.status).toBe('CLOSED');
      expect(row.closed_at).toEqual(new Date('2023-02-15T12:00:00.000Z'));
      // Closed, it stays in the log.
      const { items } = await list({ statuses: ['CLOSED'] });
      expect(items.map((i) => i.ref)).toContain('R-012');
    });

    it('keeps the day an item was closed when it is closed again', async () => {
      const closed = await itemByRef('R-023');
      const before = await rowByRef('R-023');
      expect(closed.status).toBe('CLOSED');
      expect(before.closed_at).not.toBeNull();
      const res = await api.gql<{ closeRaidItem: Result }>(
        CLOSE,
        { input: { id: closed.id, expectedVersion: closed.version } },
        writer,
      );
      expect(res.data?.closeRaidItem).toMatchObject({
        __typename: 'RaidItem',
        status: 'CLOSED',
        closedAt: before.closed_at!.toISOString(),
      });
      expect((await rowByRef('R-023')).closed_at).toEqual(before.closed_at);
    });

    it('does not close an item someone changed first', async () => {
      const open = await itemByRef('R-015');
      const before = await rowByRef('R-015');
      const res = await api.gql<{ closeRaidItem: Result }>(
        CLOSE,
        { input: { id: open.id, expectedVersion: open.version + 3 } },
        writer,
      );
      expect(res.data?.closeRaidItem).toMatchObject({
        __typename: 'ConflictError',
        currentVersion: open.version,
      });
      expect(await rowByRef('R-015')).toEqual(before);
    });

    it('lets a viewer change nothing', async () => {
      const before = await raidRows();
      const item = await itemByRef('R-001');
      const attempts = [
        await create({ type: 'RISK', title: 'Viewer risk', statement: 'x' }, viewer),
        await api.gql(
          UPDATE,
          { input: { id: item.id, expectedVersion: item.version, title: 'Viewer was here' } },
          viewer,
        ),
        await api.gql(CLOSE, { input: { id: item.id, expectedVersion: item.version } }, viewer),
      ];
      for (const res of attempts) {
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await raidRows()).toEqual(before);
    });
  });

  describe('filtering the log', () => {
    /** The current score of a row: residual when assessed, else inherent. */
    const currentScore = (r: Awaited<ReturnType<typeof raidRows>>[number]) =>
      r.residual_likelihood !== null && r.residual_impact !== null
        ? r.residual_likelihood * r.residual_impact
        : r.inherent_likelihood !== null && r.inherent_impact !== null
          ? r.inherent_likelihood * r.inherent_impact
          : null;

    it('lists the whole log, highest current score first', async () => {
      const rows = await raidRows();
      const { totalCount, items } = await list();
      expect(totalCount).toBe(rows.length);
      expect(items.map((i) => i.ref).sort()).toEqual(rows.map((r) => r.ref).sort());
      const scores = items.map((i) => i.current?.score ?? 0);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('filters by type', async () => {
      const types = ['ISSUE', 'DEPENDENCY'];
      const { totalCount, items } = await list({ types });
      const expected = (await raidRows()).filter((r) => types.includes(r.type));
      expect(expected.length).toBeGreaterThan(0);
      expect(totalCount).toBe(expected.length);
      expect(items.map((i) => i.ref).sort()).toEqual(expected.map((r) => r.ref).sort());
      expect(items.every((i) => types.includes(i.type))).toBe(true);
    });

    it('filters by status', async () => {
      const statuses = ['MONITORING', 'MATERIALISED'];
      const { totalCount, items } = await list({ statuses });
      const expected = (await raidRows()).filter((r) => statuses.includes(r.status));
      expect(expected.length).toBeGreaterThan(0);
      expect(totalCount).toBe(expected.length);
      expect(items.map((i) => i.ref).sort()).toEqual(expected.map((r) => r.ref).sort());
      expect(items.every((i) => statuses.includes(i.status))).toBe(true);
    });

    it.each([[['CRITICAL']], [['HIGH', 'CRITICAL']], [['LOW', 'MEDIUM']], [['MEDIUM']]])(
      'filters by the current band %j',
      async (bands) => {
        const { totalCount, items } = await list({ bands });
        const expected = (await raidRows()).filter((r) => {
          const s = currentScore(r);
          return s !== null && bands.includes(bandOf(s));
        });
        expect(expected.length).toBeGreaterThan(0);
        expect(totalCount).toBe(expected.length);
        expect(items).toHaveLength(expected.length);
        for (const item of items) expect(bands).toContain(item.current?.band);
        expect(items.map((i) => i.ref).sort()).toEqual(expected.map((r) => r.ref).sort());
      },
    );

    it('combines filters', async () => {
      const { totalCount, items } = await list({ types: ['RISK'], statuses: ['OPEN'], bands: ['HIGH'] });
      const expected = (await raidRows()).filter((r) => {
        const s = currentScore(r);
        return r.type === 'RISK' && r.status === 'OPEN' && s !== null && bandOf(s) === 'HIGH';
      });
      expect(totalCount).toBe(expected.length);
      expect(items.map((i) => i.ref).sort()).toEqual(expected.map((r) => r.ref).sort());
    });

    it('searches the title, statement and reference in any case', async () => {
      const matches = (text: string) => (r: { title: string; statement: string; ref: string }) =>
        [r.title, r.statement, r.ref].some((s) => s.toLowerCase().includes(text.toLowerCase()));
      for (const search of ['PENSION', 'payroll', 'dec-00']) {
        const { totalCount, items } = await list({ search });
        const expected = (await raidRows()).filter(matches(search));
        expect(expected.length, search).toBeGreaterThan(0);
        expect(totalCount, search).toBe(expected.length);
        expect(items.every(matches(search)), search).toBe(true);
      }
      // Wildcards are plain characters: "%" matches only a title that holds one.
      const all = await raidRows();
      const percent = await list({ search: '%' });
      expect(percent.totalCount).toBe(all.filter(matches('%')).length);
      expect(percent.totalCount).toBeLessThan(all.length);
      // ...and "_" only an underscore, not any one character (as in R-001).
      const underscore = await list({ search: 'R_00' });
      expect(underscore.totalCount).toBe(all.filter(matches('R_00')).length);
      expect(all.filter(matches('R-00')).length).toBeGreaterThan(underscore.totalCount);
    });
  });
});
