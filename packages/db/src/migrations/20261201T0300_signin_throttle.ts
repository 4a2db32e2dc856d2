/**
 * Failed sign-ins, kept so that sign-in can be throttled across every API
 * instance sharing the database: one row per failure, keyed by a SHA-256 of
 * what is throttled ("email:<address>" or "client:<ip>"), never the email
 * itself. Rows older than the throttle window are deleted as new ones come.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table signin_failure (
    id bigint generated always as identity primary key,
    key_hash text not null,
    failed_at timestamptz not null
  )`.execute(db);
  await sql`create index signin_failure_key_idx on signin_failure (key_hash, failed_at)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists signin_failure`.execute(db);
}
