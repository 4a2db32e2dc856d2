import { csvResponse, toCsv } from '$lib/server/csv';
import { heatMapTable } from '$lib/server/heatmap-csv';
import { heatMap, raidFilter } from '../query.server';
import type { RequestHandler } from './$types';

/** The heat map of /raid as CSV, with the same filters: open risks and issues counted by likelihood and impact. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { today, map } = await heatMap(locals.token, raidFilter(url));
  const table = heatMapTable('raid-heat-map', map);
  return csvResponse(toCsv(table.rows, table.columns), table.name, today);
};
