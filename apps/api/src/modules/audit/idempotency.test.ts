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
});
