/**
 * A checklist item made from a template (or by the demo seed, which dates its items the same way)
 * is dated from the transfer day: `due_offset_days` keeps that offset in calendar days (-90 is
 * T-90), so that a what-if with another transfer day re-dates the item. Null for an item dated by
 * hand: its date stays whatever the transfer day.
 *
 * Items already made from a template get the offset their due date has from the programme's
 * transfer day (UK calendar).
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table checklist_item add column due_offset_days integer
    check (due_offset_days between -1000 and 1000)`.execute(db);
  await sql`update checklist_item ci
    set due_offset_days = ci.due_date - (p.transfer_at at time zone 'Europe/London')::date
    from programme p
    where p.id = ci.programme_id and ci.template_key is not null and ci.due_date is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table checklist_item drop column due_offset_days`.execute(db);
}
