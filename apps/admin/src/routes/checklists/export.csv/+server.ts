import { gql } from '$lib/server/api';
import { allPages } from '$lib/server/list';
import { csvResponse, toCsv } from '$lib/server/csv';
import { firstProgramme } from '$lib/server/programme';
import { formatDate, humanise } from '$lib/format';
import type { RequestHandler } from './$types';
import { LIST_QUERY, filtersFrom, type ListResult } from '../query';

/** Every item the list shows with these filters, in the same order: all pages. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const filters = filtersFrom(url, locals.viewer!.id);
  let today: string | undefined;
  const rows = await allPages(async (after) => {
    const data = await gql<ListResult>(LIST_QUERY, {
      token: locals.token,
      variables: { filter: filters.graphql(), sort: filters.sort, first: 200, after },
    });
    today = data.today;
    return firstProgramme(data).checklistItems;
  });
  const csv = toCsv(rows, [
    { header: 'Reference', value: (r) => r.ref },
    { header: 'Title', value: (r) => r.title },
    { header: 'Workstream', value: (r) => r.workstream.name },
    { header: 'Service', value: (r) => r.service?.name ?? '' },
    { header: 'Due date', value: (r) => formatDate(r.dueDate) },
    { header: 'Overdue', value: (r) => (r.overdue ? 'Yes' : 'No') },
    { header: 'Day-one critical', value: (r) => (r.dayOneCritical ? 'Yes' : 'No') },
    { header: 'Status', value: (r) => humanise(r.status) },
    { header: 'Owner organisation', value: (r) => humanise(r.ownerOrg) },
    { header: 'Owner', value: (r) => r.owner?.name ?? '' },
    { header: 'Blocked by', value: (r) => r.blockedBy.map((b) => b.ref).join(' ') },
  ]);
  return csvResponse(csv, 'checklist-items', today ?? '');
};
