/**
 * What planning a checklist item needs beyond its due date: how long it takes
 * (working days of effort, for the critical path), when it is now forecast to
 * finish, and the accountable role that must sign it off ("DCS", "s151
 * officer"; a title, not a sign-in role).
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table checklist_item
    add column duration_days integer not null default 1 check (duration_days between 0 and 1000),
    add column forecast_date date,
    add column sign_off_role text check (sign_off_role is null or length(sign_off_role) between 1 and 200)`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table checklist_item drop column duration_days, drop column forecast_date, drop column sign_off_role`.execute(
    db,
  );
}
