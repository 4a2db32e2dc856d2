import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '@handover/domain';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface Item {
  id: string;
  ref: string;
  title: string;
  status: string;
  version: number;
  dueDate: string | null;
  forecastDate: string | null;
  workstream: { code: string };
  dependsOn: { id: string; ref: string }[];
  blockedBy: { ref: string }[];
}

const ITEM = `id ref title status version dueDate forecastDate workstream { code } dependsOn { id ref } blockedBy { ref }`;
const ANSWER = `__typename ... on Error { message } ... on ValidationError { field }`;
const DEPENDENCY = (name: string) => `mutation ($input: ChecklistDependencyInput!) {
  ${name}(input: $input) { ${ANSWER} ... on ChecklistItem { version dependsOn { ref } } } }`;
const UPDATE = `mutation ($input: UpdateChecklistItemInput!) {
  updateChecklistItem(input: $input) { ${ANSWER} ... on ChecklistItem { status version forecastDate } } }`;
const PATH = `start transferDate deadline projectedFinish slackDays reachable
  path { item { id ref } earliestStart earliestFinish totalSlack critical }`;

describe('the plan: dependencies, critical path, what-if, baselines', () => {
  let api: TestApi;
  let programmeId: string;
  let admin: string;
  let items: Item[];

  const loadItems = async () => {
    const res = await api.gql<{ programme: { checklistItems: { edges: { node: Item }[] } } }>(
      `query ($id: ID!) { programme(id: $id) { checklistItems(first: 200, filter: { statuses: [NOT_STARTED, IN_PROGRESS, AT_RISK, BLOCKED] }) { edges { node { ${ITEM} } } } } }`,
      { id: programmeId },
      admin,
    );
    expect(res.errors).toBeUndefined();
    items = res.data!.programme.checklistItems.edges.map((e) => e.node);
    return items;
  };
  const item = async (id: string) => (await loadItems()).find((i) => i.id === id)!;
  const mutate = async (name: string, input: Record<string, unknown>, token = admin) => {
    const res = await api.gql<Record<string, Record<string, unknown>>>(
      name === 'updateChecklistItem' ? UPDATE : DEPENDENCY(name),
      { input },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data![name]!;
  };
  const OPEN = ['NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'BLOCKED'];

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    admin = await api.login('ADMIN');
    await loadItems();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('refuses a dependency that would make a cycle, naming the cycle by ref and title', async () => {
    const a = items.find((i) => i.dependsOn.some((d) => items.some((x) => x.id === d.id)))!;
    const b = items.find((i) => a.dependsOn.some((d) => d.id === i.id))!;
    const before = await api.handle.db.selectFrom('checklist_dependency').selectAll().execute();
    const res = await mutate('addChecklistDependency', {
      itemId: b.id,
      dependsOnId: a.id,
      expectedVersion: b.version,
    });
    expect(res.__typename).toBe('ValidationError');
    expect(res.field).toBe('dependsOnId');
    expect(res.message).toBe(
      `dependsOnId: would make a cycle: ${b.ref} ${b.title} → ${a.ref} ${a.title} → ${b.ref} ${b.title}`,
    );
    const self = await mutate('addChecklistDependency', {
      itemId: a.id,
      dependsOnId: a.id,
      expectedVersion: a.version,
    });
    expect(self.message).toBe(`dependsOnId: would make a cycle: ${a.ref} ${a.title} → ${a.ref} ${a.title}`);
    expect(await api.handle.db.selectFrom('checklist_dependency').selectAll().execute()).toEqual(before);
  });

  it('adds and removes a dependency across workstreams, and refuses completion while blocked', async () => {
    const free = items.filter((i) => i.blockedBy.length === 0);
    const p = free[0]!;
    const q = free.find((i) => i.workstream.code !== p.workstream.code)!;
    const r = free.find((i) => i.id !== p.id && i.id !== q.id)!;
    // q waits on p (another workstream), r waits on q: r's chain is p then q.
    const added = await mutate('addChecklistDependency', {
      itemId: q.id,
      dependsOnId: p.id,
      expectedVersion: q.version,
    });
    expect(added).toMatchObject({
      __typename: 'ChecklistItem',
      version: q.version + 1,
      dependsOn: expect.arrayContaining([{ ref: p.ref }]),
    });
    const again = await mutate('addChecklistDependency', {
      itemId: q.id,
      dependsOnId: p.id,
      expectedVersion: q.version + 1,
    });
    expect(again.message).toBe(`dependsOnId: ${q.ref} already depends on ${p.ref}`);
    const stale = await mutate('addChecklistDependency', {
      itemId: r.id,
      dependsOnId: q.id,
      expectedVersion: r.version + 5,
    });
    expect(stale.__typename).toBe('ConflictError');
    await mutate('addChecklistDependency', { itemId: r.id, dependsOnId: q.id, expectedVersion: r.version });

    const chain = await api.gql<{ node: { blockedBy: { ref: string }[]; blockingChain: { ref: string }[] } }>(
      `query ($id: ID!) { node(id: $id) { ... on ChecklistItem { blockedBy { ref } blockingChain { ref } } } }`,
      { id: r.id },
      admin,
    );
    expect(chain.data!.node).toEqual({
      blockedBy: [{ ref: q.ref }],
      blockingChain: [{ ref: p.ref }, { ref: q.ref }],
    });

    let qNow = await item(q.id);
    const refused = await mutate('updateChecklistItem', {
      id: q.id,
      expectedVersion: qNow.version,
      status: 'COMPLETE',
    });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.message).toContain(
      `cannot be COMPLETE while it depends on open items: ${p.ref} ${p.title}`,
    );
    expect((await item(q.id)).status).toBe(q.status);

    const done = await mutate('updateChecklistItem', {
      id: p.id,
      expectedVersion: p.version,
      status: 'COMPLETE',
    });
    expect(done).toMatchObject({ __typename: 'ChecklistItem', status: 'COMPLETE' });
    qNow = await item(q.id);
    expect(qNow.blockedBy).toEqual([]);
    const allowed = await mutate('updateChecklistItem', {
      id: q.id,
      expectedVersion: qNow.version,
      status: 'COMPLETE',
    });
    expect(allowed).toMatchObject({ __typename: 'ChecklistItem', status: 'COMPLETE' });

    const rNow = await item(r.id);
    const removed = await mutate('removeChecklistDependency', {
      itemId: r.id,
      dependsOnId: q.id,
      expectedVersion: rNow.version,
    });
    expect(removed).toMatchObject({
      __typename: 'ChecklistItem',
      dependsOn: r.dependsOn.map((d) => ({ ref: d.ref })),
    });
    const gone = await mutate('removeChecklistDependency', {
      itemId: r.id,
      dependsOnId: q.id,
      expectedVersion: rNow.version + 1,
    });
    expect(gone.message).toBe(`dependsOnId: ${r.ref} does not depend on ${q.ref}`);
    // A viewer may not change the plan.
    const viewer = await api.login('VIEWER');
    const res = await api.gql(
      DEPENDENCY('addChecklistDependency'),
      { input: { itemId: r.id, dependsOnId: q.id, expectedVersion: 1 } },
      viewer,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers the critical path to the transfer day: a chain of dependencies with the least slack', async () => {
    const res = await api.gql<{
      programme: {
        criticalPath: Record<string, unknown> & {
          path: {
            item: { id: string; ref: string };
            earliestStart: string;
            earliestFinish: string;
            totalSlack: number;
            critical: boolean;
          }[];
        };
      };
    }>(
      `query ($id: ID!) { programme(id: $id) { criticalPath { ${PATH} } } }`,
      { id: programmeId },
      await api.login('VIEWER'),
    );
    expect(res.errors).toBeUndefined();
    const cp = res.data!.programme.criticalPath;
    expect(cp.start).toBe('2023-02-15');
    expect(cp.transferDate).toBe('2023-04-01');
    expect(cp.deadline).toBe('2023-03-31');
    expect(cp.path.length).toBeGreaterThan(1);
    expect(cp.path.every((s) => s.critical && s.totalSlack === cp.path[0]!.totalSlack)).toBe(true);
    expect(cp.reachable).toBe((cp.slackDays as number) >= 0);
    const nodes = await api.gql<{ nodes: { id: string; dependsOn: { id: string }[] }[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ChecklistItem { id dependsOn { id } } } }`,
      { ids: cp.path.map((s) => s.item.id) },
      admin,
    );
    for (let i = 1; i < cp.path.length; i++) {
      const here = nodes.data!.nodes[i]!;
      expect(here.dependsOn.map((d) => d.id)).toContain(cp.path[i - 1]!.item.id);
      expect(cp.path[i]!.earliestStart > cp.path[i - 1]!.earliestFinish).toBe(true);
    }
    expect(cp.projectedFinish).toBe(cp.path.at(-1)!.earliestFinish);
    // Partners are not told the plan.
    const partner = await api.gql(
      `query ($id: ID!) { programme(id: $id) { criticalPath { reachable } } }`,
      { id: programmeId },
      await api.login('HR'),
    );
    expect(partner.errors).toBeUndefined();
  });

  it('answers what-if without saving anything', async () => {
    const tables = [
      'checklist_item',
      'checklist_dependency',
      'milestone',
      'plan_baseline',
      'plan_baseline_item',
      'programme',
      'audit_event',
    ] as const;
    const snapshot = () => Promise.all(tables.map((t) => api.handle.db.selectFrom(t).selectAll().execute()));
    const before = await snapshot();
    const cp = await api.gql<{
      programme: { criticalPath: { path: { item: { id: string; ref: string } }[] } };
    }>(
      `query ($id: ID!) { programme(id: $id) { criticalPath { path { item { id ref } } } } }`,
      { id: programmeId },
      admin,
    );
    const first = cp.data!.programme.criticalPath.path[0]!.item;
    const res = await api.gql<{
      programme: {
        whatIf: {
          transferDate: string;
          reachable: boolean;
          lateItems: { item: { ref: string }; daysLate: number; earliestFinish: string }[];
          lateMilestones: { milestone: { name: string }; daysLate: number }[];
          criticalPath: { path: { item: { ref: string } }[]; slackDays: number };
        };
      };
    }>(
      `query ($id: ID!, $forecasts: [WhatIfForecastInput!]) { programme(id: $id) {
        whatIf(transferDate: "2023-03-20", forecasts: $forecasts) { transferDate reachable
          lateItems { item { ref } daysLate earliestFinish } lateMilestones { milestone { name } daysLate }
          criticalPath { slackDays path { item { ref } } } } } }`,
      { id: programmeId, forecasts: [{ itemId: first.id, forecastDate: '2023-03-24' }] },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const w = res.data!.programme.whatIf;
    expect(w.transferDate).toBe('2023-03-20');
    // The first item of the path now ends 24 March, after the last working day before 20 March.
    expect(w.reachable).toBe(false);
    expect(w.criticalPath.slackDays).toBeLessThan(0);
    expect(w.criticalPath.path[0]!.item.ref).toBe(first.ref);
    expect(w.lateItems.length).toBeGreaterThan(0);
    expect(w.lateItems.every((l) => l.daysLate > 0)).toBe(true);
    expect(w.lateMilestones.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);

    const bad = await api.gql(
      `query ($id: ID!, $forecasts: [WhatIfForecastInput!]) { programme(id: $id) { whatIf(transferDate: "2023-03-20", forecasts: $forecasts) { reachable } } }`,
      {
        id: programmeId,
        forecasts: [
          { itemId: first.id, forecastDate: '2023-03-24' },
          { itemId: first.id, forecastDate: '2023-03-25' },
        ],
      },
      admin,
    );
    expect(bad.errors?.[0]?.message).toBe('forecasts[1].itemId: is given twice');
    const past = await api.gql(
      `query ($id: ID!) { programme(id: $id) { whatIf(transferDate: "2023-01-20") { reachable } } }`,
      { id: programmeId },
      admin,
    );
    expect(past.errors?.[0]?.message).toBe('transferDate: must be after today (2023-02-15)');
  });

  it('gives each transfer date its own answer on the demo: items re-dated by their offsets, ELI, the gate, TUPE', async () => {
    const ask = async (date: string) => {
      const res = await api.gql<{
        programme: {
          whatIf: {
            lateItems: { item: { ref: string } }[];
            lateMilestones: { milestone: { name: string } }[];
            redatedItems: number;
            eliDueDate: string;
            gateDecisionDue: string;
            tupeTimeline: { step: string; dueDate: string; state: string }[];
          };
        };
      }>(
        `query ($id: ID!, $date: Date!) { programme(id: $id) { whatIf(transferDate: $date) {
          lateItems { item { ref } } lateMilestones { milestone { name } } redatedItems eliDueDate gateDecisionDue
          tupeTimeline { step dueDate state } } } }`,
        { id: programmeId, date },
        admin,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.programme.whatIf;
    };
    const [early, planned, later] = await Promise.all([ask('2023-03-18'), ask('2023-04-01'), ask('2023-04-15')]);
    // Every seeded item is dated from the transfer day.
    expect(planned.redatedItems).toBeGreaterThan(250);
    // Earlier means more late, later fewer: three different answers.
    expect(early.lateItems.length).toBeGreaterThan(planned.lateItems.length);
    expect(planned.lateItems.length).toBeGreaterThan(later.lateItems.length);
    expect(early.lateMilestones.length).toBeGreaterThanOrEqual(planned.lateMilestones.length);
    expect([early.eliDueDate, planned.eliDueDate, later.eliDueDate]).toEqual(['2023-02-18', '2023-03-04', '2023-03-18']);
    expect([early.gateDecisionDue, planned.gateDecisionDue, later.gateDecisionDue]).toEqual([
      '2023-03-10',
      '2023-03-24',
      '2023-04-07',
    ]);
    const eli = (w: typeof early) => w.tupeTimeline.find((s) => s.step === 'ELI_SENT')!;
    expect(eli(early)).toMatchObject({ dueDate: '2023-02-18' });
    expect(eli(later)).toMatchObject({ dueDate: '2023-03-18' });
    const overdue = (w: typeof early) => w.tupeTimeline.filter((s) => s.state === 'OVERDUE').length;
    expect(overdue(early)).toBeGreaterThanOrEqual(overdue(later));
  });

  it('saves a baseline and measures slippage against it', async () => {
    const save = (name: string, token = admin) =>
      api.gql<{ saveBaseline: Record<string, unknown> }>(
        `mutation ($input: SaveBaselineInput!) { saveBaseline(input: $input) { ${ANSWER} ... on PlanBaseline { id name } } }`,
        { input: { programmeId, name } },
        token,
      );
    const saved = (await save('Board, February')).data!.saveBaseline;
    expect(saved).toMatchObject({ __typename: 'PlanBaseline', name: 'Board, February' });
    const dup = (await save(' Board, February ')).data!.saveBaseline;
    expect(dup.message).toBe('name: "Board, February" is already the name of a baseline of this programme');
    const editor = await save('Mine', await api.login('EDITOR'));
    expect(editor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await loadItems();
    const moved = items.find((i) => OPEN.includes(i.status) && i.dueDate && !i.forecastDate)!;
    const updated = await mutate('updateChecklistItem', {
      id: moved.id,
      expectedVersion: moved.version,
      forecastDate: addCalendarDays(moved.dueDate!, 9),
    });
    expect(updated).toMatchObject({ forecastDate: addCalendarDays(moved.dueDate!, 9) });
    const milestone = await api.handle.db
      .selectFrom('milestone')
      .selectAll()
      .where('actual_date', 'is', null)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const mRes = await api.gql<{ updateMilestone: { __typename: string } }>(
      `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { __typename } }`,
      {
        input: {
          id: Buffer.from(`Milestone:${milestone.id}`).toString('base64'),
          expectedVersion: milestone.version,
          forecastDate: addCalendarDays(milestone.forecast_date ?? milestone.baseline_date, -3),
        },
      },
      admin,
    );
    expect(mRes.data!.updateMilestone.__typename).toBe('Milestone');

    const res = await api.gql<{
      programme: {
        baselines: {
          id: string;
          name: string;
          itemSlippage: {
            item: { ref: string };
            baselineDate: string;
            currentDate: string;
            daysSlipped: number;
          }[];
          milestoneSlippage: { milestone: { name: string }; daysSlipped: number }[];
        }[];
      };
    }>(
      `query ($id: ID!) { programme(id: $id) { baselines { id name
        itemSlippage(slippedOnly: true) { item { ref } baselineDate currentDate daysSlipped }
        milestoneSlippage(slippedOnly: true) { milestone { name } daysSlipped } } } }`,
      { id: programmeId },
      await api.login('VIEWER'),
    );
    expect(res.errors).toBeUndefined();
    const baseline = res.data!.programme.baselines.find((b) => b.name === 'Board, February')!;
    expect(baseline.itemSlippage).toEqual([
      {
        item: { ref: moved.ref },
        baselineDate: moved.dueDate,
        currentDate: addCalendarDays(moved.dueDate!, 9),
        daysSlipped: 9,
      },
    ]);
    expect(baseline.milestoneSlippage).toEqual([{ milestone: { name: milestone.name }, daysSlipped: -3 }]);
  });
});
