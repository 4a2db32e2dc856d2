/**
 * Posts and employees. An employee is one person: every field of the type (its id
 * included), the list of employees and who holds a post are HR's alone (the type
 * carries the scope, and `node(id:)` refuses it to anyone else). Other roles get
 * counts: by service, team, TUPE status and contract type. Partners get counts of
 * people from 1 to 4 suppressed (`suppressSmallCount`, packages/domain).
 */
import type { Employee, Post } from '@handover/db';
import {
  ASSIGNMENT_DECISIONS,
  CONTRACT_TYPES,
  PENSION_SCHEMES,
  TUPE_STATUSES,
  suppressSmallCount,
  suppressWithCount,
} from '@handover/domain';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { scopesFor, typeScopesFor } from '../../access/scopes.ts';
import type { Context } from '../../context.ts';
import { PARTNER, builder } from '../../schema/builder.ts';
import { auditedRead } from '../audit/audit.service.ts';
import { MAX_PAGE_SIZE, decodeId, groupLoader, withTotalCount } from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { ServiceRef, TeamRef } from '../service/service.schema.ts';
import {
  countEmployees,
  countPosts,
  employeesByIds,
  headcountByContractType,
  headcountByTeam,
  employeesByPostIds,
  headcountByServiceIds,
  headcountByTupeStatus,
  listEmployees,
  listPosts,
  postsByIds,
  type ContractTypeHeadcountRow,
  type ServiceHeadcountRow,
  type TeamHeadcountRow,
} from './people.repository.ts';

export const TupeStatusEnum = builder.enumType('TupeStatus', { values: TUPE_STATUSES, subGraphs: PARTNER });
export const ContractTypeEnum = builder.enumType('ContractType', { values: CONTRACT_TYPES });
export const PensionSchemeEnum = builder.enumType('PensionScheme', { values: PENSION_SCHEMES });
export const AssignmentDecisionEnum = builder.enumType('AssignmentDecision', {
  values: ASSIGNMENT_DECISIONS,
});

/** The fields of Employee that hold personal data: HR only. */
export const PERSONAL_EMPLOYEE_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'niNumber',
  'salary',
  'pensionNumber',
  'objectionNote',
  'redeploymentNote',
  'leavingNote',
] as const;

/** The lists of Employee that hold personal data (decisions with rationale, appeals, the trail): HR only. */
export const PERSONAL_EMPLOYEE_LISTS = ['assignmentHistory', 'appeals', 'history'] as const;

export const PostRef = builder.loadableNode('Post', {
  description: 'An established post in a team, filled or vacant.',
  id: { resolve: (p: Post) => p.id },
  load: (ids: string[], ctx) => postsByIds(ctx.db, ids),
  sort: (p) => p.id,
  fields: (t) => ({
    postNumber: t.exposeString('post_number'),
    title: t.exposeString('title'),
    grade: t.exposeString('grade'),
    fte: t.exposeFloat('fte', { description: 'Full-time equivalent of the post, 0 to 1.' }),
    costCentre: t.exposeString('cost_centre'),
    vacant: t.exposeBoolean('vacant'),
    team: t.field({ type: TeamRef, resolve: (p) => p.team_id }),
    version: t.exposeInt('version'),
  }),
});

export const EmployeeRef = builder.loadableNode('Employee', {
  description:
    'A member of staff: one person, HR only (every field, the id included). Reads of names, date of birth, NI number, salary, pension number, notes and decision history are audited.',
  authScopes: typeScopesFor('Employee'),
  id: { resolve: (e: Employee) => e.id },
  load: (ids: string[], ctx) => employeesByIds(ctx.db, ids),
  sort: (e) => e.id,
  fields: (t) => ({
    payrollNumber: t.exposeString('payroll_number'),
    post: t.field({ type: PostRef, nullable: true, resolve: (e) => e.post_id }),
    contractType: t.field({ type: ContractTypeEnum, resolve: (e) => e.contract_type }),
    startDate: t.expose('start_date', { type: 'Date' }),
    continuousServiceDate: t.expose('continuous_service_date', { type: 'Date' }),
    fte: t.exposeFloat('fte'),
    pensionScheme: t.field({ type: PensionSchemeEnum, resolve: (e) => e.pension_scheme }),
    tupeStatus: t.field({ type: TupeStatusEnum, resolve: (e) => e.tupe_status }),
    assignmentDecision: t.field({
      type: AssignmentDecisionEnum,
      nullable: true,
      resolve: (e) => e.assignment_decision,
    }),
    assignmentRationale: t.exposeString('assignment_rationale', { nullable: true }),
    // Each read of a personal field is audited (names, never values): see auditedRead.
    firstName: t.string({
      nullable: true,
      authScopes: scopesFor('Employee.firstName'),
      resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.first_name),
    }),
    lastName: t.string({
      nullable: true,
      authScopes: scopesFor('Employee.lastName'),
      resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.last_name),
    }),
    dateOfBirth: t.field({
      type: 'Date',
      nullable: true,
      authScopes: scopesFor('Employee.dateOfBirth'),
      resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.date_of_birth),
    }),
    niNumber: t.string({
      nullable: true,
      authScopes: scopesFor('Employee.niNumber'),
      resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.ni_number),
    }),
    salary: t.float({
      nullable: true,
      authScopes: scopesFor('Employee.salary'),
      description: 'Annual, pro rata, in pounds.',
      resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.salary),
    }),
    pensionNumber: t.string({
      nullable: true,
      authScopes: scopesFor('Employee.pensionNumber'),
      resolve: (e, _args, ctx, info) => auditedRead(ctx, info, e.id, e.pension_number),
    }),
    version: t.exposeInt('version'),
  }),
});

builder.objectField(PostRef, 'holders', (t) =>
  t.loadableGroup({
    type: EmployeeRef,
    description: 'Who is in the post (none when vacant): HR only.',
    authScopes: scopesFor('Post.holders'),
    load: (ids: string[], ctx) => employeesByPostIds(ctx.db, ids),
    group: (e) => (e as Employee).post_id!,
    resolve: (p) => p.id,
  }),
);

const PostFilterInput = builder.inputType('PostFilter', {
  fields: (t) => ({
    teamIds: t.idList({ required: false }),
    serviceIds: t.idList({ required: false }),
    vacant: t.boolean({ required: false }),
    search: t.string({ required: false, description: 'Part of the title or post number.' }),
  }),
});

const EmployeeFilterInput = builder.inputType('EmployeeFilter', {
  fields: (t) => ({
    tupeStatuses: t.field({ type: [TupeStatusEnum], required: false }),
    assignmentDecisions: t.field({ type: [AssignmentDecisionEnum], required: false }),
    contractTypes: t.field({ type: [ContractTypeEnum], required: false }),
    teamIds: t.idList({ required: false }),
    serviceIds: t.idList({ required: false }),
    payrollNumber: t.string({ required: false }),
    awaitingDecision: t.boolean({
      required: false,
      description: 'True: no assignment decision yet (with assignmentDecisions, those or none yet).',
    }),
    objected: t.boolean({ required: false, description: 'True: an objection on record, not withdrawn.' }),
  }),
});

const ids = (values: readonly string[] | null | undefined, typename: string, field: string) =>
  values?.map((id, i) => decodeId(id, typename, `${field}[${i}]`));

builder.objectFields(ProgrammeRef, (t) => ({
  posts: t.connection(
    {
      type: PostRef,
      description: 'The establishment, by post number.',
      args: { filter: t.arg({ type: PostFilterInput, required: false }) },
      resolve: async (programme, args, ctx) => {
        const f = args.filter ?? {};
        const filter = {
          ...f,
          teamIds: ids(f.teamIds, 'Team', 'filter.teamIds'),
          serviceIds: ids(f.serviceIds, 'Service', 'filter.serviceIds'),
        };
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
            listPosts(ctx.db, programme.id, filter, page),
          )),
          totalCount: () => countPosts(ctx.db, programme.id, filter),
        };
      },
    },
    withTotalCount,
  ),
  employees: t.connection(
    {
      type: EmployeeRef,
      description: 'Staff, by payroll number: HR only (other roles: the headcountBy... counts).',
      authScopes: scopesFor('Programme.employees'),
      args: { filter: t.arg({ type: EmployeeFilterInput, required: false }) },
      resolve: async (programme, args, ctx) => {
        const f = args.filter ?? {};
        const filter = {
          ...f,
          teamIds: ids(f.teamIds, 'Team', 'filter.teamIds'),
          serviceIds: ids(f.serviceIds, 'Service', 'filter.serviceIds'),
        };
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
            listEmployees(ctx.db, programme.id, filter, page),
          )),
          totalCount: () => countEmployees(ctx.db, programme.id, filter),
        };
      },
    },
    withTotalCount,
  ),
}));

const PEOPLE_COUNT =
  'People counted. For partner API tokens, null when 1 to 4 (suppressed, as published statistics are); never null for staff.';
const PEOPLE_FTE = 'Their FTE. For partner API tokens, null when the count of people is suppressed (1 to 4).';

/** A count of people as this caller may see it: partners get 1 to 4 suppressed (null). */
const peopleCount = (ctx: Context, n: number): number | null =>
  ctx.viewer?.kind === 'partner' ? suppressSmallCount(n) : n;
/** The FTE of the people counted, rounded; suppressed for partners with their count. */
const peopleFte = (ctx: Context, n: number, fte: number): number | null => {
  const rounded = Math.round(fte * 100) / 100;
  return ctx.viewer?.kind === 'partner' ? suppressWithCount(n, rounded) : rounded;
};

/** Aggregates: counts and FTE only, never a person. */
const HeadcountRef = builder.objectRef<ServiceHeadcountRow>('Headcount').implement({
  subGraphs: PARTNER,
  description: 'Posts, vacancies, people and FTE: counts only.',
  fields: (t) => ({
    posts: t.exposeInt('posts'),
    vacantPosts: t.exposeInt('vacant_posts'),
    employees: t.int({
      nullable: true,
      description: PEOPLE_COUNT,
      resolve: (h, _args, ctx) => peopleCount(ctx, h.employees),
    }),
    fte: t.float({
      nullable: true,
      description: PEOPLE_FTE,
      resolve: (h, _args, ctx) => peopleFte(ctx, h.employees, h.fte),
    }),
  }),
});

const serviceHeadcount = groupLoader(
  (ctx, keys) => headcountByServiceIds(ctx.db, keys),
  (row) => row.service_id,
);

const emptyHeadcount = (serviceId: string): ServiceHeadcountRow => ({
  service_id: serviceId,
  posts: 0,
  vacant_posts: 0,
  employees: 0,
  fte: 0,
});

builder.objectField(ServiceRef, 'headcount', (t) =>
  t.field({
    type: HeadcountRef,
    resolve: async (s, _args, ctx) => (await serviceHeadcount(ctx).load(s.id))[0] ?? emptyHeadcount(s.id),
  }),
);

const ServiceHeadcountRef = builder.objectRef<ServiceHeadcountRow>('ServiceHeadcount').implement({
  subGraphs: PARTNER,
  fields: (t) => ({
    service: t.field({ type: ServiceRef, resolve: (h) => h.service_id }),
    headcount: t.field({ type: HeadcountRef, resolve: (h) => h }),
  }),
});

const TupeHeadcountRef = builder
  .objectRef<{ tupe_status: (typeof TUPE_STATUSES)[number]; employees: number; fte: number }>('TupeHeadcount')
  .implement({
    subGraphs: PARTNER,
    fields: (t) => ({
      tupeStatus: t.field({ type: TupeStatusEnum, resolve: (h) => h.tupe_status }),
      employees: t.int({
        nullable: true,
        description: PEOPLE_COUNT,
        resolve: (h, _args, ctx) => peopleCount(ctx, h.employees),
      }),
      fte: t.float({
        nullable: true,
        description: PEOPLE_FTE,
        resolve: (h, _args, ctx) => peopleFte(ctx, h.employees, h.fte),
      }),
    }),
  });

builder.objectFields(ProgrammeRef, (t) => ({
  headcountByService: t.field({
    type: [ServiceHeadcountRef],
    description: 'Posts and people per service, in catalogue order by name.',
    resolve: async (programme, _args, ctx) => {
      const services = await ctx.db
        .selectFrom('service')
        .select('id')
        .where('programme_id', '=', programme.id)
        .orderBy('name')
        .execute();
      const rows = await serviceHeadcount(ctx).loadMany(services.map((s) => s.id));
      return services.map((s, i) => {
        const found = rows[i];
        return (Array.isArray(found) ? found[0] : undefined) ?? emptyHeadcount(s.id);
      });
    },
  }),
  headcountByTupeStatus: t.field({
    type: [TupeHeadcountRef],
    description: 'People and FTE by TUPE status; every status is listed, with zero where none.',
    resolve: async (programme, _args, ctx) => {
      const rows = await headcountByTupeStatus(ctx.db, programme.id);
      return TUPE_STATUSES.map(
        (status) =>
          rows.find((r) => r.tupe_status === status) ?? { tupe_status: status, employees: 0, fte: 0 },
      );
    },
  }),
}));

// ---- Counts by team and by contract type: every staff role, not partners ----

const TeamHeadcountRef = builder.objectRef<TeamHeadcountRow>('TeamHeadcount').implement({
  description: 'Posts, vacancies, people and FTE in a team: counts only.',
  fields: (t) => ({
    team: t.field({ type: TeamRef, resolve: (h) => h.team_id }),
    posts: t.exposeInt('posts'),
    vacantPosts: t.exposeInt('vacant_posts'),
    employees: t.exposeInt('employees'),
    fte: t.float({ resolve: (h) => Math.round(h.fte * 100) / 100 }),
  }),
});

const ContractTypeHeadcountRef = builder
  .objectRef<ContractTypeHeadcountRow>('ContractTypeHeadcount')
  .implement({
    description: 'People and FTE on a contract type: counts only.',
    fields: (t) => ({
      contractType: t.field({ type: ContractTypeEnum, resolve: (h) => h.contract_type }),
      employees: t.exposeInt('employees'),
      fte: t.float({ resolve: (h) => Math.round(h.fte * 100) / 100 }),
    }),
  });

builder.objectFields(ProgrammeRef, (t) => ({
  headcountByTeam: t.field({
    type: [TeamHeadcountRef],
    description: 'Posts and people per team (teams with posts), by team name: counts only.',
    resolve: (programme, _args, ctx) => headcountByTeam(ctx.db, programme.id),
  }),
  headcountByContractType: t.field({
    type: [ContractTypeHeadcountRef],
    description: 'People and FTE by contract type; every type is listed, with zero where none.',
    resolve: async (programme, _args, ctx) => {
      const rows = await headcountByContractType(ctx.db, programme.id);
      return CONTRACT_TYPES.map(
        (type) => rows.find((r) => r.contract_type === type) ?? { contract_type: type, employees: 0, fte: 0 },
      );
    },
  }),
}));
