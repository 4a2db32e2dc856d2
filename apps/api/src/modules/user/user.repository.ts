import type { AppUser, Database, UserWorkstream, Workstream } from '@handover/db';
import type { UserRole as Role } from '@handover/domain';
import { sql, type Kysely } from 'kysely';
import { onlyUuids } from '../common/ids.ts';

export async function listUsers(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<AppUser[]> {
  return db
    .selectFrom('app_user')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function emailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Kysely<Database>,
  user: { email: string; name: string; role: Role; passwordHash: string; now: Date },
): Promise<AppUser> {
  return db
    .insertInto('app_user')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: user.now,
      updated_at: user.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type UserPatch = Partial<Pick<AppUser, 'name' | 'role' | 'active' | 'password_hash'>>;

/** Applies `patch` at `expectedVersion` (any version when null), bumping it; undefined when missing or moved on. */
export async function updateUserIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number | null,
  patch: UserPatch,
  now: Date,
): Promise<AppUser | undefined> {
  let q = db
    .updateTable('app_user')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

/** The ids among `ids` that name a workstream. */
export async function existingWorkstreamIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Set<string>> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return new Set();
  const rows = await db.selectFrom('workstream').select('id').where('id', 'in', valid).execute();
  return new Set(rows.map((r) => r.id));
}

export async function workstreamIdsOfUser(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_workstream')
    .select('workstream_id')
    .where('user_id', '=', userId)
    .orderBy('workstream_id')
    .execute();
  return rows.map((r) => r.workstream_id);
}

/** Replaces the workstreams a user leads. */
export async function setUserWorkstreams(
  db: Kysely<Database>,
  userId: string,
  workstreamIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('user_workstream').where('user_id', '=', userId).execute();
  if (workstreamIds.length === 0) return;
  await db
    .insertInto('user_workstream')
    .values(workstreamIds.map((workstream_id) => ({ user_id: userId, workstream_id })))
    .execute();
}

/** The workstreams each of the users leads, by name. */
export async function workstreamsOfUsers(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<(Workstream & Pick<UserWorkstream, 'user_id'>)[]> {
  const valid = onlyUuids(userIds);
  if (valid.length === 0) return [];
  return db
    .selectFrom('user_workstream')
    .innerJoin('workstream', 'workstream.id', 'user_workstream.workstream_id')
    .selectAll('workstream')
    .select('user_workstream.user_id')
    .where('user_workstream.user_id', 'in', valid)
    .orderBy('workstream.name')
    .execute();
}

/** When each user last signed in, from the audit trail (sessions are deleted at sign-out). */
export async function lastSignIns(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<{ user_id: string; at: Date }[]> {
  const valid = onlyUuids(userIds);
  if (valid.length === 0) return [];
  const rows = await db
    .selectFrom('audit_event')
    .select((eb) => ['actor_user_id', eb.fn.max('occurred_at').as('at')])
    .where('kind', '=', 'SIGN_IN')
    .where('actor_user_id', 'in', valid)
    .groupBy('actor_user_id')
    .execute();
  return rows.map((r) => ({ user_id: r.actor_user_id!, at: new Date(r.at as unknown as string) }));
}

/** Ends every session of a user; answers how many. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Active ADMINs other than `exceptId`. */
export async function countOtherActiveAdmins(db: Kysely<Database>, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'ADMIN')
    .where('active', '=', true)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Makes changes to who is an active ADMIN take turns, so two cannot remove the last one together. */
export async function lockAdmins(db: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('app_user.admins'))`.execute(db);
}

/** The workstream an item belongs to (undefined when there is no such row; null when it has none). */
export async function workstreamOfRow(
  db: Kysely<Database>,
  table: 'checklist_item' | 'milestone' | 'raid_item',
  id: string,
): Promise<{ workstream_id: string | null; owner_user_id: string | null } | undefined> {
  return db
    .selectFrom(table)
    .select(['workstream_id', 'owner_user_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A workstream's name and every user who leads it. */
export async function workstreamLeads(
  db: Kysely<Database>,
  workstreamId: string,
): Promise<{ name: string; leads: { id: string; name: string; active: boolean }[] } | undefined> {
  const ws = await db
    .selectFrom('workstream')
    .select('name')
    .where('id', '=', workstreamId)
    .executeTakeFirst();
  if (!ws) return undefined;
  const leads = await db
    .selectFrom('user_workstream')
    .innerJoin('app_user', 'app_user.id', 'user_workstream.user_id')
    .select(['app_user.id', 'app_user.name', 'app_user.active'])
    .where('user_workstream.workstream_id', '=', workstreamId)
    .orderBy('app_user.name')
    .execute();
  return { name: ws.name, leads };
}

/** The workstreams each user leads, as ids (for the rule, one statement per request). */
export async function ledWorkstreamIds(db: Kysely<Database>, userId: string): Promise<Set<string>> {
  return new Set(await workstreamIdsOfUser(db, userId));
}
