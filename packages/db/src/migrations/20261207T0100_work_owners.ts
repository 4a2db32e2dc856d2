/**
 * Owners of work (issue 12): a milestone has a named owner, as checklist and RAID items have; a go/no-go
 * criterion is owned by a user or by a workstream (whose leads answer for it). Both nullable: a row
 * without one is for its workstream's leads and ADMIN (a criterion, ADMIN alone).
 *
 * The criterion's free-text `owner` ("Finance", "HR / TUPE") stays as the label shown with it.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table milestone add column owner_user_id uuid references app_user (id)`.execute(db);
  await sql`create index milestone_owner_user_id_idx on milestone (owner_user_id)`.execute(db);
  await sql`alter table gate_criterion
    add column owner_user_id uuid references app_user (id),
    add column owner_workstream_id uuid references workstream (id)`.execute(db);
  await sql`create index checklist_item_owner_user_id_idx on checklist_item (owner_user_id)`.execute(db);
  await sql`create index raid_item_owner_user_id_idx on raid_item (owner_user_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists raid_item_owner_user_id_idx`.execute(db);
  await sql`drop index if exists checklist_item_owner_user_id_idx`.execute(db);
  await sql`alter table gate_criterion drop column owner_workstream_id, drop column owner_user_id`.execute(
    db,
  );
  await sql`drop index if exists milestone_owner_user_id_idx`.execute(db);
  await sql`alter table milestone drop column owner_user_id`.execute(db);
}
