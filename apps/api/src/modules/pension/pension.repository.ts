import type { Database, PensionAdmissionAgreement, PensionAdmissionAgreementTable } from '@handover/db';
import { NOT_EMPLOYEE_CONTRACTS, type PensionScheme } from '@handover/domain';
import type { Insertable, Kysely, Updateable } from 'kysely';
import { onlyUuids } from '../common/ids.ts';
import { TRANSFERRING } from '../eli/eli.repository.ts';

export async function agreementsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<PensionAdmissionAgreement[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('pension_admission_agreement').selectAll().where('id', 'in', valid).execute();
}

export async function agreementsByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<PensionAdmissionAgreement[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('pension_admission_agreement')
    .selectAll()
    .where('programme_id', 'in', programmeIds)
    .execute();
}

export async function insertAgreement(
  db: Kysely<Database>,
  row: Insertable<PensionAdmissionAgreementTable>,
): Promise<PensionAdmissionAgreement | undefined> {
  return db
    .insertInto('pension_admission_agreement')
    .values(row)
    .onConflict((oc) => oc.column('programme_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateAgreementIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: Updateable<PensionAdmissionAgreementTable>,
  now: Date,
): Promise<PensionAdmissionAgreement | undefined> {
  return db
    .updateTable('pension_admission_agreement')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** The transferring list by pension scheme. */
export async function transferringBySchemeForProgramme(
  db: Kysely<Database>,
  programmeId: string,
): Promise<{ pension_scheme: PensionScheme; n: number }[]> {
  return db
    .selectFrom('employee')
    .select((eb) => ['pension_scheme', eb.fn.countAll<number>().as('n')])
    .where('programme_id', '=', programmeId)
    .where('tupe_status', '=', TRANSFERRING)
    .where('contract_type', 'not in', NOT_EMPLOYEE_CONTRACTS)
    .groupBy('pension_scheme')
    .execute();
}
