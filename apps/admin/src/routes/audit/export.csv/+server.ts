import { csvResponse, toCsv } from '$lib/server/csv';
import { allPages } from '$lib/server/list';
import type { RequestHandler } from './$types';
import { kindLabel } from '../audit';
import { auditFilters, auditPage, requireAdmin } from '../audit.server';

/** Exactly the audit table, with the filters of the URL, all pages: ADMIN only. */
export const GET: RequestHandler = async ({ locals, url }) => {
  requireAdmin(locals.viewer);
  const filters = auditFilters(url);
  const rows = await allPages((after) =>
    auditPage(locals.token, { first: 200, after, filter: filters.graphql }),
  );
  const csv = toCsv(rows, [
    { header: 'Time (UTC)', value: (r) => r.occurredAt },
    { header: 'Event', value: (r) => kindLabel(r.kind) },
    { header: 'Kind', value: (r) => r.kind },
    { header: 'Actor email', value: (r) => r.actorEmail },
    { header: 'Actor role', value: (r) => r.actorRole },
    { header: 'API token', value: (r) => r.apiTokenId },
    { header: 'Operation', value: (r) => r.operation },
    { header: 'Document', value: (r) => r.documentId },
    { header: 'Entity type', value: (r) => r.entityType },
    { header: 'Entity id', value: (r) => r.entityId },
    { header: 'Fields', value: (r) => r.fields.join(' ') },
    { header: 'Version before', value: (r) => r.versionBefore },
    { header: 'Version after', value: (r) => r.versionAfter },
    { header: 'Reason', value: (r) => r.reason },
    { header: 'Request id', value: (r) => r.requestId },
  ]);
  return csvResponse(csv, 'audit-trail', new Date().toISOString().slice(0, 10));
};
