/**
 * Plan baselines: a named snapshot of every checklist item's due and forecast
 * dates and every milestone's dates, so that slippage can be measured against
 * any of them later. Names are unique per programme. A baseline is never
 * changed once saved; items and milestones deleted later drop out of it.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table plan_baseline (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    name text not null check (length(name) between 1 and 200),
    created_by uuid references app_user (id) on delete set null,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (programme_id, name)
  )`.execute(db);
  await sql`create table plan_baseline_item (
    baseline_id uuid not null references plan_baseline (id) on delete cascade,
    checklist_item_id uuid not null references checklist_item (id) on delete cascade,
    due_date date,
    forecast_date date,
    primary key (baseline_id, checklist_item_id)
  )`.execute(db);
  await sql`create table plan_baseline_milestone (
    baseline_id uuid not null references plan_baseline (id) on delete cascade,
    milestone_id uuid not null references milestone (id) on delete cascade,
    baseline_date date not null,
    forecast_date date,
    actual_date date,
    primary key (baseline_id, milestone_id)
  )`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists plan_baseline_milestone`.execute(db);
  await sql`drop table if exists plan_baseline_item`.execute(db);
  await sql`drop table if exists plan_baseline`.execute(db);
}
