import { csvResponse, toCsv } from '$lib/server/csv';
import type { RequestHandler } from './$types';
import { loadMatrix } from '../query';

/** Every cell of the matrix, one row each. */
export const GET: RequestHandler = async ({ locals }) => {
  const m = await loadMatrix(locals.token);
  const csv = toCsv(m.cells, [
    { header: 'Service', value: (c) => c.service?.name ?? 'No service' },
    { header: 'Workstream', value: (c) => c.workstream.name },
    {
      header: 'Weighted readiness (%)',
      value: (c) => String(Math.round(c.readiness.weightedShareComplete * 100)),
    },
    { header: 'RAG', value: (c) => c.readiness.rag },
    { header: 'Items', value: (c) => String(c.readiness.total) },
    { header: 'Applicable', value: (c) => String(c.readiness.applicable) },
    { header: 'Complete', value: (c) => String(c.readiness.complete) },
    { header: 'Day-one critical', value: (c) => String(c.readiness.dayOneCritical) },
    { header: 'Day-one critical open', value: (c) => String(c.readiness.dayOneCriticalOpen) },
  ]);
  return csvResponse(csv, 'readiness-matrix', m.today);
};
