import { exportHref, pageRequest, pagination } from '$lib/server/list';
import type { PageServerLoad } from './$types';
import { formatInstant, requireAdmin, usersPage } from './users.server';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAdmin(locals.viewer);
  const page = pageRequest(url);
  const users = await usersPage(locals.token, { first: page.first, after: page.after });
  return {
    users: users.edges.map(({ node: u }) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      active: u.active,
      workstreams: u.workstreams.map((w) => w.name).join(', '),
      created: formatInstant(u.createdAt),
      lastSignIn: formatInstant(u.lastSignInAt),
    })),
    pagination: pagination(url, page.page, users.totalCount),
    exportHref: exportHref(url, '/users/export.csv'),
  };
};
