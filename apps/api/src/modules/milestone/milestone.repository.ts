import type { Database, Milestone, MilestoneTable } from '@handover/db';
import type { Rag } from '@handover/domain';
import { onlyUuids } from '../common/ids.ts';
import { sql, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';

export interface MilestoneFilter {
  critical?: boolean | null;
  rags?: readonly Rag[] | null;
  serviceIds?: readonly string[] | null;
  /** Only milestones whose forecast (or planned date) falls from this date... */
  from?: string | null;
  /** ...to this date, inclusive. */
  to?: string | null;
  /** true: only milestones with an actual date; false: only those still to come. */
  achieved?: boolean | null;
}

function filtered(
  db: Kysely<Database>,
  programmeId: string,
  filter: MilestoneFilter,
): SelectQueryBuilder<Database, 'milestone', object> {
  let q = db.selectFrom('milestone').where('programme_id', '=', programmeId);
  if (typeof filter.critical === 'boolean') q = q.where('critical', '=', filter.critical);
  if (filter.rags?.length) q = q.where('rag', 'in', filter.rags);
  if (filter.serviceIds?.length) q = q.where('service_id', 'in', filter.serviceIds);
  const due = sql<string>`coalesce(actual_date, forecast_date, baseline_date)`;
  if (typeof filter.achieved === 'boolean') {
    q = q.where('actual_date', filter.achieved ? 'is not' : 'is', null);
  }
  if (filter.from) q = q.where(due, '>=', filter.from);
  if (filter.to) q = q.where(due, '<=', filter.to);
  return q;
}

export async function listMilestones(
  db: Kysely<Database>,
  programmeId: string,
  filter: MilestoneFilter,
  page: { limit: number; offset: number },
): Promise<Milestone[]> {
  return filtered(db, programmeId, filter)
    .selectAll()
    .orderBy('baseline_date')
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countMilestones(
  db: Kysely<Database>,
  programmeId: string,
  filter: MilestoneFilter,
): Promise<number> {
  const row = await filtered(db, programmeId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function milestonesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Milestone[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('milestone').selectAll().where('id', 'in', valid).execute();
}

export async function milestonesByServiceIds(
  db: Kysely<Database>,
  serviceIds: readonly string[],
): Promise<Milestone[]> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('milestone')
    .selectAll()
    .where('service_id', 'in', serviceIds)
    .orderBy('baseline_date')
    .execute();
}

export async function updateMilestoneIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: Pick<Updateable<MilestoneTable>, 'forecast_date' | 'actual_date' | 'rag' | 'owner_user_id'>,
  now: Date,
): Promise<Milestone | undefined> {
  return db
    .updateTable('milestone')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}
