/**
 * TUPE at the instant for people who are not the council's employees, and for
 * objectors (DOMAIN.md 2.1, 2.4):
 * - an objector's employment ends at the transfer (reg 4(7)-(8)): the employee
 *   row records when (`employment_ended_at`, the transfer instant) and why
 *   (`employment_end_reason`), and the run that recorded it;
 * - the transfer run counts those endings (`employment_ended`) and the agency
 *   workers and secondees in it left alone (`skipped_not_employee`).
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table employee
    add column employment_ended_at timestamptz,
    add column employment_end_reason text check (employment_end_reason in ('OBJECTED_TO_TRANSFER')),
    add constraint employee_employment_end_check
      check ((employment_ended_at is null) = (employment_end_reason is null))`.execute(db);
  await sql`alter table transfer_run
    add column skipped_not_employee integer not null default 0,
    add column employment_ended integer not null default 0`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table transfer_run drop column employment_ended, drop column skipped_not_employee`.execute(
    db,
  );
  await sql`alter table employee drop constraint employee_employment_end_check,
    drop column employment_end_reason, drop column employment_ended_at`.execute(db);
}
