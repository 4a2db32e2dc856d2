import { error } from '@sveltejs/kit';
import { tableCsvResponse } from '$lib/server/csv';
import { loadService, serviceTables } from '../service.server';
import type { RequestHandler } from './$types';

/** One table of a service's page as CSV: /services/<id>/checklist-items.csv or milestones.csv. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { today, service } = await loadService(locals.token, params.id);
  const response = tableCsvResponse(serviceTables(service), params.table, today);
  if (!response) error(404, `A service page has no table called "${params.table}"`);
  return response;
};
