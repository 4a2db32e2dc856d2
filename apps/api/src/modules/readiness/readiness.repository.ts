import type { Database } from '@handover/db';
import type { ChecklistStatus } from '@handover/domain';
import type { Kysely } from 'kysely';

export interface ReadinessRow {
  programme_id: string;
  workstream_id: string;
  service_id: string | null;
  status: ChecklistStatus;
  due_date: string | null;
  day_one_critical: boolean;
}

const columns = [
  'programme_id',
  'workstream_id',
  'service_id',
  'status',
  'due_date',
  'day_one_critical',
] as const;

/** The few columns readiness needs, for every item of the given programmes. */
export async function readinessRowsByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<ReadinessRow[]> {
  if (programmeIds.length === 0) return [];
  return db.selectFrom('checklist_item').select(columns).where('programme_id', 'in', programmeIds).execute();
}

export async function readinessRowsByWorkstreamIds(
  db: Kysely<Database>,
  workstreamIds: readonly string[],
): Promise<ReadinessRow[]> {
  if (workstreamIds.length === 0) return [];
  return db
    .selectFrom('checklist_item')
    .select(columns)
    .where('workstream_id', 'in', workstreamIds)
    .execute();
}

export async function readinessRowsByServiceIds(
  db: Kysely<Database>,
  serviceIds: readonly string[],
): Promise<ReadinessRow[]> {
  if (serviceIds.length === 0) return [];
  return db.selectFrom('checklist_item').select(columns).where('service_id', 'in', serviceIds).execute();
}
