import { csvResponse, toCsv } from '$lib/server/csv';
import type { RequestHandler } from './$types';
import { loadHeadcount } from '../people.server';

/** The "Headcount by service" table of /people, with its total row: counts only. */
export const GET: RequestHandler = async ({ locals }) => {
  const h = await loadHeadcount(locals.token);
  const rows = [
    ...h.byService.map((s) => ({ label: s.service.name, ...s.headcount })),
    { label: 'Total', ...h.serviceTotal },
  ];
  const csv = toCsv(rows, [
    { header: 'Service', value: (r) => r.label },
    { header: 'Posts', value: (r) => r.posts },
    { header: 'Vacant posts', value: (r) => r.vacantPosts },
    { header: 'People', value: (r) => r.employees },
    { header: 'FTE', value: (r) => r.fte },
  ]);
  return csvResponse(csv, 'headcount-by-service', h.today);
};
