import type { AuditEvent, AuditKind, Database, NewAuditEvent } from '@handover/db';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { likePattern } from '../service/service.repository.ts';

/** Rows per INSERT: one statement per request in practice, well under the 65,535 parameters of a statement. */
const CHUNK = 1000;

/** Appends events (one statement per thousand rows). The table refuses updates and deletes. */
export async function insertAuditEvents(db: Kysely<Database>, rows: readonly NewAuditEvent[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('audit_event')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export interface AuditFilter {
  kinds?: readonly AuditKind[] | null;
  /** Part of the actor's email address, any case. */
  actorEmail?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  operation?: string | null;
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

function filtered(
  db: Kysely<Database>,
  filter: AuditFilter,
): SelectQueryBuilder<Database, 'audit_event', object> {
  let q = db.selectFrom('audit_event');
  if (filter.kinds?.length) q = q.where('kind', 'in', filter.kinds);
  const email = filter.actorEmail?.trim();
  if (email) q = q.where('actor_email', 'ilike', likePattern(email));
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.operation) q = q.where('operation', '=', filter.operation);
  if (filter.from) q = q.where('occurred_at', '>=', filter.from);
  if (filter.to) q = q.where('occurred_at', '<', filter.to);
  return q;
}

/** Newest first (by insertion order, which breaks ties of the same instant). */
export async function listAuditEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditEvent[]> {
  return filtered(db, filter)
    .selectAll()
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAuditEvents(db: Kysely<Database>, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
