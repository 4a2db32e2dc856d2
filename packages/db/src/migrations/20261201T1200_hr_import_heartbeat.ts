/**
 * An HR import's heartbeat: the process running a job stamps `heartbeat_at`
 * every few seconds, so that a job whose process stopped can be told from one
 * still running on another API instance sharing the database. Jobs written
 * before this have none and count as stale.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table hr_import add column heartbeat_at timestamptz`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table hr_import drop column if exists heartbeat_at`.execute(db);
}
