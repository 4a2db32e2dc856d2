import { exportHref, pageRequest, pagination } from '$lib/server/list';
import type { PageServerLoad } from './$types';
import { kindLabel } from './audit';
import { actorLabel, auditFilters, auditPage, formatInstant, requireAdmin, versions } from './audit.server';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAdmin(locals.viewer);
  const filters = auditFilters(url);
  const page = pageRequest(url);
  const events = await auditPage(locals.token, {
    first: page.first,
    after: page.after,
    filter: filters.graphql,
  });
  return {
    filters: {
      kinds: filters.kinds as string[],
      actor: filters.actor,
      entityType: filters.entityType,
      entityId: filters.entityId,
      from: filters.from,
      to: filters.to,
    },
    filtered: Object.keys(filters.graphql).length > 0,
    events: events.edges.map(({ node: e }) => ({
      id: e.id,
      when: formatInstant(e.occurredAt),
      kind: e.kind,
      kindLabel: kindLabel(e.kind),
      actor: actorLabel(e),
      operation: e.operation ?? e.documentId ?? '',
      entity: [e.entityType, e.entityId].filter(Boolean).join(' '),
      fields: e.fields.join(', '),
      versions: versions(e),
      reason: e.reason ?? '',
    })),
    pagination: pagination(url, page.page, events.totalCount),
    exportHref: exportHref(url, '/audit/export.csv'),
  };
};
