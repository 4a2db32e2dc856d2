import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test/harness.ts';

describe('node(id:) and nodes(ids:) with an id that names nothing', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = await api.login('ADMIN');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('answers null, as for an unknown row, whether the id is malformed or names no type', async () => {
    const unknownRow = Buffer.from('RaidItem:00000000-0000-4000-8000-000000000000').toString('base64');
    for (const id of [
      'not-an-id',
      '',
      'UmFpZEl0ZW06eA',
      Buffer.from('Nothing:1').toString('base64'),
      unknownRow,
    ]) {
      const res = await api.gql('query ($id: ID!) { node(id: $id) { __typename id } }', { id }, token);
      expect(res, id).toEqual({ data: { node: null } });
    }
    const many = await api.gql(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename } }',
      { ids: ['x', unknownRow] },
      token,
    );
    expect(many).toEqual({ data: { nodes: [null, null] } });
  });
});
