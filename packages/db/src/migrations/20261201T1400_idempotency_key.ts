/**
 * Idempotency keys of creates: a create retried after its answer was lost
 * (a double submit, a network retry) gives the same key, and is answered with
 * the row the first one made instead of making a second. One row per key per
 * user per mutation, naming the row made.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table idempotency_key (
    key text not null,
    user_id uuid not null references app_user (id),
    mutation text not null,
    result_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (user_id, mutation, key)
  )`.execute(db);
  await sql`create index idempotency_key_created_at_idx on idempotency_key (created_at)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists idempotency_key`.execute(db);
}
