import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The plan's first page is its critical path. */
export const load: PageServerLoad = () => redirect(307, '/plan/critical-path');
