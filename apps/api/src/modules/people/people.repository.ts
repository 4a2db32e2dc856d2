import {
  EMPLOYEE_COLUMNS,
  POST_COLUMNS,
  qualified,
  type Database,
  type Employee,
  type Post,
} from '@handover/db';
import type { AssignmentDecision, ContractType, TupeStatus } from '@handover/domain';
import { onlyUuids } from '../common/ids.ts';
import type { Kysely, SelectQueryBuilder } from 'kysely';

export interface PostFilter {
  teamIds?: readonly string[] | null;
  serviceIds?: readonly string[] | null;
  vacant?: boolean | null;
  search?: string | null;
}

function postsFiltered(
  db: Kysely<Database>,
  programmeId: string,
  filter: PostFilter,
): SelectQueryBuilder<Database, 'post', object> {
  let q = db.selectFrom('post').where('post.programme_id', '=', programmeId);
  if (filter.teamIds?.length) q = q.where('post.team_id', 'in', filter.teamIds);
  if (filter.serviceIds?.length) {
    const ids = filter.serviceIds;
    q = q.where('post.team_id', 'in', (eb) =>
      eb.selectFrom('team').select('id').where('service_id', 'in', ids),
    );
  }
  if (typeof filter.vacant === 'boolean') q = q.where('post.vacant', '=', filter.vacant);
  const search = filter.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('post.title', 'ilike', like), eb('post.post_number', 'ilike', like)]));
  }
  return q;
}

export async function listPosts(
  db: Kysely<Database>,
  programmeId: string,
  filter: PostFilter,
  page: { limit: number; offset: number },
): Promise<Post[]> {
  return postsFiltered(db, programmeId, filter)
    .select(qualified('post', POST_COLUMNS))
    .orderBy('post.post_number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countPosts(
  db: Kysely<Database>,
  programmeId: string,
  filter: PostFilter,
): Promise<number> {
  const row = await postsFiltered(db, programmeId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function postsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Post[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('post').select(POST_COLUMNS).where('id', 'in', valid).execute();
}

export interface EmployeeFilter {
  tupeStatuses?: readonly TupeStatus[] | null;
  assignmentDecisions?: readonly AssignmentDecision[] | null;
  contractTypes?: readonly ContractType[] | null;
  teamIds?: readonly string[] | null;
  serviceIds?: readonly string[] | null;
  payrollNumber?: string | null;
  /** True: no decision yet (with assignmentDecisions: those, or none yet); false: a decision made. */
  awaitingDecision?: boolean | null;
  /** True: an objection on record and not withdrawn; false: none standing. */
  objected?: boolean | null;
}

function employeesFiltered(
  db: Kysely<Database>,
  programmeId: string,
  filter: EmployeeFilter,
): SelectQueryBuilder<Database, 'employee', object> {
  let q = db.selectFrom('employee').where('employee.programme_id', '=', programmeId);
  if (filter.tupeStatuses?.length) q = q.where('tupe_status', 'in', filter.tupeStatuses);
  const decisions = filter.assignmentDecisions?.length ? filter.assignmentDecisions : null;
  if (filter.awaitingDecision === true) {
    q = q.where((eb) =>
      decisions
        ? eb.or([eb('assignment_decision', 'in', decisions), eb('assignment_decision', 'is', null)])
        : eb('assignment_decision', 'is', null),
    );
  } else {
    if (decisions) q = q.where('assignment_decision', 'in', decisions);
    if (filter.awaitingDecision === false) q = q.where('assignment_decision', 'is not', null);
  }
  if (filter.objected === true)
    q = q.where('objection_received_on', 'is not', null).where('objection_withdrawn_on', 'is', null);
  if (filter.objected === false)
    q = q.where((eb) =>
      eb.or([eb('objection_received_on', 'is', null), eb('objection_withdrawn_on', 'is not', null)]),
    );
  if (filter.contractTypes?.length) q = q.where('contract_type', 'in', filter.contractTypes);
  if (filter.teamIds?.length) {
    const ids = filter.teamIds;
    q = q.where('post_id', 'in', (eb) => eb.selectFrom('post').select('id').where('team_id', 'in', ids));
  }
  if (filter.serviceIds?.length) {
    const ids = filter.serviceIds;
    q = q.where('post_id', 'in', (eb) =>
      eb
        .selectFrom('post')
        .innerJoin('team', 'team.id', 'post.team_id')
        .select('post.id')
        .where('team.service_id', 'in', ids),
    );
  }
  if (filter.payrollNumber?.trim()) q = q.where('payroll_number', '=', filter.payrollNumber.trim());
  return q;
}

/** A person's record, every column: for HR's paths only (the schema lets no other role reach them). */
export async function listEmployees(
  db: Kysely<Database>,
  programmeId: string,
  filter: EmployeeFilter,
  page: { limit: number; offset: number },
): Promise<Employee[]> {
  return employeesFiltered(db, programmeId, filter)
    .select(EMPLOYEE_COLUMNS)
    .orderBy('payroll_number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countEmployees(
  db: Kysely<Database>,
  programmeId: string,
  filter: EmployeeFilter,
): Promise<number> {
  const row = await employeesFiltered(db, programmeId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function employeesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Employee[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('employee').select(EMPLOYEE_COLUMNS).where('id', 'in', valid).execute();
}

export async function employeesByPostIds(
  db: Kysely<Database>,
  postIds: readonly string[],
): Promise<Employee[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('employee')
    .select(EMPLOYEE_COLUMNS)
    .where('post_id', 'in', postIds)
    .orderBy('payroll_number')
    .execute();
}

export interface ServiceHeadcountRow {
  service_id: string;
  posts: number;
  vacant_posts: number;
  employees: number;
  fte: number;
}

/** Posts, vacancies, people and FTE per service, in one query for many services. */
export async function headcountByServiceIds(
  db: Kysely<Database>,
  serviceIds: readonly string[],
): Promise<ServiceHeadcountRow[]> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('team')
    .innerJoin('post', 'post.team_id', 'team.id')
    .leftJoin('employee', 'employee.post_id', 'post.id')
    .select((eb) => [
      'team.service_id',
      eb.fn.count<number>('post.id').distinct().as('posts'),
      eb.fn
        .count<number>(eb.case().when('post.vacant', '=', true).then(eb.ref('post.id')).end())
        .distinct()
        .as('vacant_posts'),
      eb.fn.count<number>('employee.id').as('employees'),
      eb.fn.coalesce(eb.fn.sum<number>('employee.fte'), eb.lit(0)).as('fte'),
    ])
    .where('team.service_id', 'in', serviceIds)
    .groupBy('team.service_id')
    .execute();
}

export interface TupeHeadcountRow {
  tupe_status: TupeStatus;
  employees: number;
  fte: number;
}

export async function headcountByTupeStatus(
  db: Kysely<Database>,
  programmeId: string,
): Promise<TupeHeadcountRow[]> {
  return db
    .selectFrom('employee')
    .select((eb) => [
      'tupe_status',
      eb.fn.countAll<number>().as('employees'),
      eb.fn.coalesce(eb.fn.sum<number>('fte'), eb.lit(0)).as('fte'),
    ])
    .where('programme_id', '=', programmeId)
    .groupBy('tupe_status')
    .execute();
}

export interface TeamHeadcountRow {
  team_id: string;
  posts: number;
  vacant_posts: number;
  employees: number;
  fte: number;
}

/**
 * Posts, vacancies, people and FTE per team of a programme (teams with posts), by team name: counts for every
 * staff role. Selects no personal column (only who is in which post, and FTE, summed).
 */
export async function headcountByTeam(
  db: Kysely<Database>,
  programmeId: string,
): Promise<TeamHeadcountRow[]> {
  return db
    .selectFrom('post')
    .innerJoin('team', 'team.id', 'post.team_id')
    .leftJoin('employee', 'employee.post_id', 'post.id')
    .select((eb) => [
      'post.team_id',
      eb.fn.count<number>('post.id').distinct().as('posts'),
      eb.fn
        .count<number>(eb.case().when('post.vacant', '=', true).then(eb.ref('post.id')).end())
        .distinct()
        .as('vacant_posts'),
      eb.fn.count<number>('employee.id').as('employees'),
      eb.fn.coalesce(eb.fn.sum<number>('employee.fte'), eb.lit(0)).as('fte'),
    ])
    .where('post.programme_id', '=', programmeId)
    .groupBy(['post.team_id', 'team.name'])
    .orderBy('team.name')
    .orderBy('post.team_id')
    .execute();
}

export interface ContractTypeHeadcountRow {
  contract_type: ContractType;
  employees: number;
  fte: number;
}

/** People and FTE by contract type: counts for every staff role; selects no personal column. */
export async function headcountByContractType(
  db: Kysely<Database>,
  programmeId: string,
): Promise<ContractTypeHeadcountRow[]> {
  return db
    .selectFrom('employee')
    .select((eb) => [
      'contract_type',
      eb.fn.countAll<number>().as('employees'),
      eb.fn.coalesce(eb.fn.sum<number>('fte'), eb.lit(0)).as('fte'),
    ])
    .where('programme_id', '=', programmeId)
    .groupBy('contract_type')
    .execute();
}
