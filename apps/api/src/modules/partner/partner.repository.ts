import type { ApiToken, Database } from '@handover/db';
import type { Kysely } from 'kysely';
import { onlyUuids } from '../common/ids.ts';

export async function apiTokensByIds(db: Kysely<Database>, ids: readonly string[]): Promise<ApiToken[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('api_token').selectAll().where('id', 'in', valid).execute();
}

/** Every token, newest first. */
export async function listApiTokens(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<ApiToken[]> {
  return db
    .selectFrom('api_token')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countApiTokens(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('api_token')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function organisationExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function organisationIdByKey(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('id').where('key', '=', key).executeTakeFirst();
  return row?.id;
}

export async function insertApiToken(
  db: Kysely<Database>,
  token: {
    name: string;
    organisationId: string;
    tokenHash: string;
    tokenPrefix: string;
    createdBy: string | null;
    expiresAt: Date;
    now: Date;
  },
): Promise<ApiToken> {
  return db
    .insertInto('api_token')
    .values({
      name: token.name,
      organisation_id: token.organisationId,
      token_hash: token.tokenHash,
      token_prefix: token.tokenPrefix,
      created_by: token.createdBy,
      created_at: token.now,
      expires_at: token.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Revokes a live token; undefined when there is no such token or it was revoked already. */
export async function revokeApiTokenRow(
  db: Kysely<Database>,
  id: string,
  by: string | null,
  now: Date,
): Promise<ApiToken | undefined> {
  return db
    .updateTable('api_token')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** The token with this hash, when neither revoked nor expired. */
export async function findLiveApiToken(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<ApiToken | undefined> {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchApiToken(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}
