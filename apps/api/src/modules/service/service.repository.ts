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

export interface OpenCriticalRow {
  service_id: string;
  ref: string;
  title: string;
}

/**
 * The day-one critical items of each service still open (neither complete nor not applicable, as
 * readiness counts them), by ref, in one statement.
 */
export async function openDayOneCriticalByServiceIds(
  db: Kysely<Database>,
  serviceIds: readonly string[],
): Promise<OpenCriticalRow[]> {
  const valid = onlyUuids(serviceIds);
  if (valid.length === 0) return [];
  return db
    .selectFrom('checklist_item')
    .select(['service_id as service_id', 'ref', 'title'])
    .where('service_id', 'in', valid)
    .where('day_one_critical', '=', true)
    .where('status', 'not in', ['COMPLETE', 'NOT_APPLICABLE'])
    .orderBy('ref')
    .execute() as Promise<OpenCriticalRow[]>;
}

export async function updateServiceStatusIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  status: ServiceTransferStatus,
  now: Date,
): Promise<Service | undefined> {
  return db
    .updateTable('service')
    .set((eb) => ({ transfer_status: status, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Every service of a programme: id, disposition and status (for the transfer run), in one statement. */
export async function serviceStatusesOfProgramme(
  db: Kysely<Database>,
  programmeId: string,
): Promise<Pick<Service, 'id' | 'disposition' | 'transfer_status'>[]> {
  return db
    .selectFrom('service')
    .select(['id', 'disposition', 'transfer_status'])
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute();
}

/** Sets the status of the services named, each one version on; returns them as they are now. */
export async function setServiceStatuses(
  db: Kysely<Database>,
  ids: readonly string[],
  status: ServiceTransferStatus,
  now: Date,
): Promise<{ id: string; version: number }[]> {
  if (ids.length === 0) return [];
  return db
    .updateTable('service')
    .set((eb) => ({ transfer_status: status, version: eb('version', '+', 1), updated_at: now }))
    .where('id', 'in', ids)
    .returning(['id', 'version'])
    .execute();
}
