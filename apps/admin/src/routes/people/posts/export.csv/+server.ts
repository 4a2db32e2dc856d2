import { csvResponse, toCsv } from '$lib/server/csv';
import type { RequestHandler } from './$types';
import { fullName } from '../../people';
import { POSTS_QUERY, fetchAll, hrOnly, postFilters, type PostsProgramme } from '../../people.server';

/** Exactly the posts table, with the filters of the URL, all pages: HR only (it names holders). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const filters = postFilters(url);
  const { today, rows } = await hrOnly(
    fetchAll(POSTS_QUERY, locals.token, { filter: filters.graphql }, (p: PostsProgramme) => p.posts),
  );
  const csv = toCsv(rows, [
    { header: 'Post number', value: (r) => r.postNumber },
    { header: 'Title', value: (r) => r.title },
    { header: 'Grade', value: (r) => r.grade },
    { header: 'FTE', value: (r) => r.fte },
    { header: 'Cost centre', value: (r) => r.costCentre },
    { header: 'Team', value: (r) => r.team.name },
    { header: 'Status', value: (r) => (r.vacant ? 'Vacant' : 'Filled') },
    { header: 'Held by', value: (r) => r.holders.map(fullName).join('; ') },
  ]);
  return csvResponse(csv, 'posts', today);
};
