import { error } from '@sveltejs/kit';
import { tableCsvResponse } from '$lib/server/csv';
import { dashboardTables, loadDashboard } from '$lib/server/dashboard';
import type { RequestHandler } from './$types';

/** One table of the dashboard as CSV: /dashboard/overdue.csv, /dashboard/risk-heat-map.csv, ... */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { today, programme } = await loadDashboard(locals.token);
  const response = tableCsvResponse(dashboardTables(programme), params.table, today);
  if (!response) error(404, `The dashboard has no table called "${params.table}"`);
  return response;
};
