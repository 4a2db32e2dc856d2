import type { Service, Team } from '@handover/db';
import { SERVICE_DISPOSITIONS, SERVICE_TRANSFER_STATUSES } from '@handover/domain';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { PARTNER, builder } from '../../schema/builder.ts';
import { MAX_PAGE_SIZE, withTotalCount } from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import {
  countServices,
  listServices,
  servicesByIds,
  teamsByIds,
  teamsByServiceIds,
} from './service.repository.ts';

export const DispositionEnum = builder.enumType('ServiceDisposition', {
  values: SERVICE_DISPOSITIONS,
  subGraphs: PARTNER,
  description:
    'Whether a service moves to the transferee, stays with the council, varies, or is hosted regionally.',
});
export const TransferStatusEnum = builder.enumType('ServiceTransferStatus', {
  values: SERVICE_TRANSFER_STATUSES,
  subGraphs: PARTNER,
});

export const ServiceRef = builder.loadableNode('Service', {
  subGraphs: PARTNER,
  description:
    'A service in the catalogue (the front door, fostering, youth justice...), with its disposition.',
  id: { resolve: (s: Service) => s.id },
  load: (ids: string[], ctx) => servicesByIds(ctx.db, ids),
  sort: (s) => s.id,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'A stable short name, unique in the programme.' }),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    disposition: t.field({ type: DispositionEnum, resolve: (s) => s.disposition }),
    transferStatus: t.field({ type: TransferStatusEnum, resolve: (s) => s.transfer_status }),
    shadowDate: t.expose('shadow_date', { type: 'Date', nullable: true }),
    goLiveDate: t.expose('go_live_date', { type: 'Date', nullable: true }),
    programme: t.field({ type: ProgrammeRef, resolve: (s) => s.programme_id }),
    version: t.exposeInt('version'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
  }),
});

export const TeamRef = builder.loadableNode('Team', {
  subGraphs: PARTNER,
  id: { resolve: (t: Team) => t.id },
  load: (ids: string[], ctx) => teamsByIds(ctx.db, ids),
  sort: (t) => t.id,
  fields: (t) => ({
    name: t.exposeString('name'),
    service: t.field({ type: ServiceRef, resolve: (team) => team.service_id }),
    version: t.exposeInt('version'),
  }),
});

builder.objectFields(ServiceRef, (t) => ({
  teams: t.loadableGroup({
    type: TeamRef,
    load: (ids: string[], ctx) => teamsByServiceIds(ctx.db, ids),
    group: (team) => (team as { service_id: string }).service_id,
    resolve: (s) => s.id,
  }),
}));

const ServiceFilterInput = builder.inputType('ServiceFilter', {
  subGraphs: PARTNER,
  fields: (t) => ({
    dispositions: t.field({ type: [DispositionEnum], required: false }),
    transferStatuses: t.field({ type: [TransferStatusEnum], required: false }),
    search: t.string({ required: false, description: 'Part of the service name, any case.' }),
  }),
});

builder.objectField(ProgrammeRef, 'services', (t) =>
  t.connection(
    {
      type: ServiceRef,
      description: 'The service catalogue, by name.',
      args: { filter: t.arg({ type: ServiceFilterInput, required: false }) },
      resolve: async (programme, args, ctx) => {
        const filter = args.filter ?? {};
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
            listServices(ctx.db, programme.id, filter, page),
          )),
          totalCount: () => countServices(ctx.db, programme.id, filter),
        };
      },
    },
    { ...withTotalCount, subGraphs: PARTNER },
    { subGraphs: PARTNER },
  ),
);
