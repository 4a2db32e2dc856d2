import type { Service, Team } from '@handover/db';
import {
  SERVICE_DISPOSITIONS,
  SERVICE_STATUS_RULE,
  SERVICE_TRANSFER_STATUSES,
  serviceStatusContradiction,
} from '@handover/domain';
import { scopesFor } from '../../access/scopes.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { PARTNER, builder } from '../../schema/builder.ts';
import {
  MAX_PAGE_SIZE,
  UPDATE_ERRORS,
  decodeId,
  groupLoader,
  withTotalCount,
} from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { updateServiceStatus } from './service.service.ts';
import {
  countServices,
  listServices,
  openDayOneCriticalByServiceIds,
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
  description: SERVICE_STATUS_RULE,
});

/** Each service's day-one critical items still open, by ref: one statement for every service asked. */
const openCritical = groupLoader(
  (ctx, ids) => openDayOneCriticalByServiceIds(ctx.db, ids),
  (r) => r.service_id,
);

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
    statusContradiction: t.string({
      nullable: true,
      description:
        'Where the recorded transfer status contradicts the facts, what is wrong (e.g. READY while day-one critical ' +
        'items are open, named for staff, counted for partners); null when it holds.',
      resolve: async (s, _args, ctx) => {
        const open = await openCritical(ctx).load(s.id);
        const text = serviceStatusContradiction(s.transfer_status, {
          disposition: s.disposition,
          openDayOneCritical: open,
        });
        // Partners do not read checklist items: they are told how many, not which.
        if (text && ctx.viewer?.kind === 'partner' && s.transfer_status === 'READY') {
          return `Recorded as ready, but ${open.length} day-one critical ${open.length === 1 ? 'item is' : 'items are'} open.`;
        }
        return text;
      },
    }),
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

const UpdateServiceStatusInput = builder.inputType('UpdateServiceStatusInput', {
  description: 'Give the version you read. ' + SERVICE_STATUS_RULE,
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    status: t.field({ type: TransferStatusEnum }),
  }),
});

builder.mutationField('updateServiceStatus', (t) =>
  t.field({
    type: ServiceRef,
    description:
      'Records a service’s transfer status. Refused (ValidationError on status) where the rules do not allow it: ' +
      'READY while a day-one critical item is open (naming the items), TRANSFERRED (the transfer run’s alone), ' +
      'RETAINED for a service that transfers, or a move the transitions do not allow.',
    authScopes: scopesFor('Mutation.updateServiceStatus'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'UpdateServiceStatusResult' } },
    args: { input: t.arg({ type: UpdateServiceStatusInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateServiceStatus',
          entityType: 'Service',
          table: 'service',
          id: () => decodeId(input.id, 'Service', 'id'),
        },
        (db, id) =>
          updateServiceStatus(
            db,
            { id, expectedVersion: input.expectedVersion, status: input.status },
            ctx.clock.now(),
          ),
      ),
  }),
);
