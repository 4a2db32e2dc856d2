/**
 * The audit page's query and filters, shared by the page and its CSV export.
 * The trail is for ADMIN alone: the load and the export call `requireAdmin`
 * before asking the API (which refuses anyone else as well).
 */
import { error } from '@sveltejs/kit';
import { gql, type Viewer } from '$lib/server/api';
import { many, text, type PageOf } from '$lib/server/list';
import { AUDIT_KINDS } from './audit';

export const ADMIN_ONLY =
  'Only programme managers (the ADMIN role) can see the audit trail: it shows who did what, including who read staff records';

export function requireAdmin(viewer: Viewer | null): void {
  if (viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
}

export interface AuditRow {
  id: string;
  occurredAt: string;
  kind: string;
  actorEmail: string | null;
  actorRole: string | null;
  apiTokenId: string | null;
  operation: string | null;
  documentId: string | null;
  entityType: string | null;
  entityId: string | null;
  fields: string[];
  versionBefore: number | null;
  versionAfter: number | null;
  reason: string | null;
  requestId: string | null;
}

export const AUDIT_QUERY = `query Audit($first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node {
      id occurredAt kind actorEmail actorRole apiTokenId operation documentId
      entityType entityId fields versionBefore versionAfter reason requestId
    } }
  }
}`;

export type AuditConnection = PageOf<AuditRow> & { totalCount: number };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD that is a real date, else ''. */
function isoDate(url: URL, name: string): string {
  const v = url.searchParams.get(name)?.trim() ?? '';
  if (!ISO_DATE.test(v)) return '';
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) ? v : '';
}

const nextDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
};

/** The filters of the query string: kind (repeated), actor, entity type, from and to (dates, UTC, inclusive). */
export function auditFilters(url: URL) {
  const kinds = many(url, 'kind', AUDIT_KINDS);
  const actor = text(url, 'actor', 320) ?? '';
  const entityType = text(url, 'entityType', 100) ?? '';
  const entityId = text(url, 'entityId', 200) ?? '';
  let from = isoDate(url, 'from');
  let to = isoDate(url, 'to');
  if (from && to && to < from) [from, to] = [to, from];
  return {
    kinds,
    actor,
    entityType,
    entityId,
    from,
    to,
    /** The GraphQL AuditEventFilter. */
    graphql: {
      ...(kinds.length ? { kinds } : {}),
      ...(actor ? { actorEmail: actor } : {}),
      ...(entityType ? { entityType } : {}),
      ...(entityId ? { entityId } : {}),
      ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
      ...(to ? { to: nextDay(to) } : {}),
    },
  };
}

export async function auditPage(
  token: string | null,
  variables: { first: number; after: string | null; filter: Record<string, unknown> },
): Promise<AuditConnection> {
  const data = await gql<{ auditEvents: AuditConnection }>(AUDIT_QUERY, { token, variables });
  return data.auditEvents;
}

/** "1 December 2026, 08:15:02 UTC". */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = d.toLocaleTimeString('en-GB', { hour12: false, timeZone: 'UTC' });
  return `${date}, ${time} UTC`;
}

/** Versions as "3 → 4", "new (1)", or ''. */
export function versions(row: Pick<AuditRow, 'versionBefore' | 'versionAfter'>): string {
  if (row.versionAfter === null) return '';
  return row.versionBefore === null
    ? `new (${row.versionAfter})`
    : `${row.versionBefore} → ${row.versionAfter}`;
}

export function actorLabel(row: Pick<AuditRow, 'actorEmail' | 'actorRole' | 'apiTokenId'>): string {
  if (row.apiTokenId) return `API token ${row.apiTokenId}`;
  if (!row.actorEmail) return row.actorRole ?? 'Not signed in';
  return row.actorRole ? `${row.actorEmail} (${row.actorRole})` : row.actorEmail;
}
