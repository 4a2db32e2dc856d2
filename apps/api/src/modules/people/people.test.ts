import { encodeGlobalID } from '@pothos/plugin-relay';
import { CONTRACT_TYPES } from '@handover/domain';
import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX_ROWS, PERSONAL } from '../../access/matrix.ts';
import { createApiToken } from '../partner/partner.service.ts';
import { schema } from '../../schema/index.ts';
import { startTestApi, type TestApi } from '../../test/harness.ts';
import { PERSONAL_EMPLOYEE_FIELDS } from './people.schema.ts';

const PERSONAL_SELECTION = `id payrollNumber contractType fte continuousServiceDate assignmentRationale ${PERSONAL_EMPLOYEE_FIELDS.join(' ')}`;

/** Every way into an employee the schema offers, each asking for their id, payroll number and personal fields. */
const PATHS = {
  'Programme.employees': (p: { programmeId: string }) => ({
    query: `query ($id: ID!) { programme(id: $id) { employees(first: 3) { totalCount edges { node { ${PERSONAL_SELECTION} } } } } }`,
    variables: { id: p.programmeId },
  }),
  'Post.holders': (p: { programmeId: string }) => ({
    query: `query ($id: ID!) { programme(id: $id) { posts(first: 3, filter: { vacant: false }) { edges { node { postNumber holders { ${PERSONAL_SELECTION} } } } } } }`,
    variables: { id: p.programmeId },
  }),
  'node(id)': (p: { employeeId: string }) => ({
    query: `query ($id: ID!) { node(id: $id) { __typename ... on Employee { ${PERSONAL_SELECTION} } } }`,
    variables: { id: p.employeeId },
  }),
  'nodes(ids)': (p: { employeeId: string }) => ({
    query: `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Employee { ${PERSONAL_SELECTION} } } }`,
    variables: { ids: [p.employeeId] },
  }),
};

function employeesIn(data: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('payrollNumber' in o || o.__typename === 'Employee') found.push(o);
      else Object.values(o).forEach(walk);
    }
  };
  walk(data);
  return found;
}

describe('personal data', () => {
  let api: TestApi;
  let ids: { programmeId: string; employeeId: string };
  let payrollNumber: string;
  beforeAll(async () => {
    api = await startTestApi();
    const programmeId = await api.programmeId();
    const e = await api.handle.db
      .selectFrom('employee')
      .select(['id', 'payroll_number'])
      .where('post_id', 'is not', null)
      .orderBy('payroll_number')
      .executeTakeFirstOrThrow();
    ids = { programmeId, employeeId: encodeGlobalID('Employee', e.id) };
    payrollNumber = e.payroll_number;
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('holds every field of Employee, the list of employees and who holds a post for HR alone', () => {
    const employee = schema.getType('Employee') as GraphQLObjectType;
    const fields = Object.keys(employee.getFields());
    expect(fields.filter((f) => MATRIX_ROWS[`Employee.${f}`] !== PERSONAL)).toEqual([]);
    expect(fields).toEqual(expect.arrayContaining(['id', 'payrollNumber', 'assignmentRationale', 'fte']));
    expect(MATRIX_ROWS['Programme.employees']).toBe(PERSONAL);
    expect(MATRIX_ROWS['Post.holders']).toBe(PERSONAL);
  });

  for (const role of ['ADMIN', 'EDITOR', 'VIEWER'] as const) {
    for (const [path, build] of Object.entries(PATHS)) {
      it(`${role} gets no employee through ${path}, not even an id: FORBIDDEN, naming no one`, async () => {
        const { query, variables } = build(ids);
        const res = await api.gql(query, variables, await api.login(role));
        expect(employeesIn(res.data)).toEqual([]);
        expect(res.errors?.length).toBeGreaterThan(0);
        for (const err of res.errors ?? []) {
          expect(err.extensions?.code).toBe('FORBIDDEN');
          expect(err.message).toContain(`(${role})`);
        }
        const text = JSON.stringify(res);
        expect(text).not.toContain(payrollNumber);
        expect(text).not.toContain(ids.employeeId);
      });
    }
  }

  for (const [path, build] of Object.entries(PATHS)) {
    it(`HR reads every field through ${path}`, async () => {
      const { query, variables } = build(ids);
      const res = await api.gql(query, variables, await api.login('HR'));
      expect(res.errors).toBeUndefined();
      const employees = employeesIn(res.data);
      expect(employees.length).toBeGreaterThan(0);
      for (const e of employees) {
        expect(e.payrollNumber).toEqual(expect.any(String));
        expect(e.firstName).toEqual(expect.any(String));
        expect(e.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(e.niNumber).toMatch(/^[A-Z]{2}\d{6}[A-D]$/);
        expect(e.salary).toEqual(expect.any(Number));
      }
    });
  }

  it('filters employees by TUPE status and counts them, for HR', async () => {
    const res = await api.gql<{
      programme: { employees: { totalCount: number; edges: { node: { tupeStatus: string } }[] } };
    }>(
      `query ($id: ID!) { programme(id: $id) { employees(first: 100, filter: { tupeStatuses: [IN_SCOPE_DISPUTED] }) {
        totalCount edges { node { tupeStatus } } } } }`,
      { id: ids.programmeId },
      await api.login('HR'),
    );
    const { n } = await api.handle.db
      .selectFrom('employee')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tupe_status', '=', 'IN_SCOPE_DISPUTED')
      .executeTakeFirstOrThrow();
    expect(res.data!.programme.employees.totalCount).toBe(Number(n));
    expect(n).toBeGreaterThan(0);
    expect(res.data!.programme.employees.edges.every((e) => e.node.tupeStatus === 'IN_SCOPE_DISPUTED')).toBe(
      true,
    );
  });

  it('gives every staff role counts by team and by contract type that add up to the whole staff', async () => {
    const { n } = await api.handle.db
      .selectFrom('employee')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const inPost = await api.handle.db
      .selectFrom('employee')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('post_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const posts = await api.handle.db
      .selectFrom('post')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const role of ['ADMIN', 'EDITOR', 'VIEWER', 'HR'] as const) {
      const res = await api.gql<{
        programme: {
          headcountByTeam: {
            team: { name: string };
            posts: number;
            vacantPosts: number;
            employees: number;
          }[];
          headcountByContractType: { contractType: string; employees: number; fte: number }[];
        };
      }>(
        `query ($id: ID!) { programme(id: $id) {
          headcountByTeam { team { name } posts vacantPosts employees fte }
          headcountByContractType { contractType employees fte } } }`,
        { id: ids.programmeId },
        await api.login(role),
      );
      expect(res.errors).toBeUndefined();
      const p = res.data!.programme;
      expect(p.headcountByTeam.reduce((s, t) => s + t.employees, 0)).toBe(Number(inPost.n));
      expect(p.headcountByTeam.reduce((s, t) => s + t.posts, 0)).toBe(Number(posts.n));
      const names = p.headcountByTeam.map((t) => t.team.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(p.headcountByContractType.map((c) => c.contractType)).toEqual([...CONTRACT_TYPES]);
      expect(p.headcountByContractType.reduce((s, c) => s + c.employees, 0)).toBe(Number(n));
    }
  });
});

describe('counts of people partners see', () => {
  let api: TestApi;
  let programmeId: string;
  let partner: string;
  let small: { serviceId: string; count: number };
  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    const db = api.handle.db;
    const org = await db.selectFrom('organisation').select('id').orderBy('id').executeTakeFirstOrThrow();
    partner = (
      await createApiToken(
        db,
        { name: 'Suppression test', organisationId: org.id, expiresOn: '2023-12-31' },
        null,
        new Date('2023-02-15T12:00:00Z'),
      )
    ).token;
    // A service with 3 people in post: the others in it leave their posts.
    const service = await db
      .selectFrom('employee')
      .innerJoin('post', 'post.id', 'employee.post_id')
      .innerJoin('team', 'team.id', 'post.team_id')
      .select((eb) => ['team.service_id', eb.fn.countAll<number>().as('n')])
      .groupBy('team.service_id')
      .having((eb) => eb.fn.countAll(), '>', 5)
      .orderBy('team.service_id')
      .executeTakeFirstOrThrow();
    const keep = await db
      .selectFrom('employee')
      .innerJoin('post', 'post.id', 'employee.post_id')
      .innerJoin('team', 'team.id', 'post.team_id')
      .select('employee.id')
      .where('team.service_id', '=', service.service_id)
      .orderBy('employee.id')
      .limit(3)
      .execute();
    await db
      .updateTable('employee')
      .set({ post_id: null })
      .where(
        'id',
        'not in',
        keep.map((k) => k.id),
      )
      .where('post_id', 'in', (eb) =>
        eb
          .selectFrom('post')
          .innerJoin('team', 'team.id', 'post.team_id')
          .select('post.id')
          .where('team.service_id', '=', service.service_id),
      )
      .execute();
    small = { serviceId: encodeGlobalID('Service', service.service_id), count: 3 };
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const QUERY = `query ($id: ID!) { programme(id: $id) {
    headcountByService { service { id } headcount { posts employees fte } }
    headcountByTupeStatus { tupeStatus employees fte } } }`;
  type Answer = {
    programme: {
      headcountByService: {
        service: { id: string };
        headcount: { employees: number | null; fte: number | null };
      }[];
      headcountByTupeStatus: { tupeStatus: string; employees: number | null; fte: number | null }[];
    };
  };

  it('suppresses counts of 1 to 4 people (and their FTE) for partners, and shows staff the count', async () => {
    const staff = await api.gql<Answer>(QUERY, { id: programmeId }, await api.login('VIEWER'));
    const theirs = await api.gql<Answer>(QUERY, { id: programmeId }, partner);
    expect(staff.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
    const mine = staff.data!.programme;
    const seen = theirs.data!.programme;
    const smallService = (a: Answer['programme']) =>
      a.headcountByService.find((s) => s.service.id === small.serviceId)!.headcount;
    expect(smallService(mine).employees).toBe(small.count);
    expect(smallService(mine).fte).toEqual(expect.any(Number));
    expect(smallService(seen)).toMatchObject({ employees: null, fte: null });
    // Every count, by service and by TUPE status: the partner sees the staff's count, or null for 1 to 4.
    const pairs = [
      ...mine.headcountByService.map((s, i) => [s.headcount, seen.headcountByService[i]!.headcount] as const),
      ...mine.headcountByTupeStatus.map((s, i) => [s, seen.headcountByTupeStatus[i]!] as const),
    ];
    for (const [own, partners] of pairs) {
      const n = own.employees!;
      if (n >= 1 && n <= 4) expect(partners).toMatchObject({ employees: null, fte: null });
      else expect(partners).toMatchObject({ employees: n, fte: own.fte });
    }
    expect(pairs.some(([own]) => own.employees === 0)).toBe(true);
    expect(pairs.some(([own]) => own.employees! >= 5)).toBe(true);
  });
});
