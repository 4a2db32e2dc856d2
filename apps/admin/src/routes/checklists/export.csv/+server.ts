import { gql } from '$lib/server/api';
import { csvResponse, toCsv } from '$lib/server/csv';
import { firstProgramme } from '$lib/server/programme';
import { formatDate, humanise } from '$lib/format';
import type { RequestHandler } from './$types';
import { LIST_QUERY, filtersFrom, type ChecklistRow, type ListResult } from '../query';

/** Every item the list shows with these filters, in the same order: all pages. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const filters = filtersFrom(url, locals.viewer!.id);
  const rows: ChecklistRow[] = [];
  let after: string | null = null;
  let today: string | undefined;
  for (;;) {
    const data: ListResult = await gql<ListResult>(LIST_QUERY, {
      token: locals.token,
      variables: { filter: filters.graphql(), sort: filters.sort, first: 200, after },
    });
    today = data.today;
    const { checklistItems } = firstProgramme(data);
    rows.push(...checklistItems.edges.map((e) => e.node));
    if (!checklistItems.pageInfo.hasNextPage) break;
    after = checklistItems.pageInfo.endCursor;
  }
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
