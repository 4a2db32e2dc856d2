import { csvResponse, toCsv } from '$lib/server/csv';
import type { RequestHandler } from './$types';
import { loadImportPage } from '../import.server';

/** The import's template: the canonical headers and one example row, from the API's column layout. */
export const GET: RequestHandler = async ({ locals }) => {
  const { columns, today } = await loadImportPage(locals.token);
  const csv = toCsv(
    [null],
    columns.map((c) => ({ header: c.header, value: () => c.example })),
  );
  return csvResponse(csv, 'hr-import-template', today);
};
