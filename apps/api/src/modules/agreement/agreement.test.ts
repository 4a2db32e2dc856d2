import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';
import { agreementScope, agreementStatus } from './agreement.service.ts';

describe('an agreement’s status, from its dates', () => {
  const a = { start_date: '2023-04-01', review_date: '2024-03-31', end_date: '2025-03-31' };
  it.each([
    ['2023-03-31', 'NOT_YET_IN_FORCE'],
    ['2023-04-01', 'IN_FORCE'],
    ['2024-03-31', 'IN_FORCE'],
    ['2024-04-01', 'REVIEW_DUE'],
    ['2025-03-31', 'REVIEW_DUE'],
    ['2025-04-01', 'ENDED'],
  ])('on %s it is %s', (today, status) => {
    expect(agreementStatus(a, today)).toBe(status);
  });
  it('has no end when end_date is null', () => {
    expect(agreementStatus({ ...a, end_date: null, review_date: '2099-01-01' }, '2090-01-01')).toBe(
      'IN_FORCE',
    );
  });
  it('lets nobody see anything without a viewer', () => {
    expect(agreementScope(null)).toEqual({ none: true });
  });
});

describe('data sharing agreements for staff', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const Q = `{ programmes(first: 1) { edges { node { dataSharingAgreements {
    ref lawfulBasis specialCategoryCondition datasets startDate reviewDate endDate status parties { name }
  } } } } }`;
  type Res = {
    programmes: {
      edges: {
        node: { dataSharingAgreements: { ref: string; parties: { name: string }[]; datasets: string[] }[] };
      }[];
    };
  };

  it('every staff role sees every agreement, with parties and datasets, in one statement per level', async () => {
    for (const role of ['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const) {
      const token = await api.login(role);
      api.statements.length = 0;
      const res = await api.gql<Res>(Q, {}, token);
      expect(res.errors, role).toBeUndefined();
      const list = res.data!.programmes.edges[0]!.node.dataSharingAgreements;
      expect(list.map((x) => x.ref)).toEqual([
        'DSA-001',
        'DSA-002',
        'DSA-003',
        'DSA-004',
        'DSA-005',
        'DSA-006',
      ]);
      expect(list.every((x) => x.parties.length >= 2 && x.datasets.length >= 1)).toBe(true);
      // Agreements, their parties, the parties' organisations: one statement each.
      const reads = api.statements.filter((s) => /data_sharing_agreement|organisation/.test(s));
      expect(reads.length, role).toBe(3);
    }
  });

  it('refuses an anonymous caller', async () => {
    const res = await api.gql(Q);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists the contact routes in force on a day: the council’s before go-live, the trust’s after', async () => {
    const R = `query ($on: Date) { programmes(first: 1) { edges { node { contactRoutes(on: $on) {
      channel value organisation { name } service { key } } } } } }`;
    type Routes = {
      programmes: {
        edges: {
          node: {
            contactRoutes: {
              channel: string;
              value: string;
              organisation: { name: string };
              service: { key: string } | null;
            }[];
          };
        }[];
      };
    };
    const token = await api.login('VIEWER');
    const on = async (day: string | null) =>
      (await api.gql<Routes>(R, { on: day }, token)).data!.programmes.edges[0]!.node.contactRoutes;
    const all = await on(null);
    const before = await on('2023-03-31');
    const after = await on('2023-04-01');
    expect(before.length + after.length).toBeGreaterThan(all.length); // open-ended routes count on both days
    const frontDoor = (rs: typeof all) => rs.filter((r) => r.service?.key === 'front-door');
    expect(frontDoor(before).every((r) => r.organisation.name.startsWith('City of Bradford'))).toBe(true);
    expect(
      frontDoor(after).every((r) => r.organisation.name === 'Bradford Children and Families Trust'),
    ).toBe(true);
    expect(after.some((r) => r.service?.key === 'emergency-duty')).toBe(true);
  });
});
