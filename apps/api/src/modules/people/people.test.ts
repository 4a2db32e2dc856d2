import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { startTestApi, type TestApi } from '../../test/harness.ts';
import { PERSONAL_EMPLOYEE_FIELDS, PERSONAL_EMPLOYEE_LISTS } from './people.schema.ts';

/** Employee fields that are not personal data. Adding a field to Employee means classifying it here or as personal. */
const ORGANISATIONAL_EMPLOYEE_FIELDS = [
  'id',
  'payrollNumber',
  'post',
  'contractType',
  'startDate',
  'continuousServiceDate',
  'fte',
  'pensionScheme',
  'tupeStatus',
  'assignmentDecision',
  'assignmentRationale',
  'objectionReceivedOn',
  'objectionWithdrawnOn',
  'redeployedOn',
  'leftOn',
  'transferredAt',
  'employmentEndedAt',
  'employmentEndReason',
  'version',
];

const PERSONAL = PERSONAL_EMPLOYEE_FIELDS.join(' ');

/** Every way into an employee the schema offers, each asking for every personal field. */
const PATHS = {
  'Programme.employees': (p: { programmeId: string }) => ({
    query: `query ($id: ID!) { programme(id: $id) { employees(first: 3) { edges { node { payrollNumber ${PERSONAL} } } } } }`,
    variables: { id: p.programmeId },
  }),
  'Post.holders': (p: { programmeId: string }) => ({
    query: `query ($id: ID!) { programme(id: $id) { posts(first: 3, filter: { vacant: false }) { edges { node { holders { payrollNumber ${PERSONAL} } } } } } }`,
    variables: { id: p.programmeId },
  }),
  'node(id)': (p: { employeeId: string }) => ({
    query: `query ($id: ID!) { node(id: $id) { ... on Employee { payrollNumber ${PERSONAL} } } }`,
    variables: { id: p.employeeId },
  }),
  'nodes(ids)': (p: { employeeId: string }) => ({
    query: `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { payrollNumber ${PERSONAL} } } }`,
    variables: { ids: [p.employeeId] },
  }),
};

function employeesIn(data: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('payrollNumber' in o) found.push(o);
      else Object.values(o).forEach(walk);
    }
  };
  walk(data);
  return found;
}

describe('personal data', () => {
  let api: TestApi;
  let ids: { programmeId: string; employeeId: string };
  beforeAll(async () => {
    api = await startTestApi();
    const programmeId = await api.programmeId();
    const res = await api.gql<{ programme: { employees: { edges: { node: { id: string } }[] } } }>(
      'query ($id: ID!) { programme(id: $id) { employees(first: 1) { edges { node { id } } } } }',
      { id: programmeId },
      await api.login('VIEWER'),
    );
    ids = { programmeId, employeeId: res.data!.programme.employees.edges[0]!.node.id };
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('every Employee field is classified as personal or organisational', () => {
    const employee = schema.getType('Employee') as GraphQLObjectType;
    expect(Object.keys(employee.getFields()).sort()).toEqual(
      [...PERSONAL_EMPLOYEE_FIELDS, ...PERSONAL_EMPLOYEE_LISTS, ...ORGANISATIONAL_EMPLOYEE_FIELDS].sort(),
    );
  });

  for (const role of ['ADMIN', 'EDITOR', 'VIEWER'] as const) {
    for (const [path, build] of Object.entries(PATHS)) {
      it(`${role} gets no personal field through ${path}, and an authorisation error for each`, async () => {
        const { query, variables } = build(ids);
        const res = await api.gql(query, variables, await api.login(role));
        const employees = employeesIn(res.data);
        expect(employees.length).toBeGreaterThan(0);
        for (const e of employees) {
          expect(typeof e.payrollNumber).toBe('string');
          for (const field of PERSONAL_EMPLOYEE_FIELDS) expect(e[field]).toBeNull();
        }
        const refused = new Set(res.errors?.map((err) => String(err.path?.at(-1))));
        expect([...refused].sort()).toEqual([...PERSONAL_EMPLOYEE_FIELDS].sort());
        for (const err of res.errors ?? []) {
          expect(err.extensions?.code).toBe('FORBIDDEN');
          expect(err.message).toContain(`(${role})`);
        }
      });
    }
  }

  for (const [path, build] of Object.entries(PATHS)) {
    it(`HR reads every personal field through ${path}`, async () => {
      const { query, variables } = build(ids);
      const res = await api.gql(query, variables, await api.login('HR'));
      expect(res.errors).toBeUndefined();
      const employees = employeesIn(res.data);
      expect(employees.length).toBeGreaterThan(0);
      for (const e of employees) {
        expect(e.firstName).toEqual(expect.any(String));
        expect(e.lastName).toEqual(expect.any(String));
        expect(e.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(e.niNumber).toMatch(/^[A-Z]{2}\d{6}[A-D]$/);
        expect(e.salary).toEqual(expect.any(Number));
      }
    });
  }

  it('filters employees by TUPE status and counts them for every role', async () => {
    const res = await api.gql<{
      programme: { employees: { totalCount: number; edges: { node: { tupeStatus: string } }[] } };
    }>(
      `query ($id: ID!) { programme(id: $id) { employees(first: 100, filter: { tupeStatuses: [IN_SCOPE_DISPUTED] }) {
        totalCount edges { node { tupeStatus } } } } }`,
      { id: ids.programmeId },
      await api.login('VIEWER'),
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
});
