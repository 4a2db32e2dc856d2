import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const CREATE_RAID = `mutation ($input: CreateRaidItemInput!, $key: String) {
  createRaidItem(input: $input, idempotencyKey: $key) { __typename ... on RaidItem { id ref } ... on Error { message } }
}`;

describe('a create retried with its idempotency key', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let programmeId: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('ADMIN');
    editor = await api.login('EDITOR');
    programmeId = await api.programmeId();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const rows = async (title: string) =>
    (await api.handle.db.selectFrom('raid_item').select(['id', 'ref']).where('title', '=', title).execute())
      .length;
  const create = (title: string, key: string | null, token = admin) =>
    api.gql<{ createRaidItem: { __typename: string; id: string; ref: string } }>(
      CREATE_RAID,
      {
        input: { programmeId, type: 'RISK', title, statement: 'There is a risk that it is made twice.' },
        key,
      },
      token,
    );

  it('makes one row and answers the first one, however often it comes', async () => {
    const first = await create('Made once', 'form-1');
    expect(first.data?.createRaidItem.__typename).toBe('RaidItem');
    const again = await create('Made once', 'form-1');
    expect(again.data?.createRaidItem).toEqual(first.data?.createRaidItem);
    // Two at once (a double click): still one.
    const [a, b] = await Promise.all([create('Made once', 'form-1'), create('Made once', 'form-1')]);
    expect(a.data?.createRaidItem.id).toBe(first.data?.createRaidItem.id);
    expect(b.data?.createRaidItem.id).toBe(first.data?.createRaidItem.id);
    expect(await rows('Made once')).toBe(1);
  });

  it('makes a row for each new key, each create without one, and each user', async () => {
    await create('Made twice', 'form-2');
    await create('Made twice', 'form-3');
    expect(await rows('Made twice')).toBe(2);
    await create('No key', null);
    await create('No key', null);
    expect(await rows('No key')).toBe(2);
    // The key is the user's own: another user's same key is another create. The EDITOR may create
    // only in the workstreams they lead, so without one their create is refused as data, making nothing.
    const theirs = await create('Made once', 'form-1', editor);
    expect(theirs.data?.createRaidItem.id).not.toBe(
      (await create('Made once', 'form-1')).data?.createRaidItem.id,
    );
  });

  it('keeps a key of a refused create unused', async () => {
    const refused = await api.gql<{ createRaidItem: { __typename: string } }>(
      CREATE_RAID,
      { input: { programmeId, type: 'RISK', title: '', statement: 'x' }, key: 'form-4' },
      admin,
    );
    expect(refused.data?.createRaidItem.__typename).toBe('ValidationError');
    expect((await create('After a refusal', 'form-4')).data?.createRaidItem.__typename).toBe('RaidItem');
    expect(await rows('After a refusal')).toBe(1);
  });

  it('holds for the other creates too (a consultation meeting)', async () => {
    const q = `mutation ($input: CreateConsultationMeetingInput!, $key: String) {
      createConsultationMeeting(input: $input, idempotencyKey: $key) { __typename ... on ConsultationMeeting { id } ... on Error { message } } }`;
    const hr = await api.login('HR');
    const input = { programmeId, heldOn: '2023-02-10', unions: ['UNISON'] };
    const one = await api.gql<{
      createConsultationMeeting: { __typename: string; id?: string; message?: string };
    }>(q, { input, key: 'meeting-1' }, hr);
    const two = await api.gql<{ createConsultationMeeting: { __typename: string; id?: string } }>(
      q,
      { input, key: 'meeting-1' },
      hr,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data?.createConsultationMeeting.__typename, JSON.stringify(one)).toBe('ConsultationMeeting');
    expect(two.data?.createConsultationMeeting.id).toBe(one.data?.createConsultationMeeting.id);
  });

  it('holds for evidence: the same link sent twice with one key is attached once, with one WRITE event', async () => {
    const item = await api.handle.db
      .selectFrom('checklist_item')
      .select('id')
      .orderBy('ref')
      .executeTakeFirstOrThrow();
    const q = `mutation ($input: AddEvidenceInput!, $key: String) {
      addEvidence(input: $input, idempotencyKey: $key) { __typename ... on Evidence { id } ... on Error { message } } }`;
    const input = {
      checklistItemId: encodeGlobalID('ChecklistItem', item.id),
      url: 'https://example.org/sent-twice',
      label: 'Sent twice',
    };
    const add = (key: string) =>
      api.gql<{ addEvidence: { __typename: string; id?: string } }>(q, { input, key }, admin);
    const one = await add('evidence-1');
    expect(one.data?.addEvidence.__typename, JSON.stringify(one)).toBe('Evidence');
    const [two, three] = await Promise.all([add('evidence-1'), add('evidence-1')]);
    expect(two.data?.addEvidence.id).toBe(one.data?.addEvidence.id);
    expect(three.data?.addEvidence.id).toBe(one.data?.addEvidence.id);
    const made = await api.handle.db
      .selectFrom('evidence')
      .select('id')
      .where('label', '=', 'Sent twice')
      .execute();
    expect(made).toHaveLength(1);
    const writes = await api.handle.db
      .selectFrom('audit_event')
      .select('id')
      .where('kind', '=', 'WRITE')
      .where('operation', '=', 'addEvidence')
      .where('entity_id', '=', item.id)
      .execute();
    expect(writes).toHaveLength(1);
    // A new key is a new piece of evidence.
    expect((await add('evidence-2')).data?.addEvidence.id).not.toBe(one.data?.addEvidence.id);
  });

  it("never shows a new user's password again: a retried createUser says it was already created", async () => {
    const q = `mutation ($input: CreateUserInput!, $key: String) {
      createUser(input: $input, idempotencyKey: $key) { __typename
        ... on CreateUserSuccess { initialPassword alreadyCreated user { id email } } ... on Error { message } } }`;
    type Answer = {
      createUser: {
        __typename: string;
        initialPassword: string | null;
        alreadyCreated: boolean;
        user: { id: string };
      };
    };
    const input = { name: 'Made Once', email: 'made.once@handover.example', role: 'VIEWER' };
    const one = await api.gql<Answer>(q, { input, key: 'user-1' }, admin);
    expect(one.data?.createUser.__typename, JSON.stringify(one)).toBe('CreateUserSuccess');
    expect(one.data?.createUser.alreadyCreated).toBe(false);
    expect(one.data?.createUser.initialPassword).toMatch(/.{12,}/);
    const two = await api.gql<Answer>(q, { input, key: 'user-1' }, admin);
    expect(two.data?.createUser).toEqual({
      __typename: 'CreateUserSuccess',
      initialPassword: null,
      alreadyCreated: true,
      user: one.data?.createUser.user,
    });
    expect(JSON.stringify(two)).not.toContain(one.data!.createUser.initialPassword!);
    const users = await api.handle.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'made.once@handover.example')
      .execute();
    expect(users).toHaveLength(1);
  });

  it('never shows a partner token again: a retried createApiToken answers the token made, without it', async () => {
    const org = await api.handle.db
      .selectFrom('organisation')
      .select('id')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const q = `mutation ($input: CreateApiTokenInput!, $key: String) {
      createApiToken(input: $input, idempotencyKey: $key) { __typename
        ... on ApiTokenCreated { token alreadyCreated apiToken { id name } } ... on Error { message } } }`;
    type Answer = {
      createApiToken: {
        __typename: string;
        token: string | null;
        alreadyCreated: boolean;
        apiToken: { id: string; name: string };
      };
    };
    const today = (await api.gql<{ today: string }>('{ today }', {}, admin)).data!.today;
    const expiresOn = new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const input = { name: 'Made once', organisationId: encodeGlobalID('Organisation', org.id), expiresOn };
    const one = await api.gql<Answer>(q, { input, key: 'token-1' }, admin);
    expect(one.data?.createApiToken.__typename, JSON.stringify(one)).toBe('ApiTokenCreated');
    expect(one.data?.createApiToken.alreadyCreated).toBe(false);
    const secret = one.data!.createApiToken.token!;
    expect(secret.length).toBeGreaterThan(20);
    const [two, three] = await Promise.all([
      api.gql<Answer>(q, { input, key: 'token-1' }, admin),
      api.gql<Answer>(q, { input, key: 'token-1' }, admin),
    ]);
    for (const again of [two, three]) {
      expect(again.data?.createApiToken).toEqual({
        __typename: 'ApiTokenCreated',
        token: null,
        alreadyCreated: true,
        apiToken: one.data?.createApiToken.apiToken,
      });
      expect(JSON.stringify(again)).not.toContain(secret);
    }
    const tokens = await api.handle.db
      .selectFrom('api_token')
      .select('id')
      .where('name', '=', 'Made once')
      .execute();
    expect(tokens).toHaveLength(1);
  });

  it('holds for ELI packages and TUPE measures', async () => {
    const hr = await api.login('HR');
    const eli = `mutation ($input: CreateEliPackageInput!, $key: String) {
      createEliPackage(input: $input, idempotencyKey: $key) { __typename ... on EliPackage { id } ... on Error { message } } }`;
    const measure = `mutation ($input: CreateTupeMeasureInput!, $key: String) {
      createTupeMeasure(input: $input, idempotencyKey: $key) { __typename ... on TupeMeasure { id } ... on Error { message } } }`;
    const eliInput = { programmeId, categories: [], notes: 'Sent once' };
    const measureInput = {
      programmeId,
      description: 'Made once',
      envisagedBy: 'TRANSFEREE',
      groupsAffected: [],
      consultationRequired: false,
    };
    for (const [q, input, name] of [
      [eli, eliInput, 'createEliPackage'],
      [measure, measureInput, 'createTupeMeasure'],
    ] as const) {
      const one = await api.gql<Record<string, { __typename: string; id?: string }>>(
        q,
        { input, key: name },
        hr,
      );
      expect(one.data?.[name]?.id, JSON.stringify(one)).toBeTruthy();
      const two = await api.gql<Record<string, { __typename: string; id?: string }>>(
        q,
        { input, key: name },
        hr,
      );
      expect(two.data?.[name]?.id).toBe(one.data?.[name]?.id);
    }
    expect(
      await api.handle.db.selectFrom('eli_package').select('id').where('notes', '=', 'Sent once').execute(),
    ).toHaveLength(1);
    expect(
      await api.handle.db
        .selectFrom('tupe_measure')
        .select('id')
        .where('description', '=', 'Made once')
        .execute(),
    ).toHaveLength(1);
  });
});
