/**
 * Setting up the go/no-go gate from the admin app: a required signatory can be
 * removed from a gate.
 *
 * A signatory who never signed is deleted. One whose sign-offs have all been
 * withdrawn cannot be: the sign-offs reference it, and they are never deleted
 * (see 20261201T1100_gate). Such a signatory is kept, marked removed
 * (`removed_at`), so that the history still says whom each sign-off was for;
 * it is no longer required for GO and can no longer sign.
 *
 * The role title and the position are unique among the signatories still
 * required only, so that a role removed can be required again (a new row).
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table gate_signatory add column removed_at timestamptz`.execute(db);
  await sql`alter table gate_signatory drop constraint gate_signatory_gate_id_position_key`.execute(db);
  await sql`alter table gate_signatory drop constraint gate_signatory_gate_id_role_title_key`.execute(db);
  await sql`create unique index gate_signatory_position_key on gate_signatory (gate_id, position)
    where removed_at is null`.execute(db);
  await sql`create unique index gate_signatory_role_title_key on gate_signatory (gate_id, role_title)
    where removed_at is null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from gate_signatory where removed_at is not null`.execute(db);
  await sql`drop index if exists gate_signatory_role_title_key`.execute(db);
  await sql`drop index if exists gate_signatory_position_key`.execute(db);
  await sql`alter table gate_signatory add unique (gate_id, role_title)`.execute(db);
  await sql`alter table gate_signatory add unique (gate_id, position)`.execute(db);
  await sql`alter table gate_signatory drop column removed_at`.execute(db);
}
