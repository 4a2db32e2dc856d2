/**
 * Pensions (DOMAIN.md 2.5): the trust's admission agreement to the council's
 * LGPS fund, one per programme, versioned; and the schemes of the
 * transferring list, with a warning when LGPS members would transfer without
 * a signed admission agreement (Best Value Authorities Staff Transfers
 * (Pensions) Direction 2007: continued LGPS membership arranged before the
 * transfer).
 */
import type { Database, PensionAdmissionAgreement, Programme } from '@handover/db';
import { PENSION_SCHEMES, type AdmissionType, type PensionScheme } from '@handover/domain';
import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { conflict, updateAtVersion } from '../common/concurrency.ts';
import { optionalText, requireDate, requireText, requireVersion } from '../common/validate.ts';
import {
  agreementsByIds,
  agreementsByProgrammeIds,
  insertAgreement,
  transferringBySchemeForProgramme,
  updateAgreementIfVersion,
} from './pension.repository.ts';

export interface PensionSummary {
  agreement: PensionAdmissionAgreement | null;
  schemeCounts: { scheme: PensionScheme; employees: number }[];
  lgpsMembers: number;
  warning: string | null;
}

export async function pensionSummary(db: Kysely<Database>, programme: Programme): Promise<PensionSummary> {
  const [agreement, rows] = await Promise.all([
    agreementsByProgrammeIds(db, [programme.id]).then((a) => a[0] ?? null),
    transferringBySchemeForProgramme(db, programme.id),
  ]);
  const schemeCounts = PENSION_SCHEMES.map((scheme) => ({
    scheme,
    employees: Number(rows.find((r) => r.pension_scheme === scheme)?.n ?? 0),
  }));
  const lgpsMembers = schemeCounts.find((c) => c.scheme === 'LGPS')!.employees;
  const signed = agreement?.signed_on != null;
  const warning =
    lgpsMembers > 0 && !signed
      ? `${lgpsMembers} LGPS ${lgpsMembers === 1 ? 'member transfers' : 'members transfer'} and no admission agreement is ${agreement ? 'signed' : 'recorded'}`
      : null;
  return { agreement, schemeCounts, lgpsMembers, warning };
}

export interface AgreementInput {
  programmeId: string;
  /** The version read; null when creating the first. */
  expectedVersion: number | null;
  fundName: string;
  admission: AdmissionType;
  guarantor?: string | null;
  employerRatePercent?: number | null;
  passThrough: boolean;
  bondNote?: string | null;
  signedOn?: string | null;
}

/** Creates the agreement (no expectedVersion) or replaces its terms at the version read. */
export async function saveAgreement(
  db: Kysely<Database>,
  input: AgreementInput,
  context: { now: Date; today: string },
): Promise<PensionAdmissionAgreement> {
  const programme = await db
    .selectFrom('programme')
    .select('id')
    .where('id', '=', input.programmeId)
    .executeTakeFirst();
  if (!programme) throw new NotFoundError('Programme', input.programmeId);
  const rate = input.employerRatePercent ?? null;
  if (
    rate !== null &&
    (!Number.isFinite(rate) || rate < 0 || rate > 100 || Math.round(rate * 100) !== rate * 100)
  )
    throw new ValidationError(
      'employerRatePercent',
      'must be a percentage from 0 to 100 with at most two decimals',
    );
  const signedOn = input.signedOn ? requireDate('signedOn', input.signedOn) : null;
  if (signedOn && signedOn > context.today)
    throw new ValidationError('signedOn', `cannot be in the future (today is ${context.today})`);
  const columns = {
    fund_name: requireText('fundName', input.fundName, 200),
    admission: input.admission,
    guarantor: optionalText('guarantor', input.guarantor ?? '', 200),
    employer_rate: rate,
    pass_through: input.passThrough,
    bond_note: optionalText('bondNote', input.bondNote ?? '', 2000),
    signed_on: signedOn,
  };
  const current = (await agreementsByProgrammeIds(db, [input.programmeId]))[0];
  if (input.expectedVersion === null) {
    // Someone saved one since this form was read: theirs is not overwritten.
    if (current) throw conflict('PensionAdmissionAgreement', 0, current);
    const created = await insertAgreement(db, {
      ...columns,
      programme_id: input.programmeId,
      created_at: context.now,
      updated_at: context.now,
    });
    if (created) return created;
    const raced = (await agreementsByProgrammeIds(db, [input.programmeId]))[0]!;
    throw conflict('PensionAdmissionAgreement', 0, raced);
  }
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  if (!current) throw new NotFoundError('PensionAdmissionAgreement', input.programmeId);
  return updateAtVersion({
    typename: 'PensionAdmissionAgreement',
    id: current.id,
    expectedVersion,
    update: () => updateAgreementIfVersion(db, current.id, expectedVersion, columns, context.now),
    reload: async () => (await agreementsByIds(db, [current.id]))[0],
  });
}
