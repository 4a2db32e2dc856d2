import { gql } from '$lib/server/api';
import { exportHref, pageRequest, pagination } from '$lib/server/list';
import { firstProgramme } from '$lib/server/programme';
import type { PageServerLoad } from './$types';
import {
  EMPLOYEES_QUERY,
  hrOnly,
  employeeFilters,
  serviceOptions,
  teamOptions,
  type EmployeesProgramme,
} from '../people.server';

export const load: PageServerLoad = async ({ locals, url }) => {
  const filters = employeeFilters(url);
  const page = pageRequest(url);
  const data = await hrOnly(
    gql<{ today: string; programmes: { edges: { node: EmployeesProgramme }[] } }>(EMPLOYEES_QUERY, {
      token: locals.token,
      variables: { first: page.first, after: page.after, filter: filters.graphql },
    }),
  );
  const p = firstProgramme(data);
  return {
    filters: {
      tupeStatuses: filters.tupeStatuses as string[],
      decisions: filters.decisions as string[],
      contractTypes: filters.contractTypes as string[],
      service: filters.service,
      team: filters.team,
      objected: filters.objected,
    },
    filtered: Object.keys(filters.graphql).length > 0,
    services: serviceOptions(p),
    teams: teamOptions(p),
    employees: p.employees.edges.map((e) => e.node),
    pagination: pagination(url, page.page, p.employees.totalCount),
    exportHref: exportHref(url, '/people/employees/export.csv'),
  };
};
