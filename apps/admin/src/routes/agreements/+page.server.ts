import { loadAgreements } from './agreements.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => loadAgreements(locals.token);
