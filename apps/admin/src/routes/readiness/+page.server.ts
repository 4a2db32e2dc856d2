import type { PageServerLoad } from './$types';
import { loadMatrix } from './query';

export const load: PageServerLoad = async ({ locals }) => {
  const m = await loadMatrix(locals.token);
  return {
    today: m.today,
    rule: m.rule,
    programme: m.programme,
    workstreams: m.workstreams,
    rows: m.rows.map((service) => ({
      service,
      cells: m.workstreams.map((w) => m.cell(service?.id ?? null, w.id)?.readiness ?? null),
    })),
  };
};
