/**
 * The workstreams a user leads: an EDITOR changes only the items of these
 * (checklist items, milestones, RAID items); an ADMIN changes all. An
 * EDITOR may lead several workstreams and a workstream may have more than
 * one lead. `workstream.lead_user_id` stays as the named lead shown on
 * screen.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table user_workstream (
    user_id uuid not null references app_user (id) on delete cascade,
    workstream_id uuid not null references workstream (id) on delete cascade,
    primary key (user_id, workstream_id)
  )`.execute(db);
  await sql`create index user_workstream_workstream_idx on user_workstream (workstream_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists user_workstream`.execute(db);
}
