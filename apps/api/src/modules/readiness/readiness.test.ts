import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface Readiness {
  total: number;
  applicable: number;
  complete: number;
  shareComplete: number;
  overdue: number;
  blocked: number;
  atRisk: number;
  dayOneCritical: number;
  dayOneCriticalOpen: number;
}

const READINESS =
  'total applicable complete shareComplete overdue blocked atRisk dayOneCritical dayOneCriticalOpen';
const COUNTS = [
  'total',
  'applicable',
  'complete',
  'overdue',
  'blocked',
  'atRisk',
  'dayOneCritical',
  'dayOneCriticalOpen',
] as const;

interface ItemRow {
  id: string;
  workstream_id: string;
  service_id: string | null;
  status: string;
  due_date: string | null;
  day_one_critical: boolean;
}

/** The rule on the Readiness type, worked out afresh from checklist rows. */
function expectedReadiness(rows: readonly ItemRow[], today: string): Readiness {
  const applicable = rows.filter((r) => r.status !== 'NOT_APPLICABLE');
  const closed = ['COMPLETE', 'NOT_APPLICABLE', 'DEFERRED_POST_GO_LIVE'];
  const complete = applicable.filter((r) => r.status === 'COMPLETE').length;
  const critical = applicable.filter((r) => r.day_one_critical);
  return {
    total: rows.length,
    applicable: applicable.length,
    complete,
    shareComplete: applicable.length === 0 ? 1 : complete / applicable.length,
    overdue: rows.filter((r) => !closed.includes(r.status) && r.due_date !== null && r.due_date < today)
      .length,
    blocked: applicable.filter((r) => r.status === 'BLOCKED').length,
    atRisk: applicable.filter((r) => r.status === 'AT_RISK').length,
    dayOneCritical: critical.length,
    dayOneCriticalOpen: critical.filter((r) => r.status !== 'COMPLETE').length,
  };
}

function expectReadiness(actual: Readiness, expected: Readiness, label?: string) {
  const { shareComplete, ...counts } = actual;
  const { shareComplete: expectedShare, ...expectedCounts } = expected;
  expect(counts, label).toEqual(expectedCounts);
  expect(shareComplete, label).toBeCloseTo(expectedShare, 10);
}

/** The database row's ID inside a global ID. */
const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

const PROGRAMME = `query ($id: ID!) {
  programme(id: $id) {
    daysToTransfer
    transferDate
    eliDueDate
    readiness { ${READINESS} }
    readinessByWorkstream { workstream { id code } readiness { ${READINESS} } }
    readinessByService { service { id name } readiness { ${READINESS} } }
  }
}`;

interface ProgrammeReadiness {
  daysToTransfer: number;
  transferDate: string;
  eliDueDate: string;
  readiness: Readiness;
  readinessByWorkstream: { workstream: { id: string; code: string }; readiness: Readiness }[];
  readinessByService: { service: { id: string; name: string }; readiness: Readiness }[];
}

describe('readiness', () => {
  let api: TestApi;
  let programmeId: string;
  let viewer: string;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    viewer = await api.login('VIEWER');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const itemRows = (): Promise<ItemRow[]> =>
    api.handle.db
      .selectFrom('checklist_item')
      .select(['id', 'workstream_id', 'service_id', 'status', 'due_date', 'day_one_critical'])
      .where('programme_id', '=', rowId(programmeId))
      .execute();

  async function programme(on: TestApi = api, token = viewer): Promise<ProgrammeReadiness> {
    const res = await on.gql<{ programme: ProgrammeReadiness }>(PROGRAMME, { id: programmeId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.programme;
  }

  const sum = (list: readonly { readiness: Readiness }[], key: (typeof COUNTS)[number]) =>
    list.reduce((n, r) => n + r.readiness[key], 0);

  it('rolls up the programme’s checklist by the rule on the Readiness type', async () => {
    const rows = await itemRows();
    const p = await programme();
    expectReadiness(p.readiness, expectedReadiness(rows, '2023-02-15'));
    // The demo has something in every count, so each one is really checked.
    for (const key of COUNTS) expect(p.readiness[key], key).toBeGreaterThan(0);
    expect(p.readiness.applicable).toBeLessThan(p.readiness.total);
    expect(rows.some((r) => r.status === 'DEFERRED_POST_GO_LIVE')).toBe(true);
  });

  it('rolls up each of the seventeen workstreams, adding up to the programme', async () => {
    const rows = await itemRows();
    const p = await programme();
    expect(p.readinessByWorkstream).toHaveLength(17);
    expect(new Set(p.readinessByWorkstream.map((w) => w.workstream.code)).size).toBe(17);
    for (const { workstream, readiness } of p.readinessByWorkstream) {
      const mine = rows.filter((r) => r.workstream_id === rowId(workstream.id));
      expectReadiness(readiness, expectedReadiness(mine, '2023-02-15'), workstream.code);
    }
    for (const key of COUNTS) expect(sum(p.readinessByWorkstream, key), key).toBe(p.readiness[key]);
    const shares = p.readinessByWorkstream.map((w) => w.readiness.shareComplete);
    expect(shares, 'least ready first').toEqual([...shares].sort((a, b) => a - b));
  });

  it('rolls up each service with items, least ready first', async () => {
    const rows = await itemRows();
    const p = await programme();
    const withItems = new Set(rows.flatMap((r) => (r.service_id ? [r.service_id] : [])));
    expect(withItems.size).toBeGreaterThan(0);
    expect(p.readinessByService.map((s) => rowId(s.service.id)).sort()).toEqual([...withItems].sort());
    for (const { service, readiness } of p.readinessByService) {
      const mine = rows.filter((r) => r.service_id === rowId(service.id));
      expectReadiness(readiness, expectedReadiness(mine, '2023-02-15'), service.name);
    }
    const shares = p.readinessByService.map((s) => s.readiness.shareComplete);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    // Items without a service count for the programme only.
    expect(sum(p.readinessByService, 'total')).toBe(rows.filter((r) => r.service_id !== null).length);
  });

  it('counts the days to the transfer and the ELI deadline', async () => {
    const p = await programme();
    expect(p.transferDate).toBe('2023-04-01');
    expect(p.daysToTransfer).toBe(45);
    expect(p.eliDueDate).toBe('2023-03-04');

    const onTheDay = await startTestApi({ today: '2023-04-01' });
    try {
      const token = await onTheDay.login('VIEWER');
      const day = await programme(onTheDay, token);
      expect(day.daysToTransfer).toBe(0);
      expect(day.eliDueDate).toBe('2023-03-04');
      // Overdue is counted against the day the API is on.
      expectReadiness(day.readiness, expectedReadiness(await itemRows(), '2023-04-01'));
      expect(day.readiness.overdue).toBeGreaterThan(p.readiness.overdue);
      expect(onTheDay.unexpected).toEqual([]);
    } finally {
      await onTheDay.close();
    }
  });

  it('counts people by TUPE status and posts by service, adding up to the establishment', async () => {
    const res = await api.gql<{
      programme: {
        headcountByTupeStatus: { tupeStatus: string; employees: number; fte: number }[];
        headcountByService: {
          service: { id: string };
          headcount: { posts: number; employees: number; vacantPosts: number };
        }[];
      };
    }>(
      `query ($id: ID!) {
        programme(id: $id) {
          headcountByTupeStatus { tupeStatus employees fte }
          headcountByService { service { id } headcount { posts employees vacantPosts } }
        }
      }`,
      { id: programmeId },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    const { headcountByTupeStatus, headcountByService } = res.data!.programme;
    const db = api.handle.db;
    const pid = rowId(programmeId);

    expect(headcountByTupeStatus.map((h) => h.tupeStatus).sort()).toEqual(
      [
        'IN_SCOPE_ASSIGNED',
        'IN_SCOPE_DISPUTED',
        'LEAVER_BEFORE_TRANSFER',
        'OBJECTED',
        'OUT_OF_SCOPE_NOT_ASSIGNED',
        'REDEPLOYED_PRE_TRANSFER',
        'SECONDED',
        'TRANSFERRED',
      ].sort(),
    );
    const employees = await db
      .selectFrom('employee')
      .select(['tupe_status', 'fte'])
      .where('programme_id', '=', pid)
      .execute();
    expect(headcountByTupeStatus.reduce((n, h) => n + h.employees, 0)).toBe(employees.length);
    for (const h of headcountByTupeStatus) {
      const mine = employees.filter((e) => e.tupe_status === h.tupeStatus);
      expect(h.employees, h.tupeStatus).toBe(mine.length);
      const fte = mine.reduce((n, e) => n + Number(e.fte), 0);
      expect(Math.abs(h.fte - fte), h.tupeStatus).toBeLessThanOrEqual(0.0051);
    }
    // Before the transfer nobody has transferred yet: listed, with zero.
    expect(headcountByTupeStatus.find((h) => h.tupeStatus === 'TRANSFERRED')?.employees).toBe(0);

    const services = await db.selectFrom('service').select('id').where('programme_id', '=', pid).execute();
    expect(headcountByService).toHaveLength(services.length);
    const posts = await db
      .selectFrom('post')
      .select(['id', 'vacant'])
      .where('programme_id', '=', pid)
      .execute();
    expect(headcountByService.reduce((n, h) => n + h.headcount.posts, 0)).toBe(posts.length);
    expect(headcountByService.reduce((n, h) => n + h.headcount.vacantPosts, 0)).toBe(
      posts.filter((p) => p.vacant).length,
    );
    const held = await db
      .selectFrom('employee')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('programme_id', '=', pid)
      .where('post_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(headcountByService.reduce((n, h) => n + h.headcount.employees, 0)).toBe(held.n);
  });

  it('gives a viewer every aggregate without an error and without naming anyone', async () => {
    const res = await api.gql(
      `query ($id: ID!) {
        programme(id: $id) {
          readiness { ${READINESS} }
          readinessByWorkstream { workstream { code name } readiness { ${READINESS} } }
          readinessByService { service { name } readiness { ${READINESS} } }
          headcountByTupeStatus { tupeStatus employees fte }
          headcountByService { service { name } headcount { posts employees vacantPosts fte } }
          services(first: 200) { edges { node { name readiness { ${READINESS} } headcount { posts employees fte } } } }
          workstreams { code readiness { ${READINESS} } }
        }
      }`,
      { id: programmeId },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    const data = (
      res.data as {
        programme: {
          readinessByService: { service: { name: string }; readiness: Readiness }[];
          services: { edges: { node: { name: string; readiness: Readiness } }[] };
        };
      }
    ).programme;
    // A service's own readiness is its entry in readinessByService; one without items has nothing to do.
    for (const { node } of data.services.edges) {
      const entry = data.readinessByService.find((r) => r.service.name === node.name);
      expect(node.readiness, node.name).toEqual(entry?.readiness ?? expectedReadiness([], '2023-02-15'));
    }
    const text = JSON.stringify(res.data);
    const people = await api.handle.db
      .selectFrom('employee')
      .select(['first_name', 'last_name'])
      .where('programme_id', '=', rowId(programmeId))
      .execute();
    expect(people.length).toBeGreaterThan(0);
    const named = people.filter(
      (p) => text.includes(`${p.first_name} ${p.last_name}`) || text.includes(`"${p.last_name}"`),
    );
    expect(named).toEqual([]);
  });

  it('counts an item marked complete at once', async () => {
    const editor = await api.login('EDITOR');
    const before = await programme();
    const open = await api.handle.db
      .selectFrom('checklist_item')
      .select(['id', 'ref', 'status', 'service_id'])
      .where('programme_id', '=', rowId(programmeId))
      .where('day_one_critical', '=', true)
      .where('status', 'in', ['NOT_STARTED', 'IN_PROGRESS'])
      // Of a workstream the demo EDITOR leads, so that they may change it.
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_workstream')
            .innerJoin('app_user', 'app_user.id', 'user_workstream.user_id')
            .select('user_workstream.user_id')
            .whereRef('user_workstream.workstream_id', '=', 'checklist_item.workstream_id')
            .where('app_user.email', '=', 'editor@handover.example'),
        ),
      )
      // Nothing it depends on is still open, so it may be complete.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('checklist_dependency')
              .innerJoin('checklist_item as dep', 'dep.id', 'checklist_dependency.depends_on_id')
              .select('dep.id')
              .whereRef('checklist_dependency.item_id', '=', 'checklist_item.id')
              .where('dep.status', 'not in', ['COMPLETE', 'NOT_APPLICABLE', 'DEFERRED_POST_GO_LIVE']),
          ),
        ),
      )
      .orderBy('ref')
      .executeTakeFirstOrThrow();
    const found = await api.gql<{
      programme: { checklistItems: { edges: { node: { id: string; ref: string; version: number } }[] } };
    }>(
      `query ($id: ID!, $search: String) {
        programme(id: $id) { checklistItems(first: 50, filter: { search: $search }) { edges { node { id ref version } } } }
      }`,
      { id: programmeId, search: open.ref },
      editor,
    );
    const item = found
      .data!.programme.checklistItems.edges.map((e) => e.node)
      .find((n) => n.ref === open.ref)!;
    expect(rowId(item.id)).toBe(open.id);

    const res = await api.gql<{ updateChecklistItem: { __typename: string; status?: string } }>(
      `mutation ($input: UpdateChecklistItemInput!) {
        updateChecklistItem(input: $input) { __typename ... on ChecklistItem { status } ... on Error { message } }
      }`,
      { input: { id: item.id, expectedVersion: item.version, status: 'COMPLETE' } },
      editor,
    );
    expect(res.data?.updateChecklistItem).toEqual({ __typename: 'ChecklistItem', status: 'COMPLETE' });

    const after = await programme();
    expect(after.readiness.total).toBe(before.readiness.total);
    expect(after.readiness.complete).toBe(before.readiness.complete + 1);
    expect(after.readiness.dayOneCriticalOpen).toBe(before.readiness.dayOneCriticalOpen - 1);
    expect(after.readiness.shareComplete).toBeGreaterThan(before.readiness.shareComplete);
    expectReadiness(after.readiness, expectedReadiness(await itemRows(), '2023-02-15'));
  });
});
