import { loadService } from './service.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => loadService(locals.token, params.id);
