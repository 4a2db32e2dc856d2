import { transferInstant } from '@handover/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const PROGRAMMES = `{ programmes(first: 10) { totalCount edges { node { id name transferDate status
  transferor { name type } transferee { name type } organisations { name }
  services(first: 100) { totalCount edges { node { name } } }
  checklistItems(first: 1) { totalCount } raidItems(first: 1) { totalCount } headcountByContractType { employees } } } } }`;

interface ProgrammeNode {
  id: string;
  name: string;
  transferDate: string;
  status: string;
  transferor: { name: string; type: string };
  transferee: { name: string; type: string };
  organisations: { name: string }[];
  services: { totalCount: number; edges: { node: { name: string } }[] };
  checklistItems: { totalCount: number };
  raidItems: { totalCount: number };
  headcountByContractType: { employees: number }[];
}

describe('programmes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    // A second transfer in the same database: another council's children's services to its own trust.
    const db = api.handle.db;
    const council = await db
      .insertInto('organisation')
      .values({ key: 'test-council', name: 'Testshire County Council', type: 'COUNCIL' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const trust = await db
      .insertInto('organisation')
      .values({ key: 'test-trust', name: 'Testshire Children’s Trust', type: 'TRUST' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const programme = await db
      .insertInto('programme')
      .values({
        name: 'Testshire transfer',
        transferor_id: council.id,
        transferee_id: trust.id,
        transfer_at: transferInstant('2024-10-01'),
        status: 'PLANNING',
        risk_bands: JSON.stringify([{ band: 'LOW', min: 1, max: 25 }]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('service')
      .values({
        programme_id: programme.id,
        key: 'front-door',
        name: 'Testshire front door',
        disposition: 'TRANSFERS',
        transfer_status: 'NOT_STARTED',
      })
      .execute();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('keeps several programmes apart in one database', async () => {
    const res = await api.gql<{ programmes: { totalCount: number; edges: { node: ProgrammeNode }[] } }>(
      PROGRAMMES,
      {},
      await api.login('VIEWER'),
    );
    expect(res.errors).toBeUndefined();
    const [bradford, testshire] = res.data!.programmes.edges.map((e) => e.node) as [
      ProgrammeNode,
      ProgrammeNode,
    ];
    expect(res.data!.programmes.totalCount).toBe(2);
    expect(bradford).toMatchObject({
      transferDate: '2023-04-01',
      status: 'SHADOW',
      transferor: { name: 'City of Bradford Metropolitan District Council', type: 'COUNCIL' },
      transferee: { name: 'Bradford Children and Families Trust', type: 'TRUST' },
    });
    expect(bradford.organisations.length).toBeGreaterThan(10);
    // Counts of people (the only view of staff a VIEWER has) stay with their programme too.
    expect(bradford.headcountByContractType.reduce((n, c) => n + c.employees, 0)).toBeGreaterThan(1000);
    expect(testshire.headcountByContractType.every((c) => c.employees === 0)).toBe(true);
    expect(bradford.services.totalCount).toBeGreaterThanOrEqual(20);
    expect(bradford.services.edges.some((e) => e.node.name === 'Testshire front door')).toBe(false);
    expect(testshire).toMatchObject({
      name: 'Testshire transfer',
      transferDate: '2024-10-01',
      services: { totalCount: 1, edges: [{ node: { name: 'Testshire front door' } }] },
      checklistItems: { totalCount: 0 },
      raidItems: { totalCount: 0 },
    });
  });

  it('answers null for a programme that does not exist, and names a malformed id', async () => {
    const token = await api.login('VIEWER');
    const ghost = Buffer.from('Programme:00000000-0000-4000-8000-000000000000').toString('base64');
    const missing = await api.gql('query ($id: ID!) { programme(id: $id) { name } }', { id: ghost }, token);
    expect(missing).toEqual({ data: { programme: null } });
    const bad = await api.gql('query ($id: ID!) { programme(id: $id) { name } }', { id: 'nonsense' }, token);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect(bad.errors?.[0]?.message).toMatch(/^id: /);
  });
});
