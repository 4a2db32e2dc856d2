import type { Database, EliPackage } from '@handover/db';
import { NOT_EMPLOYEE_CONTRACTS, type EliInclusionReason, type TupeStatus } from '@handover/domain';
import type { Kysely } from 'kysely';
import { onlyUuids } from '../common/ids.ts';

/**
 * An employee "in the transferring list": assigned, in scope, and not objecting; and the council's employee
 * (never an agency worker or secondee in: every query of the list also filters NOT_EMPLOYEE_CONTRACTS).
 */
export const TRANSFERRING: TupeStatus = 'IN_SCOPE_ASSIGNED';

export async function eliPackagesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EliPackage[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('eli_package').selectAll().where('id', 'in', valid).execute();
}

export async function eliPackagesByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<EliPackage[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('eli_package')
    .selectAll()
    .where('programme_id', 'in', programmeIds)
    .orderBy('number')
    .execute();
}

/** The programme's transferring list (ids and row versions), by payroll number. */
export async function transferringEmployees(
  db: Kysely<Database>,
  programmeId: string,
): Promise<{ id: string; version: number }[]> {
  return db
    .selectFrom('employee')
    .select(['id', 'version'])
    .where('programme_id', '=', programmeId)
    .where('tupe_status', '=', TRANSFERRING)
    .where('contract_type', 'not in', NOT_EMPLOYEE_CONTRACTS)
    .orderBy('payroll_number')
    .execute();
}

export interface LastSentInclusion {
  employee_id: string;
  reason: EliInclusionReason;
  /** Their row's version when that package listed them. */
  employee_version: number;
  tupe_status: TupeStatus;
  /** Their row's version now. */
  version: number;
}

/** For every employee in some sent package: the latest sent package that included them, and where they stand now. */
export async function lastSentInclusions(
  db: Kysely<Database>,
  programmeId: string,
): Promise<LastSentInclusion[]> {
  const rows = await db
    .selectFrom('eli_package_employee as pe')
    .innerJoin('eli_package as p', 'p.id', 'pe.package_id')
    .innerJoin('employee as e', 'e.id', 'pe.employee_id')
    .distinctOn('pe.employee_id')
    .select(['pe.employee_id', 'pe.reason', 'pe.employee_version', 'e.tupe_status', 'e.version'])
    .where('p.programme_id', '=', programmeId)
    .where('p.status', '=', 'SENT')
    .orderBy('pe.employee_id')
    .orderBy('p.number', 'desc')
    .execute();
  return rows;
}

export async function lastPackageNumber(db: Kysely<Database>, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('eli_package')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertEliPackage(
  db: Kysely<Database>,
  row: {
    programme_id: string;
    number: number;
    kind: EliPackage['kind'];
    categories: string[];
    notes: string;
    now: Date;
  },
  members: readonly { employee_id: string; reason: EliInclusionReason; employee_version: number }[],
): Promise<EliPackage> {
  const { now, ...values } = row;
  const created = await db
    .insertInto('eli_package')
    .values({ ...values, status: 'DRAFT', created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (let i = 0; i < members.length; i += 1000) {
    await db
      .insertInto('eli_package_employee')
      .values(members.slice(i, i + 1000).map((m) => ({ ...m, package_id: created.id })))
      .execute();
  }
  return created;
}

export async function updateEliPackageIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<EliPackage, 'categories' | 'notes' | 'status' | 'sent_on' | 'sent_at' | 'sent_by'>>,
  now: Date,
): Promise<EliPackage | undefined> {
  return (
    db
      .updateTable('eli_package')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      // A sent package is never changed again (the service says why; this holds even in a race).
      .where('status', '=', 'DRAFT')
      .returningAll()
      .executeTakeFirst()
  );
}

export interface PackageReasonCount {
  package_id: string;
  reason: EliInclusionReason;
  n: number;
}

export async function reasonCountsByPackageIds(
  db: Kysely<Database>,
  packageIds: readonly string[],
): Promise<PackageReasonCount[]> {
  if (packageIds.length === 0) return [];
  return db
    .selectFrom('eli_package_employee')
    .select((eb) => ['package_id', 'reason', eb.fn.countAll<number>().as('n')])
    .where('package_id', 'in', packageIds)
    .groupBy(['package_id', 'reason'])
    .execute();
}

export interface PackageMember {
  package_id: string;
  employee_id: string;
  reason: EliInclusionReason;
}

/** One page of who a package lists, by payroll number. */
export async function packageMembers(
  db: Kysely<Database>,
  packageId: string,
  page: { limit: number; offset: number },
): Promise<PackageMember[]> {
  return db
    .selectFrom('eli_package_employee as pe')
    .innerJoin('employee as e', 'e.id', 'pe.employee_id')
    .select(['pe.package_id', 'pe.employee_id', 'pe.reason'])
    .where('pe.package_id', '=', packageId)
    .orderBy('e.payroll_number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
