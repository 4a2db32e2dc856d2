import type { ContactRoute, DataSharingAgreement, Database } from '@handover/db';
import type { Kysely } from 'kysely';
import { onlyUuids } from '../common/ids.ts';

/** Whose agreements: every one (staff), or those one organisation is party to (a partner). */
export type AgreementScope = { all: true } | { partyId: string } | { none: true };

export async function agreementsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
  scope: AgreementScope,
): Promise<DataSharingAgreement[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0 || 'none' in scope) return [];
  let q = db.selectFrom('data_sharing_agreement').selectAll().where('id', 'in', valid);
  if ('partyId' in scope) q = q.where('id', 'in', partyOf(db, scope.partyId));
  return q.execute();
}

const partyOf = (db: Kysely<Database>, organisationId: string) =>
  db
    .selectFrom('data_sharing_agreement_party')
    .select('agreement_id')
    .where('organisation_id', '=', organisationId);

/** The agreements of each programme the scope may see, by reference; `inForceOn` keeps those in force that day. */
export async function agreementsByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
  scope: AgreementScope,
  inForceOn?: string | null,
): Promise<DataSharingAgreement[]> {
  if (programmeIds.length === 0 || 'none' in scope) return [];
  let q = db.selectFrom('data_sharing_agreement').selectAll().where('programme_id', 'in', programmeIds);
  if ('partyId' in scope) q = q.where('id', 'in', partyOf(db, scope.partyId));
  if (inForceOn) {
    q = q
      .where('start_date', '<=', inForceOn)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', inForceOn)]));
  }
  return q.orderBy('ref').execute();
}

/** The parties of each agreement, by organisation name. */
export async function partiesByAgreementIds(
  db: Kysely<Database>,
  agreementIds: readonly string[],
): Promise<{ agreement_id: string; organisation_id: string }[]> {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('data_sharing_agreement_party')
    .innerJoin('organisation', 'organisation.id', 'data_sharing_agreement_party.organisation_id')
    .select(['data_sharing_agreement_party.agreement_id', 'data_sharing_agreement_party.organisation_id'])
    .where('data_sharing_agreement_party.agreement_id', 'in', agreementIds)
    .orderBy('organisation.name')
    .execute();
}

export async function contactRoutesByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ContactRoute[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('contact_route').selectAll().where('id', 'in', valid).execute();
}

const ROUTE_ORDER = ['service_id', 'audience', 'channel', 'from_date'] as const;

/** Contact routes by a parent column, optionally only those in force on a day. */
export async function contactRoutesBy(
  db: Kysely<Database>,
  column: 'programme_id' | 'service_id',
  ids: readonly string[],
  on?: string | null,
): Promise<ContactRoute[]> {
  if (ids.length === 0) return [];
  let q = db.selectFrom('contact_route').selectAll().where(column, 'in', ids);
  if (on) {
    q = q
      .where((eb) => eb.or([eb('from_date', 'is', null), eb('from_date', '<=', on)]))
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', on)]));
  }
  for (const c of ROUTE_ORDER) q = q.orderBy(c);
  return q.orderBy('id').execute();
}
