import { csvResponse, toCsv } from '$lib/server/csv';
import { heatMapTable } from '$lib/server/heatmap-csv';
import { openRisks, raidFilter } from '../query.server';
import type { RequestHandler } from './$types';

/** The heat map of /raid as CSV, with the same filters: open risks counted by likelihood and impact. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { today, riskBands, risks } = await openRisks(locals.token, raidFilter(url));
  const table = heatMapTable('raid-heat-map', risks, riskBands);
  return csvResponse(toCsv(table.rows, table.columns), table.name, today);
};
