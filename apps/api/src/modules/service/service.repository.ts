import type { Database, Service, Team } from '@handover/db';
import type { ServiceDisposition, ServiceTransferStatus } from '@handover/domain';
import { onlyUuids } from '../common/ids.ts';
import type { Kysely, SelectQueryBuilder } from 'kysely';

export interface ServiceFilter {
  dispositions?: readonly ServiceDisposition[] | null;
  transferStatuses?: readonly ServiceTransferStatus[] | null;
  search?: string | null;
}

export async function servicesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Service[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('service').selectAll().where('id', 'in', valid).execute();
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(
  db: Kysely<Database>,
  programmeId: string,
  filter: ServiceFilter,
): SelectQueryBuilder<Database, 'service', object> {
  let q = db.selectFrom('service').where('programme_id', '=', programmeId);
  if (filter.dispositions?.length) q = q.where('disposition', 'in', filter.dispositions);
  if (filter.transferStatuses?.length) q = q.where('transfer_status', 'in', filter.transferStatuses);
  const search = filter.search?.trim();
  if (search) q = q.where('name', 'ilike', likePattern(search));
  return q;
}

export async function listServices(
  db: Kysely<Database>,
  programmeId: string,
  filter: ServiceFilter,
  page: { limit: number; offset: number },
): Promise<Service[]> {
  return filtered(db, programmeId, filter)
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countServices(
  db: Kysely<Database>,
  programmeId: string,
  filter: ServiceFilter,
): Promise<number> {
  const row = await filtered(db, programmeId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function teamsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Team[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('team').selectAll().where('id', 'in', valid).execute();
}

export async function teamsByServiceIds(
  db: Kysely<Database>,
  serviceIds: readonly string[],
): Promise<Team[]> {
  if (serviceIds.length === 0) return [];
  return db.selectFrom('team').selectAll().where('service_id', 'in', serviceIds).orderBy('name').execute();
}
