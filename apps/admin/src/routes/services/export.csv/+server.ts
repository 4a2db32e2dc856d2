import { humanise } from '$lib/format';
import { csvResponse, toCsv, type CsvColumn } from '$lib/server/csv';
import { fetchAllServices, readinessPercent, serviceFilters, type ServiceRow } from '../services.server';
import type { RequestHandler } from './$types';

/** The columns of the services table, and the figures behind it; dates as YYYY-MM-DD for spreadsheets. */
const COLUMNS: CsvColumn<ServiceRow>[] = [
  { header: 'Name', value: (s) => s.name },
  { header: 'Disposition', value: (s) => humanise(s.disposition) },
  { header: 'Transfer status', value: (s) => humanise(s.transferStatus) },
  { header: 'Shadow date', value: (s) => s.shadowDate },
  { header: 'Go-live date', value: (s) => s.goLiveDate },
  { header: 'Posts', value: (s) => s.headcount.posts },
  { header: 'Vacant posts', value: (s) => s.headcount.vacantPosts },
  { header: 'People', value: (s) => s.headcount.employees },
  { header: 'FTE', value: (s) => s.headcount.fte },
  { header: 'Readiness %', value: (s) => readinessPercent(s) },
];

export const GET: RequestHandler = async ({ locals, url }) => {
  const { today, rows } = await fetchAllServices(locals.token, serviceFilters(url));
  return csvResponse(toCsv(rows, COLUMNS), 'services', today);
};
