import type { Organisation, Programme } from '@handover/db';
import {
  ORGANISATION_TYPES,
  PROGRAMME_STATUSES,
  RISK_BANDS,
  calendarDaysBetween,
  eliDueDate,
  londonDate,
  type RiskBandRange,
} from '@handover/domain';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { PARTNER, builder } from '../../schema/builder.ts';
import { MAX_PAGE_SIZE, decodeId, groupLoader, withTotalCount } from '../common/common.schema.ts';
import {
  countProgrammes,
  listProgrammes,
  organisationsByIds,
  organisationsByProgrammeIds,
  programmesByIds,
} from './programme.repository.ts';

export const OrganisationTypeEnum = builder.enumType('OrganisationType', {
  values: ORGANISATION_TYPES,
  subGraphs: PARTNER,
});
export const ProgrammeStatusEnum = builder.enumType('ProgrammeStatus', {
  values: PROGRAMME_STATUSES,
  subGraphs: PARTNER,
});
export const RiskBandEnum = builder.enumType('RiskBand', { values: RISK_BANDS });

export const OrganisationRef = builder.loadableNode('Organisation', {
  subGraphs: PARTNER,
  description: 'A council, trust, agency, provider or other body taking part in a transfer.',
  id: { resolve: (o: Organisation) => o.id },
  load: (ids: string[], ctx) => organisationsByIds(ctx.db, ids),
  sort: (o) => o.id,
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.field({ type: OrganisationTypeEnum, resolve: (o) => o.type }),
    laCode: t.exposeString('la_code', { nullable: true, description: 'DfE local authority code.' }),
    onsCode: t.exposeString('ons_code', { nullable: true }),
  }),
});

const RiskBandRangeRef = builder.objectRef<RiskBandRange>('RiskBandRange').implement({
  description: 'Scores from `min` to `max` (likelihood x impact, 1-25) fall in `band`.',
  fields: (t) => ({
    band: t.field({ type: RiskBandEnum, resolve: (b) => b.band }),
    min: t.exposeInt('min'),
    max: t.exposeInt('max'),
  }),
});

const programmeOrganisations = groupLoader(
  (ctx, ids) => organisationsByProgrammeIds(ctx.db, ids),
  (row) => row.programme_id,
);

export const ProgrammeRef = builder.loadableNode('Programme', {
  subGraphs: PARTNER,
  description: 'A transfer of services and staff from one organisation (transferor) to another (transferee).',
  id: { resolve: (p: Programme) => p.id },
  load: (ids: string[], ctx) => programmesByIds(ctx.db, ids),
  sort: (p) => p.id,
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    status: t.field({ type: ProgrammeStatusEnum, resolve: (p) => p.status }),
    transferAt: t.expose('transfer_at', {
      type: 'DateTime',
      description: 'The instant the transfer takes effect (00:00 UK time on the transfer date).',
    }),
    transferDate: t.field({
      type: 'Date',
      description: 'The transfer date in the UK calendar.',
      resolve: (p) => londonDate(p.transfer_at),
    }),
    daysToTransfer: t.int({
      description: 'Calendar days from today (UK) to the transfer date: 0 on the day, negative after it.',
      resolve: (p, _args, ctx) => calendarDaysBetween(ctx.today, londonDate(p.transfer_at)),
    }),
    eliDueDate: t.field({
      type: 'Date',
      description: 'Last day for employee liability information: 28 days before the transfer (TUPE reg 11).',
      resolve: (p) => eliDueDate(p.transfer_at),
    }),
    transferor: t.field({ type: OrganisationRef, resolve: (p) => p.transferor_id }),
    transferee: t.field({ type: OrganisationRef, resolve: (p) => p.transferee_id }),
    organisations: t.field({
      type: [OrganisationRef],
      description: 'Every organisation taking part, by name.',
      resolve: (p, _args, ctx) => programmeOrganisations(ctx).load(p.id),
    }),
    riskBands: t.field({
      type: [RiskBandRangeRef],
      description: 'How this programme bands risk scores.',
      resolve: (p) => p.risk_bands,
    }),
    version: t.exposeInt('version'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  today: t.field({
    type: 'Date',
    description: 'Today in the UK calendar, as the API counts it (overdue, days to transfer).',
    resolve: (_root, _args, ctx) => ctx.today,
  }),
  programmes: t.connection(
    {
      type: ProgrammeRef,
      description: 'Every programme in this Handover, by transfer date.',
      resolve: async (_root, args, ctx) => ({
        ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
          listProgrammes(ctx.db, page),
        )),
        totalCount: () => countProgrammes(ctx.db),
      }),
    },
    { ...withTotalCount, subGraphs: PARTNER },
    { subGraphs: PARTNER },
  ),
  programme: t.field({
    type: ProgrammeRef,
    nullable: true,
    args: { id: t.arg.id() },
    resolve: (_root, args) => decodeId(args.id, 'Programme', 'id'),
  }),
}));
