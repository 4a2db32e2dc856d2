import { error } from '@sveltejs/kit';
import { csvResponse, toCsv } from '$lib/server/csv';
import type { RequestHandler } from './$types';
import { globalId } from '../../../people.server';
import { loadImport, type ImportError } from '../../import.server';

/** The whole error report kept with the import (the first 5,000 errors), as on screen. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const id = globalId(params.id, 'HrImport');
  if (!id) error(404, 'There is no such import');
  const first = await loadImport(locals.token, id, 1000, 0);
  if (!first) error(404, 'There is no such import');
  const errors: ImportError[] = [...first.errors];
  while (errors.length < Math.min(first.errorCount, 5000)) {
    const next = await loadImport(locals.token, id, 1000, errors.length);
    if (!next || next.errors.length === 0) break;
    errors.push(...next.errors);
  }
  const csv = toCsv(errors, [
    { header: 'Row', value: (e) => e.row },
    { header: 'Column', value: (e) => e.column },
    { header: 'Value', value: (e) => e.value },
    { header: 'Problem', value: (e) => e.message },
  ]);
  return csvResponse(
    csv,
    `hr-import-errors-${first.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}`,
    first.createdAt.slice(0, 10),
  );
};
