/** The pension admission agreement and the schemes of the transferring list: counts, no people. */
import type { PensionAdmissionAgreement } from '@handover/db';
import { ADMISSION_TYPES } from '@handover/domain';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { UPDATE_ERRORS, decodeId } from '../common/common.schema.ts';
import { PensionSchemeEnum } from '../people/people.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { agreementsByIds, agreementsByProgrammeIds } from './pension.repository.ts';
import { pensionSummary, saveAgreement, type PensionSummary } from './pension.service.ts';

export const AdmissionTypeEnum = builder.enumType('AdmissionType', {
  values: ADMISSION_TYPES,
  description: 'OPEN: new starters may join the fund too; CLOSED: only those who transfer.',
});

export const PensionAdmissionAgreementRef = builder.loadableNode('PensionAdmissionAgreement', {
  description:
    'The trust’s admission agreement to the council’s LGPS fund (DOMAIN.md 2.5): one per programme, versioned.',
  id: { resolve: (a: PensionAdmissionAgreement) => a.id },
  load: (ids: string[], ctx) => agreementsByIds(ctx.db, ids),
  sort: (a) => a.id,
  fields: (t) => ({
    fundName: t.exposeString('fund_name'),
    admission: t.field({ type: AdmissionTypeEnum, resolve: (a) => a.admission }),
    guarantor: t.exposeString('guarantor'),
    employerRatePercent: t.float({
      nullable: true,
      description: 'Employer contribution rate set by the fund actuary, in per cent of pay.',
      resolve: (a) => (a.employer_rate === null ? null : Number(a.employer_rate)),
    }),
    passThrough: t.exposeBoolean('pass_through', {
      description: 'Funding risk passed through to the council.',
    }),
    bondNote: t.exposeString('bond_note'),
    signedOn: t.expose('signed_on', { type: 'Date', nullable: true }),
    programme: t.field({ type: ProgrammeRef, resolve: (a) => a.programme_id }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    version: t.exposeInt('version'),
  }),
});

const PensionSchemeCountRef = builder
  .objectRef<PensionSummary['schemeCounts'][number]>('PensionSchemeCount')
  .implement({
    fields: (t) => ({
      scheme: t.field({ type: PensionSchemeEnum, resolve: (c) => c.scheme }),
      employees: t.exposeInt('employees'),
    }),
  });

const PensionSummaryRef = builder.objectRef<PensionSummary>('PensionSummary').implement({
  description: 'The admission agreement, and the transferring list by pension scheme (counts only).',
  fields: (t) => ({
    admissionAgreement: t.field({
      type: PensionAdmissionAgreementRef,
      nullable: true,
      resolve: (s) => s.agreement,
    }),
    schemeCounts: t.field({
      type: [PensionSchemeCountRef],
      description: 'Every scheme, with zero where none.',
      resolve: (s) => s.schemeCounts,
    }),
    lgpsMembers: t.exposeInt('lgpsMembers'),
    warning: t.exposeString('warning', {
      nullable: true,
      description: 'Set when LGPS members transfer and no signed admission agreement exists.',
    }),
  }),
});

builder.objectField(ProgrammeRef, 'pensions', (t) =>
  t.field({ type: PensionSummaryRef, resolve: (p, _a, ctx) => pensionSummary(ctx.db, p) }),
);

const SaveInput = builder.inputType('SavePensionAdmissionAgreementInput', {
  description:
    'The whole agreement. Give the version you read, or leave `expectedVersion` out when there is none yet: a ' +
    'stale version answers a ConflictError and saves nothing.',
  fields: (t) => ({
    programmeId: t.id(),
    expectedVersion: t.int({ required: false }),
    fundName: t.string(),
    admission: t.field({ type: AdmissionTypeEnum }),
    guarantor: t.string({ required: false }),
    employerRatePercent: t.float({ required: false }),
    passThrough: t.boolean(),
    bondNote: t.string({ required: false }),
    signedOn: t.field({ type: 'Date', required: false, description: 'Null while not yet signed.' }),
  }),
});

builder.mutationField('savePensionAdmissionAgreement', (t) =>
  t.field({
    type: PensionAdmissionAgreementRef,
    authScopes: scopesFor('Mutation.savePensionAdmissionAgreement'),
    errors: {
      types: UPDATE_ERRORS,
      directResult: true,
      union: { name: 'SavePensionAdmissionAgreementResult' },
    },
    args: { input: t.arg({ type: SaveInput }) },
    resolve: async (_root, { input }, ctx) => {
      const programmeId = decodeId(input.programmeId, 'Programme', 'programmeId');
      const current = (await agreementsByProgrammeIds(ctx.db, [programmeId]))[0];
      return auditedWrite(
        ctx,
        {
          operation: 'savePensionAdmissionAgreement',
          entityType: 'PensionAdmissionAgreement',
          table: 'pension_admission_agreement',
          id: current ? () => current.id : null,
        },
        (db) =>
          saveAgreement(
            db,
            { ...input, programmeId, expectedVersion: input.expectedVersion ?? null },
            { now: ctx.clock.now(), today: ctx.today },
          ),
      );
    },
  }),
);
