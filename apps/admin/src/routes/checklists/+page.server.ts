import { gql } from '$lib/server/api';
import { exportHref, pageRequest, pagination } from '$lib/server/list';
import { firstProgramme } from '$lib/server/programme';
import type { PageServerLoad } from './$types';
import { LIST_QUERY, filtersFrom, type ListResult } from './query';

export const load: PageServerLoad = async ({ locals, url }) => {
  const filters = filtersFrom(url, locals.viewer!.id);
  const page = pageRequest(url);
  const data = await gql<ListResult>(LIST_QUERY, {
    token: locals.token,
    variables: { filter: filters.graphql(), sort: filters.sort, first: page.first, after: page.after },
  });
  const programme = firstProgramme(data);
  return {
    items: programme.checklistItems.edges.map((e) => e.node),
    workstreams: programme.workstreams,
    services: programme.services.edges.map((e) => e.node),
    filters: {
      statuses: filters.statuses,
      ownerOrgs: filters.ownerOrgs,
      overdue: filters.overdue,
      open: filters.open,
      dayOneCritical: filters.dayOneCritical,
      owner: filters.owner,
      workstream: filters.workstream ?? '',
      service: filters.service ?? '',
      search: filters.search ?? '',
      sort: filters.sort,
    },
    pagination: pagination(url, page.page, programme.checklistItems.totalCount),
    exportHref: exportHref(url, '/checklists/export.csv'),
  };
};
