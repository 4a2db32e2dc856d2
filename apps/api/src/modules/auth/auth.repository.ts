import type { AppUser, Database } from '@handover/db';
import { onlyUuids } from '../common/ids.ts';
import type { Kysely } from 'kysely';

export interface SessionWithUser {
  sessionId: string;
  lastSeenAt: Date;
  user: Pick<AppUser, 'id' | 'email' | 'name' | 'role'>;
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<AppUser | undefined> {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

export async function usersByIds(db: Kysely<Database>, ids: readonly string[]): Promise<AppUser[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('app_user').selectAll().where('id', 'in', valid).execute();
}

export async function insertSession(
  db: Kysely<Database>,
  session: { userId: string; tokenHash: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      expires_at: session.expiresAt,
      created_at: session.now,
      last_seen_at: session.now,
    })
    .execute();
}

/** A live session for the token: not expired, not idle too long, of an active user. */
export async function findLiveSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
  idleSince: Date,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id as session_id',
      'session.last_seen_at',
      'app_user.id',
      'app_user.email',
      'app_user.name',
      'app_user.role',
    ])
    .where('session.token_hash', '=', tokenHash)
    .where('session.expires_at', '>', now)
    .where('session.last_seen_at', '>', idleSince)
    .where('app_user.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sessionId: row.session_id,
    lastSeenAt: row.last_seen_at,
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
  };
}

export async function touchSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function listActiveUsers(db: Kysely<Database>): Promise<AppUser[]> {
  return db.selectFrom('app_user').selectAll().where('active', '=', true).orderBy('name').execute();
}

/** Failures recorded under `keyHash` since `since`, oldest first. */
export async function recentSigninFailures(
  db: Kysely<Database>,
  keyHash: string,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('signin_failure')
    .select('failed_at')
    .where('key_hash', '=', keyHash)
    .where('failed_at', '>', since)
    .orderBy('failed_at')
    .execute();
  return rows.map((r) => r.failed_at);
}

/** Records one failure under each key and forgets those keys' failures older than `since`. */
export async function recordSigninFailure(
  db: Kysely<Database>,
  keyHashes: readonly string[],
  now: Date,
  since: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('signin_failure')
      .where('key_hash', 'in', keyHashes)
      .where('failed_at', '<=', since)
      .execute();
    await trx
      .insertInto('signin_failure')
      .values(keyHashes.map((key_hash) => ({ key_hash, failed_at: now })))
      .execute();
  });
}

export async function clearSigninFailures(db: Kysely<Database>, keyHash: string): Promise<void> {
  await db.deleteFrom('signin_failure').where('key_hash', '=', keyHash).execute();
}
