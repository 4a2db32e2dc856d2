import { pageRequest, pagination } from '$lib/server/list';
import { fetchTokens, requireAdmin } from './partners.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAdmin(locals.viewer);
  const req = pageRequest(url);
  const data = await fetchTokens(locals.token, req.first, req.after);
  return {
    tokens: data.apiTokens.edges.map((e) => e.node),
    pagination: pagination(url, req.page, data.apiTokens.totalCount),
    revoked: url.searchParams.get('revoked'),
  };
};
