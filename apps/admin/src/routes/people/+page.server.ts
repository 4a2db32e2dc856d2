import type { PageServerLoad } from './$types';
import { loadHeadcount } from './people.server';

/** Counts and FTE only: every role sees this page, and no person is asked for. */
export const load: PageServerLoad = async ({ locals }) => ({
  ...(await loadHeadcount(locals.token)),
  isHr: locals.viewer?.role === 'HR',
});
