import { builtInTemplateId } from '@handover/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestApi, type TestApi } from '../../test/harness.ts';

interface Problem {
  path: string;
  message: string;
}
interface Answer {
  __typename: string;
  message?: string;
  problems?: Problem[];
  field?: string;
  id?: string;
  key?: string;
  templateVersion?: number;
  itemCount?: number;
}
interface Application {
  __typename: string;
  message: string;
  field?: string;
  unchanged?: boolean;
  created?: {
    id: string;
    ref: string;
    dueDate: string;
    durationDays: number;
    signOffRole: string | null;
    dayOneCritical: boolean;
    templateKey: string;
    templateVersion: number;
    templateItemKey: string;
    dependsOn: { ref: string }[];
  }[];
  updatedCount?: number;
  keptCount?: number;
  dependenciesAdded?: number;
  removedFromTemplate?: { ref: string; status: string }[];
  unresolvedDependencies?: string[];
}

const IMPORT = `mutation ($input: ImportChecklistTemplateInput!) {
  importChecklistTemplate(input: $input) {
    __typename
    ... on Error { message }
    ... on ValidationError { field }
    ... on ChecklistTemplateFileError { problems { path message } }
    ... on ChecklistTemplate { id key templateVersion itemCount }
  }
}`;
const APPLY = `mutation ($input: ApplyChecklistTemplateInput!) {
  applyChecklistTemplate(input: $input) {
    __typename
    ... on Error { message }
    ... on ValidationError { field }
    ... on ChecklistTemplateApplication {
      message unchanged updatedCount keptCount dependenciesAdded unresolvedDependencies
      removedFromTemplate { ref status }
      created { id ref dueDate durationDays signOffRole dayOneCritical templateKey templateVersion templateItemKey dependsOn { ref } }
    }
  }
}`;
const EXPORT = `query ($id: ID!, $format: ChecklistTemplateFormat!) {
  checklistTemplate: node(id: $id) { ... on ChecklistTemplate { key templateVersion export(format: $format) } }
}`;

const templateId = (key: string, version: number) =>
  encodeGlobalID('ChecklistTemplate', builtInTemplateId(key, version));

const file = (version: number, items: string) => `key: test-cutover
version: ${version}
name: Test cutover
kind: WORKSTREAM
workstream: ICT_DATA
items:
${items}`;
const V1 = file(
  1,
  `  - key: plan
    title: Plan the cutover
    ownerOrg: JOINT
    dueOffsetDays: -90
    durationDays: 10
    signOffRole: SIRO
  - key: rehearse
    title: Rehearse it
    ownerOrg: TRUST
    dueOffsetDays: -30
    dependsOn: [plan]
  - key: retire
    title: An item the next version drops
    ownerOrg: COUNCIL
    dueOffsetDays: -10
`,
);
const V2 = file(
  2,
  `  - key: plan
    title: Plan the cutover (renamed in v2)
    ownerOrg: JOINT
    dueOffsetDays: -100
    durationDays: 10
  - key: rehearse
    title: Rehearse it
    ownerOrg: TRUST
    dueOffsetDays: -30
    dependsOn: [plan]
  - key: go
    title: Switch over
    ownerOrg: JOINT
    dueOffsetDays: 0
    dayOneCritical: true
    dependsOn: [rehearse, ict-data:cms-option]
`,
);

describe('checklist templates', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let viewer: string;
  let programmeId: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('ADMIN');
    editor = await api.login('EDITOR');
    viewer = await api.login('VIEWER');
    programmeId = await api.programmeId();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const count = async (table: 'checklist_template' | 'checklist_item' | 'checklist_dependency') =>
    Number(
      (
        await api.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importFile = async (format: 'YAML' | 'JSON', content: string, token = admin) =>
    (await api.gql<{ importChecklistTemplate: Answer }>(IMPORT, { input: { format, content } }, token)).data!
      .importChecklistTemplate;
  const apply = async (input: Record<string, unknown>, token = admin) => {
    const res = await api.gql<{ applyChecklistTemplate: Application }>(
      APPLY,
      { input: { programmeId, ...input } },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.applyChecklistTemplate;
  };

  it('lists the built-in templates: seventeen workstreams and the service kinds', async () => {
    const res = await api.gql<{
      checklistTemplates: {
        key: string;
        kind: string;
        workstreamCode: string;
        builtIn: boolean;
        itemCount: number;
      }[];
    }>('{ checklistTemplates { key kind workstreamCode builtIn itemCount } }', {}, viewer);
    const list = res.data!.checklistTemplates;
    expect(list.filter((t) => t.kind === 'WORKSTREAM')).toHaveLength(17);
    expect(list[0]!.key).toBe('programme-governance');
    expect(list.filter((t) => t.kind === 'SERVICE').map((t) => t.key)).toEqual(
      expect.arrayContaining(['childrens-home-reregistration', 'ict-data-cutover']),
    );
    expect(list.every((t) => t.builtIn && t.itemCount > 0)).toBe(true);
  });

  it('exports YAML and JSON that import again as the same template', async () => {
    for (const format of ['YAML', 'JSON'] as const) {
      const res = await api.gql<{ checklistTemplate: { export: string } }>(
        EXPORT,
        { id: templateId('hr-tupe', 1), format },
        viewer,
      );
      const text = res.data!.checklistTemplate.export;
      const data = (format === 'JSON' ? JSON.parse(text) : parse(text)) as {
        version: number;
        key: string;
        items: unknown[];
      };
      expect(data.key).toBe('hr-tupe');
      // The same file as a new version round-trips item for item.
      const next = { ...data, key: `roundtrip-${format.toLowerCase()}`, version: 1 };
      const content =
        format === 'JSON' ? JSON.stringify(next) : text.replace('key: hr-tupe', `key: ${next.key}`);
      const stored = await importFile(format, content);
      expect(stored.__typename).toBe('ChecklistTemplate');
      const back = await api.gql<{ checklistTemplate: { export: string } }>(
        EXPORT,
        { id: stored.id, format },
        viewer,
      );
      const again = (
        format === 'JSON'
          ? JSON.parse(back.data!.checklistTemplate.export)
          : parse(back.data!.checklistTemplate.export)
      ) as typeof data;
      expect(again).toEqual(next);
    }
  });

  it('refuses a bad file naming every problem and storing nothing', async () => {
    const before = await count('checklist_template');
    const bad = `key: Bad Key
version: 0
name: ""
kind: WORKSTREAM
workstream: NOT_A_WORKSTREAM
items:
  - key: a
    title: A
    ownerOrg: COUNCIL
    dueOffsetDays: -10
    dependsOn: [b]
  - key: b
    title: B
    ownerOrg: ELSEWHERE
    dueOffsetDays: soon
  - key: c
    title: C
    ownerOrg: TRUST
    dueOffsetDays: 1
    dependsOn: [d]
  - key: d
    title: D
    ownerOrg: TRUST
    dueOffsetDays: 1
    dependsOn: [c, nowhere]
`;
    const answer = await importFile('YAML', bad);
    expect(answer.__typename).toBe('ChecklistTemplateFileError');
    const paths = answer.problems!.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'key',
        'version',
        'name',
        'workstream',
        'items[1].ownerOrg',
        'items[1].dueOffsetDays',
        'items[3].dependsOn[1]',
      ]),
    );
    expect(answer.problems!.map((p) => p.message)).toContain('dependency cycle: c -> d -> c');
    expect(answer.problems!.find((p) => p.path === 'items[3].dependsOn[1]')!.message).toContain('"nowhere"');
    expect(await count('checklist_template')).toBe(before);

    const notJson = await importFile('JSON', '{"key": ');
    expect(notJson.problems).toEqual([
      { path: '(file)', message: expect.stringContaining('is not valid JSON') },
    ]);
    const notYaml = await importFile('YAML', 'key: [unclosed');
    expect(notYaml.problems![0]!.message).toContain('is not valid YAML');
    expect(await count('checklist_template')).toBe(before);
  });

  it('refuses a version already stored: versions are never replaced', async () => {
    const answer = await importFile(
      'YAML',
      file(1, '  - key: x\n    title: X\n    ownerOrg: TRUST\n    dueOffsetDays: 1\n').replace(
        'test-cutover',
        'hr-tupe',
      ),
    );
    expect(answer.__typename).toBe('ChecklistTemplateFileError');
    expect(answer.problems![0]!.path).toBe('version');
  });

  it('lets only an ADMIN import, and no one but EDITOR and ADMIN apply', async () => {
    const asEditor = await api.gql(IMPORT, { input: { format: 'YAML', content: V1 } }, editor);
    expect(asEditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asViewer = await api.gql(
      APPLY,
      { input: { programmeId, templateId: templateId('hr-tupe', 1) } },
      viewer,
    );
    expect(asViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hr = await api.login('HR');
    const asHr = await api.gql(APPLY, { input: { programmeId, templateId: templateId('hr-tupe', 1) } }, hr);
    expect(asHr.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an EDITOR a template for a workstream they do not lead, changing nothing', async () => {
    const before = await count('checklist_item');
    // The demo EDITOR does not lead every workstream of the ICT cutover service template.
    const leads = await api.handle.db
      .selectFrom('user_workstream')
      .innerJoin('workstream', 'workstream.id', 'user_workstream.workstream_id')
      .innerJoin('app_user', 'app_user.id', 'user_workstream.user_id')
      .select('workstream.code')
      .where('app_user.email', '=', 'editor@handover.example')
      .execute();
    const notLed = ['PROGRAMME_GOVERNANCE', 'HR_TUPE', 'ICT_DATA'].find(
      (c) => !leads.some((l) => l.code === c),
    )!;
    const key = { PROGRAMME_GOVERNANCE: 'programme-governance', HR_TUPE: 'hr-tupe', ICT_DATA: 'ict-data' }[
      notLed
    ]!;
    const answer = await apply({ templateId: templateId(key, 1) }, editor);
    expect(answer.__typename).toBe('ForbiddenError');
    expect(await count('checklist_item')).toBe(before);
  });

  it('applies a template: items dated from the transfer day, their dependencies, where they came from; audited', async () => {
    const imported = await importFile('YAML', V1);
    expect(imported).toMatchObject({
      __typename: 'ChecklistTemplate',
      key: 'test-cutover',
      templateVersion: 1,
      itemCount: 3,
    });
    const result = await apply({ templateId: imported.id });
    expect(result.__typename).toBe('ChecklistTemplateApplication');
    expect(result.unchanged).toBe(false);
    const byKey = new Map(result.created!.map((c) => [c.templateItemKey, c]));
    // The demo transfer is 1 April 2023: T-90 is 1 January.
    expect(byKey.get('plan')).toMatchObject({
      ref: 'TEST-CUTOVER/PLAN',
      dueDate: '2023-01-01',
      durationDays: 10,
      signOffRole: 'SIRO',
      templateKey: 'test-cutover',
      templateVersion: 1,
    });
    expect(byKey.get('rehearse')).toMatchObject({
      dueDate: '2023-03-02',
      durationDays: 1,
      signOffRole: null,
    });
    expect(byKey.get('rehearse')!.dependsOn.map((d) => d.ref)).toEqual(['TEST-CUTOVER/PLAN']);
    expect(result.dependenciesAdded).toBe(1);
    const audit = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('operation', '=', 'applyChecklistTemplate')
      .where('kind', '=', 'WRITE')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toContain('created=3');
  });

  it('applying the same version twice changes nothing and says so', async () => {
    const id = (
      await api.handle.db
        .selectFrom('checklist_template')
        .select('id')
        .where('key', '=', 'test-cutover')
        .executeTakeFirstOrThrow()
    ).id;
    const items = await count('checklist_item');
    const deps = await count('checklist_dependency');
    const again = await apply({ templateId: encodeGlobalID('ChecklistTemplate', id) });
    expect(again).toMatchObject({ unchanged: true, created: [], dependenciesAdded: 0, keptCount: 3 });
    expect(again.message).toContain('nothing changed');
    expect(await count('checklist_item')).toBe(items);
    expect(await count('checklist_dependency')).toBe(deps);
  });

  it('re-applying a newer version adds what is missing, keeps work done and reports what it dropped', async () => {
    // Work done on version 1's items: one complete, one in progress with an owner.
    const rows = await api.handle.db
      .selectFrom('checklist_item')
      .selectAll()
      .where('template_key', '=', 'test-cutover')
      .execute();
    const plan = rows.find((r) => r.template_item_key === 'plan')!;
    const retire = rows.find((r) => r.template_item_key === 'retire')!;
    await api.handle.db
      .updateTable('checklist_item')
      .set({ status: 'COMPLETE', evidence: ['https://example.org/plan'] })
      .where('id', '=', plan.id)
      .execute();
    await api.handle.db
      .updateTable('checklist_item')
      .set({ status: 'IN_PROGRESS' })
      .where('id', '=', retire.id)
      .execute();

    const v2 = await importFile('YAML', V2);
    expect(v2).toMatchObject({ __typename: 'ChecklistTemplate', templateVersion: 2 });
    // Both versions of the key, newest first; the newest alone with latestOnly.
    const versions = await api.gql<{
      all: { templateVersion: number; latest: boolean; versions: { templateVersion: number }[] }[];
      newest: { key: string; templateVersion: number }[];
    }>(
      `{ all: checklistTemplates(key: "test-cutover") { templateVersion latest versions { templateVersion } }
         newest: checklistTemplates(latestOnly: true) { key templateVersion } }`,
      {},
      admin,
    );
    expect(versions.errors).toBeUndefined();
    expect(versions.data!.all.map((v) => [v.templateVersion, v.latest])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions.data!.all[1]!.versions.map((v) => v.templateVersion)).toEqual([2, 1]);
    const newest = versions.data!.newest;
    expect(newest.filter((t) => t.key === 'test-cutover')).toEqual([
      { key: 'test-cutover', templateVersion: 2 },
    ]);
    expect(new Set(newest.map((t) => t.key)).size).toBe(newest.length);
    const result = await apply({ templateId: v2.id });
    expect(result.created!.map((c) => c.templateItemKey)).toEqual(['go']);
    expect(result.created![0]).toMatchObject({
      dueDate: '2023-04-01',
      dayOneCritical: true,
      templateVersion: 2,
    });
    expect(result.updatedCount).toBe(2);
    expect(result.removedFromTemplate).toEqual([{ ref: 'TEST-CUTOVER/RETIRE', status: 'IN_PROGRESS' }]);
    // ict-data is not applied in the demo: the cross-template reference waits.
    expect(result.unresolvedDependencies).toEqual(['go -> ict-data:cms-option']);

    const after = await api.handle.db
      .selectFrom('checklist_item')
      .selectAll()
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      status: 'COMPLETE',
      evidence: ['https://example.org/plan'],
      title: plan.title,
      due_date: plan.due_date,
      template_version: 2,
    });
    const kept = await api.handle.db
      .selectFrom('checklist_item')
      .selectAll()
      .where('id', '=', retire.id)
      .executeTakeFirst();
    expect(kept?.status).toBe('IN_PROGRESS');

    // Once ict-data is applied, applying version 2 again makes the waiting dependency.
    const ict = await apply({ templateId: templateId('ict-data', 1) });
    expect(ict.__typename).toBe('ChecklistTemplateApplication');
    const again = await apply({ templateId: v2.id });
    expect(again).toMatchObject({
      unchanged: false,
      created: [],
      dependenciesAdded: 1,
      unresolvedDependencies: [],
    });

    // An older version after a newer one is refused.
    const v1 = await api.handle.db
      .selectFrom('checklist_template')
      .select('id')
      .where('key', '=', 'test-cutover')
      .where('template_version', '=', 1)
      .executeTakeFirstOrThrow();
    const old = await apply({ templateId: encodeGlobalID('ChecklistTemplate', v1.id) });
    expect(old).toMatchObject({ __typename: 'ValidationError', field: 'templateId' });
  });

  it('applies a service template to a service, and refuses it without one', async () => {
    const noService = await apply({ templateId: templateId('childrens-home-reregistration', 1) });
    expect(noService).toMatchObject({ __typename: 'ValidationError', field: 'serviceId' });
    const service = await api.handle.db
      .selectFrom('service')
      .select(['id', 'key'])
      .orderBy('key')
      .executeTakeFirstOrThrow();
    const before = await count('checklist_item');
    const result = await apply({
      templateId: templateId('childrens-home-reregistration', 1),
      serviceId: encodeGlobalID('Service', service.id),
    });
    expect(result.__typename).toBe('ChecklistTemplateApplication');
    expect(result.created).toHaveLength(9);
    expect(result.created![0]!.ref).toContain(`/${service.key.toUpperCase()}/`);
    expect(await count('checklist_item')).toBe(before + 9);
    // legal-governance is not applied: its incorporation item is waited for.
    expect(result.unresolvedDependencies).toEqual(['pre-application -> legal-governance:incorporation']);
  });

  it('shows and changes the duration and sign-off role of an item', async () => {
    const item = await api.handle.db
      .selectFrom('checklist_item')
      .selectAll()
      .where('template_key', '=', 'test-cutover')
      .where('template_item_key', '=', 'rehearse')
      .executeTakeFirstOrThrow();
    const UPDATE = `mutation ($input: UpdateChecklistItemInput!) {
      updateChecklistItem(input: $input) {
        __typename ... on Error { message } ... on ValidationError { field }
        ... on ChecklistItem { durationDays signOffRole version }
      }
    }`;
    const id = encodeGlobalID('ChecklistItem', item.id);
    const ok = await api.gql<{ updateChecklistItem: Record<string, unknown> }>(
      UPDATE,
      { input: { id, expectedVersion: item.version, durationDays: 7, signOffRole: 'Trust CEO' } },
      admin,
    );
    expect(ok.data!.updateChecklistItem).toMatchObject({ durationDays: 7, signOffRole: 'Trust CEO' });
    const bad = await api.gql<{ updateChecklistItem: Record<string, unknown> }>(
      UPDATE,
      { input: { id, expectedVersion: item.version + 1, durationDays: -1 } },
      admin,
    );
    expect(bad.data!.updateChecklistItem).toMatchObject({
      __typename: 'ValidationError',
      field: 'durationDays',
    });
    const cleared = await api.gql<{ updateChecklistItem: Record<string, unknown> }>(
      UPDATE,
      { input: { id, expectedVersion: item.version + 1, signOffRole: '' } },
      admin,
    );
    expect(cleared.data!.updateChecklistItem).toMatchObject({ signOffRole: null, durationDays: 7 });
  });

  it('answers an unknown template as not found', async () => {
    const answer = await apply({
      templateId: encodeGlobalID('ChecklistTemplate', '00000000-0000-4000-8000-000000000000'),
    });
    expect(answer.__typename).toBe('NotFoundError');
  });
});
