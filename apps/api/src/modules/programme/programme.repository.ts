import type { Database, Organisation, Programme } from '@handover/db';
import { onlyUuids } from '../common/ids.ts';
import type { Kysely } from 'kysely';

export async function programmesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Programme[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('programme').selectAll().where('id', 'in', valid).execute();
}

export async function listProgrammes(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<Programme[]> {
  return db
    .selectFrom('programme')
    .selectAll()
    .orderBy('transfer_at')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countProgrammes(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('programme')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function organisationsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Organisation[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('organisation').selectAll().where('id', 'in', valid).execute();
}

/** The organisations taking part in each programme, by programme id. */
export async function organisationsByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<(Organisation & { programme_id: string })[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_organisation')
    .innerJoin('organisation', 'organisation.id', 'programme_organisation.organisation_id')
    .selectAll('organisation')
    .select('programme_organisation.programme_id')
    .where('programme_organisation.programme_id', 'in', programmeIds)
    .orderBy('organisation.name')
    .execute();
}
