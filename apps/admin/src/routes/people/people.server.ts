/**
 * The People pages' queries and filters, shared by each page and its CSV export.
 * Aggregates (headcount) are for every role; employees and posts are for HR alone:
 * the API refuses their personal fields to anyone else, and `hrOnly` turns that refusal into a 403.
 */
import { error } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { allPages, many, text, yesNo } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { ASSIGNMENT_DECISIONS, CONTRACT_TYPES, TUPE_STATUSES, sumFte } from './people';

export const HR_ONLY = 'Only HR can see staff records';

/**
 * Staff records hold personal data, and the API is what guards them: anyone but HR asking for a
 * personal field is refused there, field by field, and the attempt goes on the audit trail. Here
 * that refusal becomes a 403 page, so the admin app holds no rule of its own that could differ.
 */
export async function hrOnly<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (e) {
    if (e instanceof ApiError && e.codes.includes('FORBIDDEN')) error(403, HR_ONLY);
    throw e;
  }
}

/**
 * `value` when it is a Relay global ID of `typename` (base64 of "Type:uuid"), else undefined:
 * the API answers anything else with an error for the whole query.
 */
export function globalId(value: string | null | undefined, typename: string): string | undefined {
  if (!value || value.length > 200) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const ok =
    new RegExp(`^${typename}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, 'i').test(
      decoded,
    ) && Buffer.from(decoded, 'utf8').toString('base64') === value;
  return ok ? value : undefined;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { node: T }[];
}
interface Programmes<T> {
  today: string;
  programmes: { edges: { node: T }[] };
}
export interface ServiceOption {
  id: string;
  name: string;
  teams?: { id: string; name: string }[];
}
type WithServices = { services: { edges: { node: ServiceOption }[] } };

export const serviceOptions = (p: WithServices): ServiceOption[] =>
  p.services.edges.map((e) => ({ id: e.node.id, name: e.node.name }));

/** Every team, named with its service ("Front door (MASH): Children's social care"), by name. */
export const teamOptions = (p: WithServices): { value: string; label: string }[] =>
  p.services.edges
    .flatMap((e) => (e.node.teams ?? []).map((t) => ({ value: t.id, label: `${t.name} (${e.node.name})` })))
    .sort((a, b) => a.label.localeCompare(b.label));

/** The services and their teams, for the filters. */
export const SERVICES_AND_TEAMS = 'services(first: 200) { edges { node { id name teams { id name } } } }';

/**
 * Every row of a connection with these variables, all pages, 200 at a time (for CSV exports).
 * `pick` finds the connection in the programme.
 */
export async function fetchAll<P, T>(
  query: string,
  token: string | null,
  variables: Record<string, unknown>,
  pick: (programme: P) => Connection<T>,
): Promise<{ today: string; rows: T[] }> {
  let today = '';
  const rows = await allPages(async (after) => {
    const data = await gql<Programmes<P>>(query, { token, variables: { ...variables, first: 200, after } });
    today = data.today;
    return pick(firstProgramme(data));
  });
  return { today, rows };
}

// ---- Headcount: counts and FTE only, for every role ----

export interface TupeHeadcount {
  tupeStatus: string;
  employees: number;
  fte: number;
}
export interface ServiceHeadcount {
  service: { id: string; name: string };
  headcount: { posts: number; vacantPosts: number; employees: number; fte: number };
}
export interface TeamHeadcount {
  team: { id: string; name: string; service: { name: string } };
  posts: number;
  vacantPosts: number;
  employees: number;
  fte: number;
}
export interface ContractTypeHeadcount {
  contractType: string;
  employees: number;
  fte: number;
}
interface HeadcountProgramme {
  headcountByTupeStatus: TupeHeadcount[];
  headcountByService: ServiceHeadcount[];
  headcountByTeam: TeamHeadcount[];
  headcountByContractType: ContractTypeHeadcount[];
}

const HEADCOUNT_QUERY = programmeQuery(`
  headcountByTupeStatus { tupeStatus employees fte }
  headcountByService { service { id name } headcount { posts vacantPosts employees fte } }
  headcountByTeam { team { id name service { name } } posts vacantPosts employees fte }
  headcountByContractType { contractType employees fte }
`);

export async function loadHeadcount(token: string | null) {
  const data = await gql<Programmes<HeadcountProgramme>>(HEADCOUNT_QUERY, { token });
  const p = firstProgramme(data);
  const byTupe = p.headcountByTupeStatus;
  const byService = p.headcountByService;
  return {
    today: data.today,
    byTupe,
    tupeTotal: {
      employees: byTupe.reduce((n, h) => n + h.employees, 0),
      fte: sumFte(byTupe.map((h) => h.fte)),
    },
    byService,
    byTeam: p.headcountByTeam,
    byContractType: p.headcountByContractType,
    serviceTotal: {
      posts: byService.reduce((n, s) => n + s.headcount.posts, 0),
      vacantPosts: byService.reduce((n, s) => n + s.headcount.vacantPosts, 0),
      employees: byService.reduce((n, s) => n + s.headcount.employees, 0),
      fte: sumFte(byService.map((s) => s.headcount.fte)),
    },
  };
}

// ---- Employees: HR only ----

export interface EmployeeRow {
  id: string;
  payrollNumber: string;
  firstName: string | null;
  lastName: string | null;
  fte: number;
  contractType: string;
  tupeStatus: string;
  assignmentDecision: string | null;
  post: { title: string; team: { name: string } } | null;
}
export interface EmployeesProgramme extends WithServices {
  employees: Connection<EmployeeRow>;
}

export const EMPLOYEES_QUERY = programmeQuery(
  `${SERVICES_AND_TEAMS}
   employees(first: $first, after: $after, filter: $filter) {
     totalCount
     pageInfo { endCursor hasNextPage }
     edges { node {
       id payrollNumber firstName lastName fte contractType tupeStatus assignmentDecision
       post { title team { name } }
     } }
   }`,
  '$first: Int, $after: String, $filter: EmployeeFilter',
);

/** The decision filter's values: the decisions, and NONE for "awaiting a decision". */
export const DECISION_FILTER_VALUES = [...ASSIGNMENT_DECISIONS, 'NONE'] as const;

export function employeeFilters(url: URL) {
  const tupeStatuses = many(url, 'tupeStatus', TUPE_STATUSES);
  const decisionValues = many(url, 'decision', DECISION_FILTER_VALUES);
  const decisions = decisionValues.filter((d) => d !== 'NONE');
  const awaiting = decisionValues.includes('NONE');
  const contractTypes = many(url, 'contractType', CONTRACT_TYPES);
  const service = globalId(url.searchParams.get('service'), 'Service') ?? '';
  const team = globalId(url.searchParams.get('team'), 'Team') ?? '';
  const objected = yesNo(url, 'objected');
  return {
    tupeStatuses,
    decisions: decisionValues,
    contractTypes,
    service,
    team,
    objected: objected === undefined ? '' : objected ? 'yes' : 'no',
    /** The GraphQL EmployeeFilter. */
    graphql: {
      ...(tupeStatuses.length ? { tupeStatuses } : {}),
      ...(decisions.length ? { assignmentDecisions: decisions } : {}),
      ...(awaiting ? { awaitingDecision: true } : {}),
      ...(contractTypes.length ? { contractTypes } : {}),
      ...(service ? { serviceIds: [service] } : {}),
      ...(team ? { teamIds: [team] } : {}),
      ...(objected !== undefined ? { objected } : {}),
    },
  };
}

// ---- Posts: HR only (the holders are named) ----

export interface PostRow {
  id: string;
  postNumber: string;
  title: string;
  grade: string;
  fte: number;
  costCentre: string;
  vacant: boolean;
  team: { name: string };
  holders: { id: string; firstName: string | null; lastName: string | null }[];
}
export interface PostsProgramme extends WithServices {
  posts: Connection<PostRow>;
}

export const POSTS_QUERY = programmeQuery(
  `${SERVICES_AND_TEAMS}
   posts(first: $first, after: $after, filter: $filter) {
     totalCount
     pageInfo { endCursor hasNextPage }
     edges { node {
       id postNumber title grade fte costCentre vacant team { name }
       holders { id firstName lastName }
     } }
   }`,
  '$first: Int, $after: String, $filter: PostFilter',
);

export function postFilters(url: URL) {
  const vacant = yesNo(url, 'vacant');
  const service = globalId(url.searchParams.get('service'), 'Service') ?? '';
  const team = globalId(url.searchParams.get('team'), 'Team') ?? '';
  const search = text(url, 'search', 100) ?? '';
  return {
    vacant: vacant === undefined ? '' : vacant ? 'yes' : 'no',
    service,
    team,
    search,
    /** The GraphQL PostFilter. */
    graphql: {
      ...(vacant !== undefined ? { vacant } : {}),
      ...(service ? { serviceIds: [service] } : {}),
      ...(team ? { teamIds: [team] } : {}),
      ...(search ? { search } : {}),
    },
  };
}
