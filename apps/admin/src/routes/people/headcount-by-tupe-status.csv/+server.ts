import { csvResponse, toCsv } from '$lib/server/csv';
import type { RequestHandler } from './$types';
import { tupeLabel } from '../people';
import { loadHeadcount } from '../people.server';

/** The "Headcount by TUPE status" table of /people, with its total row: counts only. */
export const GET: RequestHandler = async ({ locals }) => {
  const h = await loadHeadcount(locals.token);
  const rows = [
    ...h.byTupe.map((t) => ({ label: tupeLabel(t.tupeStatus), ...t })),
    { label: 'Total', ...h.tupeTotal },
  ];
  const csv = toCsv(rows, [
    { header: 'TUPE status', value: (r) => r.label },
    { header: 'People', value: (r) => r.employees },
    { header: 'FTE', value: (r) => r.fte },
  ]);
  return csvResponse(csv, 'headcount-by-tupe-status', h.today);
};
