import { csvResponse, toCsv } from '$lib/server/csv';
import { roleLabel } from '$lib/format';
import { allPages } from '$lib/server/list';
import type { RequestHandler } from './$types';
import { requireAdmin, usersPage } from '../users.server';

/** Exactly the users table, all pages: ADMIN only. No passwords exist to export. */
export const GET: RequestHandler = async ({ locals }) => {
  requireAdmin(locals.viewer);
  const rows = await allPages((after) => usersPage(locals.token, { first: 200, after }));
  const csv = toCsv(rows, [
    { header: 'Name', value: (r) => r.name },
    { header: 'Email address', value: (r) => r.email },
    { header: 'Role', value: (r) => roleLabel(r.role) },
    { header: 'Leads', value: (r) => r.workstreams.map((w) => w.name).join('; ') },
    { header: 'Status', value: (r) => (r.active ? 'Active' : 'Deactivated') },
    { header: 'Created (UTC)', value: (r) => r.createdAt },
    { header: 'Last signed in (UTC)', value: (r) => r.lastSignInAt ?? '' },
  ]);
  return csvResponse(csv, 'users', new Date().toISOString().slice(0, 10));
};
