/**
 * The audit trail: one append-only table of events (writes, reads of
 * personal fields, refused requests, sign-ins and sign-outs, partner
 * queries). It holds who, what and when, never a personal value.
 *
 * Append-only on both databases: a statement trigger refuses UPDATE, DELETE
 * and TRUNCATE whoever asks (PGlite has a single superuser, so grants alone
 * would not hold there); on PostgreSQL the table's privileges are also
 * revoked from PUBLIC and from the migrating role, so an application role
 * that is not a superuser can only insert and read. Dropping the table (a
 * migration down, `pnpm db reset --yes`) is not an UPDATE or DELETE and
 * still works.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

const KINDS = ['WRITE', 'PERSONAL_READ', 'REFUSED', 'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'PARTNER_QUERY'];
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table audit_event (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    kind text not null check (kind in (${list(KINDS)})),
    actor_user_id uuid,
    actor_email text,
    actor_role text,
    api_token_id text,
    operation text,
    document_id text,
    entity_type text,
    entity_id text,
    fields text[] not null default '{}',
    version_before integer,
    version_after integer,
    reason text,
    request_id text
  )`.execute(db);
  await sql`create index audit_event_occurred_idx on audit_event (occurred_at)`.execute(db);
  await sql`create index audit_event_kind_idx on audit_event (kind, id)`.execute(db);
  await sql`create index audit_event_actor_idx on audit_event (lower(actor_email), id)`.execute(db);
  await sql`create index audit_event_entity_idx on audit_event (entity_type, entity_id, id)`.execute(db);

  await sql`create function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'audit events can be inserted and read, never changed or deleted';
    end
  $$`.execute(db);
  await sql`create trigger audit_event_append_only
    before update or delete or truncate on audit_event
    for each statement execute function audit_event_append_only()`.execute(db);

  // Grants as well, where the server has them; a server that refuses (or has no roles to speak of) keeps the trigger.
  await sql`do $$
    begin
      revoke update, delete, truncate on audit_event from public;
      revoke update, delete, truncate on audit_event from current_user;
    exception when others then
      raise notice 'audit_event: privileges left as they were (%)', sqlerrm;
    end
  $$`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists audit_event`.execute(db);
  await sql`drop function if exists audit_event_append_only()`.execute(db);
}
