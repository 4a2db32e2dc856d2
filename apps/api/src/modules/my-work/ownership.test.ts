/**
 * Issue 12, section 1: the people who own the work update it (ownership.ts of domain, enforced by the API),
 * a VIEWER never owns work, a go/no-go criterion is changed only by its owner or an ADMIN, and "My work".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface Result {
  __typename: string;
  message?: string;
  field?: string;
  workstreamName?: string | null;
  status?: string;
  version?: number;
}
const ERRORS =
  '... on Error { message } ... on ValidationError { field } ... on ForbiddenError { workstreamName }';
const UPDATE_ITEM = `mutation ($input: UpdateChecklistItemInput!) { updateChecklistItem(input: $input) {
  __typename ... on ChecklistItem { status version } ${ERRORS} } }`;
const UPDATE_RAID = `mutation ($input: UpdateRaidItemInput!) { updateRaidItem(input: $input) {
  __typename ... on RaidItem { status version } ${ERRORS} } }`;
const UPDATE_MILESTONE = `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) {
  __typename ... on Milestone { version } ${ERRORS} } }`;
const UPDATE_CRITERION = `mutation ($input: UpdateGateCriterionInput!) { updateGateCriterion(input: $input) {
  __typename ... on GateCriterion { status version } ${ERRORS} } }`;
const CRITERION_DETAILS = `mutation ($input: UpdateGateCriterionDetailsInput!) { updateGateCriterionDetails(input: $input) {
  __typename ... on GateCriterion { version ownerUser { id } ownerWorkstream { id } }
  ... on Error { message } ... on ValidationError { field } } }`;
const ADD_EVIDENCE = `mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { __typename ${ERRORS} } }`;

interface Item {
  id: string;
  ref: string;
  version: number;
  status: string;
  viewerCanEdit: boolean;
  viewerEditableFields: string[];
}
interface Criterion {
  id: string;
  title: string;
  version: number;
  viewerCanEdit: boolean;
}

describe('owners update their own work', () => {
  let api: TestApi;
  let programmeId: string;
  let admin: string;
  let editor: string;
  let hr: string;
  let viewer: string;
  const users = new Map<string, string>();

  const item = async (ref: string, token: string): Promise<Item> => {
    const res = await api.gql<{ programme: { checklistItems: { edges: { node: Item }[] } } }>(
      `query ($id: ID!, $ref: String!) { programme(id: $id) { checklistItems(first: 5, filter: { search: $ref }) {
        edges { node { id ref version status viewerCanEdit viewerEditableFields } } } } }`,
      { id: programmeId, ref },
      token,
    );
    return res.data!.programme.checklistItems.edges.map((e) => e.node).find((n) => n.ref === ref)!;
  };
  const firstOf = async (code: string, token: string): Promise<Item & { owner: { id: string } | null }> => {
    const res = await api.gql<{
      programme: { checklistItems: { edges: { node: Item & { owner: { id: string } | null } }[] } };
    }>(
      `query ($id: ID!, $code: WorkstreamCode!) { programme(id: $id) {
        checklistItems(first: 1, filter: { workstreamCodes: [$code], statuses: [NOT_STARTED, IN_PROGRESS] }) {
        edges { node { id ref version status viewerCanEdit viewerEditableFields owner { id } } } } } }`,
      { id: programmeId, code },
      token,
    );
    return res.data!.programme.checklistItems.edges[0]!.node;
  };
  const criteria = async (token: string): Promise<Criterion[]> => {
    const res = await api.gql<{ programme: { gate: { criteria: Criterion[] } } }>(
      'query ($id: ID!) { programme(id: $id) { gate { criteria { id title version viewerCanEdit } } } }',
      { id: programmeId },
      token,
    );
    return res.data!.programme.gate.criteria;
  };
  const criterion = async (title: string, token: string) =>
    (await criteria(token)).find((c) => c.title === title)!;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    admin = await api.login('ADMIN');
    editor = await api.login('EDITOR');
    hr = await api.login('HR');
    viewer = await api.login('VIEWER');
    const res = await api.gql<{ users: { id: string; role: string }[] }>('{ users { id role } }', {}, admin);
    for (const u of res.data!.users) users.set(u.role, u.id);
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('lets HR, as the owner of HR-020, update its status, forecast and evidence, but not its due date', async () => {
    const before = await item('HR-020', hr);
    expect(before.viewerCanEdit).toBe(true);
    expect(before.viewerEditableFields).toEqual(['status', 'forecastDate', 'evidence']);
    const ok = await api.gql<{ updateChecklistItem: Result }>(
      UPDATE_ITEM,
      {
        input: {
          id: before.id,
          expectedVersion: before.version,
          status: 'IN_PROGRESS',
          forecastDate: '2023-03-10',
        },
      },
      hr,
    );
    expect(ok.data?.updateChecklistItem).toMatchObject({
      __typename: 'ChecklistItem',
      status: 'IN_PROGRESS',
    });
    const refused = await api.gql<{ updateChecklistItem: Result }>(
      UPDATE_ITEM,
      { input: { id: before.id, expectedVersion: before.version + 1, dueDate: '2023-04-30' } },
      hr,
    );
    expect(refused.data?.updateChecklistItem.__typename).toBe('ForbiddenError');
    expect(refused.data?.updateChecklistItem.message).toMatch(
      /As the owner of this checklist item you may change its status, forecast date and evidence; its due date may be changed only by an ADMIN or a lead of/,
    );
  });

  it('lets an EDITOR who owns an item outside their workstreams update its status, not its owner or title', async () => {
    // A Finance item (the demo EDITOR leads ICT, Ofsted and practice continuity), given to the editor.
    const finance = await firstOf('FINANCE', admin);
    const given = await api.gql<{ updateChecklistItem: Result }>(
      UPDATE_ITEM,
      { input: { id: finance.id, expectedVersion: finance.version, ownerId: users.get('EDITOR') } },
      admin,
    );
    expect(given.data?.updateChecklistItem.__typename).toBe('ChecklistItem');
    const mine = await item(finance.ref, editor);
    expect(mine.viewerEditableFields).toEqual(['status', 'forecastDate', 'evidence']);
    const status = await api.gql<{ updateChecklistItem: Result }>(
      UPDATE_ITEM,
      { input: { id: mine.id, expectedVersion: mine.version, status: 'IN_PROGRESS' } },
      editor,
    );
    expect(status.data?.updateChecklistItem).toMatchObject({
      __typename: 'ChecklistItem',
      status: 'IN_PROGRESS',
    });
    const owner = await api.gql<{ updateChecklistItem: Result }>(
      UPDATE_ITEM,
      { input: { id: mine.id, expectedVersion: mine.version + 1, ownerId: users.get('HR') } },
      editor,
    );
    expect(owner.data?.updateChecklistItem).toMatchObject({
      __typename: 'ForbiddenError',
      workstreamName: 'Finance',
    });
    expect(owner.data?.updateChecklistItem.message).toMatch(
      /its owner may be changed only by an ADMIN or a lead of the Finance workstream/,
    );

    // A Finance RAID item given to the editor: its response plan is theirs to write, its title is not.
    const raid = await api.gql<{
      programme: {
        raidItems: {
          edges: { node: { id: string; version: number; workstream: { code: string } | null } }[];
        };
      };
    }>(
      'query ($id: ID!) { programme(id: $id) { raidItems(first: 200) { edges { node { id version workstream { code } } } } } }',
      { id: programmeId },
      admin,
    );
    const r = raid
      .data!.programme.raidItems.edges.map((e) => e.node)
      .find((n) => n.workstream?.code === 'FINANCE')!;
    const assigned = await api.gql<{ updateRaidItem: Result }>(
      UPDATE_RAID,
      { input: { id: r.id, expectedVersion: r.version, ownerId: users.get('EDITOR') } },
      admin,
    );
    expect(assigned.data?.updateRaidItem.__typename).toBe('RaidItem');
    const plan = await api.gql<{ updateRaidItem: Result }>(
      UPDATE_RAID,
      { input: { id: r.id, expectedVersion: r.version + 1, responsePlan: 'Weekly check with the bank.' } },
      editor,
    );
    expect(plan.data?.updateRaidItem.__typename).toBe('RaidItem');
    const title = await api.gql<{ updateRaidItem: Result }>(
      UPDATE_RAID,
      { input: { id: r.id, expectedVersion: r.version + 2, title: 'Renamed by its owner' } },
      editor,
    );
    expect(title.data?.updateRaidItem.__typename).toBe('ForbiddenError');
    expect(title.data?.updateRaidItem.message).toMatch(/its title may be changed only by an ADMIN/);
  });

  it('refuses, saying why, someone who neither owns nor leads the item', async () => {
    const finance = await firstOf('LEGAL_GOVERNANCE', admin);
    expect(finance.owner).toBeNull();
    const res = await api.gql<{ updateChecklistItem: Result }>(
      UPDATE_ITEM,
      { input: { id: finance.id, expectedVersion: finance.version, status: 'IN_PROGRESS' } },
      hr,
    );
    expect(res.data?.updateChecklistItem.__typename).toBe('ForbiddenError');
    expect(res.data?.updateChecklistItem.message).toMatch(
      /its owner \(it has none\).*you are neither its owner nor a lead/,
    );
  });

  it('never accepts a VIEWER as the owner of an item, a RAID item, a milestone or a criterion', async () => {
    const it1 = await firstOf('FINANCE', admin);
    const res = await api.gql<{ updateChecklistItem: Result }>(
      UPDATE_ITEM,
      { input: { id: it1.id, expectedVersion: it1.version, ownerId: users.get('VIEWER') } },
      admin,
    );
    expect(res.data?.updateChecklistItem).toMatchObject({ __typename: 'ValidationError', field: 'ownerId' });
    expect(res.data?.updateChecklistItem.message).toMatch(/VIEWER .*cannot own work/);
    const ms = await api.gql<{
      programme: { milestones: { edges: { node: { id: string; version: number } }[] } };
    }>(
      'query ($id: ID!) { programme(id: $id) { milestones(first: 1) { edges { node { id version } } } } }',
      { id: programmeId },
      admin,
    );
    const m = ms.data!.programme.milestones.edges[0]!.node;
    const mRes = await api.gql<{ updateMilestone: Result }>(
      UPDATE_MILESTONE,
      { input: { id: m.id, expectedVersion: m.version, ownerId: users.get('VIEWER') } },
      admin,
    );
    expect(mRes.data?.updateMilestone).toMatchObject({ __typename: 'ValidationError', field: 'ownerId' });
    const c = await criterion('Insurance in place', admin);
    const cRes = await api.gql<{ updateGateCriterionDetails: Result }>(
      CRITERION_DETAILS,
      { input: { id: c.id, expectedVersion: c.version, ownerUserId: users.get('VIEWER') } },
      admin,
    );
    expect(cRes.data?.updateGateCriterionDetails).toMatchObject({
      __typename: 'ValidationError',
      field: 'ownerUserId',
    });
    // Nor does the VIEWER change anything, even their own sign-off's gate criteria.
    const v = await item('HR-020', viewer);
    expect(v.viewerCanEdit).toBe(false);
  });

  it('lets only a criterion’s owner (a user, or a lead of its workstream) or an ADMIN judge it or add evidence', async () => {
    const insurance = await criterion('Insurance in place', editor);
    expect(insurance.viewerCanEdit).toBe(false);
    const refused = await api.gql<{ updateGateCriterion: Result }>(
      UPDATE_CRITERION,
      { input: { id: insurance.id, expectedVersion: insurance.version, status: 'PASS' } },
      editor,
    );
    expect(refused.data?.updateGateCriterion.__typename).toBe('ForbiddenError');
    expect(refused.data?.updateGateCriterion.message).toMatch(
      /Insurance workstream|you are neither its owner/,
    );
    const evidence = await api.gql<{ addEvidence: Result }>(
      ADD_EVIDENCE,
      { input: { gateCriterionId: insurance.id, url: 'https://example.org/policy' } },
      editor,
    );
    expect(evidence.data?.addEvidence.__typename).toBe('ForbiddenError');
    expect((await criterion('Insurance in place', admin)).version).toBe(insurance.version);

    // Owned by the ICT and data workstream, which the editor leads.
    const cms = await criterion('Case management system access tested for all transferring users', editor);
    expect(cms.viewerCanEdit).toBe(true);
    const passed = await api.gql<{ updateGateCriterion: Result }>(
      UPDATE_CRITERION,
      { input: { id: cms.id, expectedVersion: cms.version, status: 'PASS' } },
      editor,
    );
    expect(passed.data?.updateGateCriterion).toMatchObject({ __typename: 'GateCriterion', status: 'PASS' });
    // HR owns the ELI criterion as a user.
    const eli = await criterion('ELI issued on time and consultation complete', hr);
    expect(eli.viewerCanEdit).toBe(true);
    // The gate setup gives Insurance to the editor: now they may judge it.
    const given = await api.gql<{
      updateGateCriterionDetails: Result & { ownerUser: { id: string } | null };
    }>(
      CRITERION_DETAILS,
      { input: { id: insurance.id, expectedVersion: insurance.version, ownerUserId: users.get('EDITOR') } },
      admin,
    );
    expect(given.data?.updateGateCriterionDetails).toMatchObject({
      __typename: 'GateCriterion',
      ownerUser: { id: users.get('EDITOR') },
      ownerWorkstream: null,
    });
    expect((await criterion('Insurance in place', editor)).viewerCanEdit).toBe(true);
  });

  it('shows every user their open work by due date and the sign-offs waiting for them', async () => {
    const query = `query ($id: ID!) { programme(id: $id) { myWork {
      checklistItems { ref dueDate status } raidItems { ref } milestones { name }
      gateSignOffs { roleTitle } } } }`;
    type Work = {
      checklistItems: { ref: string; dueDate: string | null; status: string }[];
      raidItems: { ref: string }[];
      milestones: { name: string }[];
      gateSignOffs: { roleTitle: string }[];
    };
    const of = async (token: string) =>
      (await api.gql<{ programme: { myWork: Work } }>(query, { id: programmeId }, token)).data!.programme
        .myWork;
    const mine = await of(hr);
    expect(mine.checklistItems.map((i) => i.ref)).toContain('HR-020');
    expect(
      mine.checklistItems.every(
        (i) => !['COMPLETE', 'NOT_APPLICABLE', 'DEFERRED_POST_GO_LIVE'].includes(i.status),
      ),
    ).toBe(true);
    const dates = mine.checklistItems.map((i) => i.dueDate ?? '9999');
    expect(dates).toEqual([...dates].sort());
    expect(mine.milestones.length).toBeGreaterThan(0);
    expect(mine.gateSignOffs.map((s) => s.roleTitle)).toEqual(['Trust chief executive']);
    const board = await of(viewer);
    expect(board.checklistItems).toEqual([]);
    expect(board.gateSignOffs.map((s) => s.roleTitle)).toEqual(['s151 officer']);
  });
});
