import type { Database, Milestone, PlanBaseline } from '@handover/db';
import type { Kysely } from 'kysely';
import { onlyUuids } from '../common/ids.ts';

export async function milestonesByProgrammeId(
  db: Kysely<Database>,
  programmeId: string,
): Promise<Milestone[]> {
  return db
    .selectFrom('milestone')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('baseline_date')
    .orderBy('name')
    .execute();
}

export async function baselinesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<PlanBaseline[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('plan_baseline').selectAll().where('id', 'in', valid).execute();
}

export async function baselinesByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<PlanBaseline[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('plan_baseline')
    .selectAll()
    .where('programme_id', 'in', programmeIds)
    .orderBy('created_at', 'desc')
    .orderBy('name')
    .execute();
}

export async function baselineNameTaken(
  db: Kysely<Database>,
  programmeId: string,
  name: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('plan_baseline')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

/** Saves a baseline of every item's and milestone's dates of the programme, as they are now. */
export async function insertBaseline(
  db: Kysely<Database>,
  programmeId: string,
  name: string,
  createdBy: string | null,
  now: Date,
): Promise<PlanBaseline> {
  const baseline = await db
    .insertInto('plan_baseline')
    .values({ programme_id: programmeId, name, created_by: createdBy, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('plan_baseline_item')
    .columns(['baseline_id', 'checklist_item_id', 'due_date', 'forecast_date'])
    .expression((eb) =>
      eb
        .selectFrom('checklist_item')
        .select((s) => [s.val(baseline.id).as('baseline_id'), 'id', 'due_date', 'forecast_date'])
        .where('programme_id', '=', programmeId),
    )
    .execute();
  await db
    .insertInto('plan_baseline_milestone')
    .columns(['baseline_id', 'milestone_id', 'baseline_date', 'forecast_date', 'actual_date'])
    .expression((eb) =>
      eb
        .selectFrom('milestone')
        .select((s) => [
          s.val(baseline.id).as('baseline_id'),
          'id',
          'baseline_date',
          'forecast_date',
          'actual_date',
        ])
        .where('programme_id', '=', programmeId),
    )
    .execute();
  return baseline;
}

export interface BaselineItemRow {
  baseline_id: string;
  checklist_item_id: string;
  baseline_due: string | null;
  baseline_forecast: string | null;
  current_due: string | null;
  current_forecast: string | null;
}

export async function baselineItemRows(
  db: Kysely<Database>,
  baselineIds: readonly string[],
): Promise<BaselineItemRow[]> {
  if (baselineIds.length === 0) return [];
  return db
    .selectFrom('plan_baseline_item as b')
    .innerJoin('checklist_item as i', 'i.id', 'b.checklist_item_id')
    .select([
      'b.baseline_id',
      'b.checklist_item_id',
      'b.due_date as baseline_due',
      'b.forecast_date as baseline_forecast',
      'i.due_date as current_due',
      'i.forecast_date as current_forecast',
    ])
    .where('b.baseline_id', 'in', baselineIds)
    .orderBy('i.ref')
    .execute();
}

export interface BaselineMilestoneRow {
  baseline_id: string;
  milestone_id: string;
  baseline_baseline: string;
  baseline_forecast: string | null;
  baseline_actual: string | null;
  current_baseline: string;
  current_forecast: string | null;
  current_actual: string | null;
}

export async function baselineMilestoneRows(
  db: Kysely<Database>,
  baselineIds: readonly string[],
): Promise<BaselineMilestoneRow[]> {
  if (baselineIds.length === 0) return [];
  return db
    .selectFrom('plan_baseline_milestone as b')
    .innerJoin('milestone as m', 'm.id', 'b.milestone_id')
    .select([
      'b.baseline_id',
      'b.milestone_id',
      'b.baseline_date as baseline_baseline',
      'b.forecast_date as baseline_forecast',
      'b.actual_date as baseline_actual',
      'm.baseline_date as current_baseline',
      'm.forecast_date as current_forecast',
      'm.actual_date as current_actual',
    ])
    .where('b.baseline_id', 'in', baselineIds)
    .orderBy('m.baseline_date')
    .orderBy('m.name')
    .execute();
}
