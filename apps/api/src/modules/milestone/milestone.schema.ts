import type { Milestone } from '@handover/db';
import { RAGS, addCalendarDays } from '@handover/domain';
import { ValidationError } from '../../schema/errors.ts';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { scopesFor } from '../../access/scopes.ts';
import { PARTNER, builder } from '../../schema/builder.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import {
  assertMayEditRow,
  assertMayOwn,
  fieldsGiven,
  viewerCanEdit,
  viewerEditableFields,
} from '../user/user.service.ts';
import { UserRef } from '../auth/auth.schema.ts';
import { WorkstreamRef } from '../checklist/checklist.schema.ts';
import { MAX_PAGE_SIZE, EDIT_ERRORS, decodeId, withTotalCount } from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { ServiceRef } from '../service/service.schema.ts';
import {
  countMilestones,
  listMilestones,
  milestonesByIds,
  milestonesByServiceIds,
  type MilestoneFilter,
} from './milestone.repository.ts';
import { slippageDays, updateMilestone } from './milestone.service.ts';

export const RagEnum = builder.enumType('Rag', {
  values: RAGS,
  subGraphs: PARTNER,
  description: 'RED will miss; AMBER at risk; GREEN on track; BLUE complete; GREY not started or not due.',
});

export const MilestoneRef = builder.loadableNode('Milestone', {
  subGraphs: PARTNER,
  id: { resolve: (m: Milestone) => m.id },
  load: (ids: string[], ctx) => milestonesByIds(ctx.db, ids),
  sort: (m) => m.id,
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    programme: t.field({ type: ProgrammeRef, resolve: (m) => m.programme_id }),
    workstream: t.field({ type: WorkstreamRef, nullable: true, resolve: (m) => m.workstream_id }),
    service: t.field({ type: ServiceRef, nullable: true, resolve: (m) => m.service_id }),
    plannedDate: t.expose('baseline_date', {
      type: 'Date',
      description:
        'The date planned for it when it was set. (A "baseline" is only a saved plan baseline: Programme.baselines.)',
    }),
    forecastDate: t.expose('forecast_date', { type: 'Date', nullable: true }),
    actualDate: t.expose('actual_date', { type: 'Date', nullable: true }),
    slippageDays: t.int({
      nullable: true,
      description:
        'Days later than its planned date (actual, else forecast); negative when early; null with neither.',
      resolve: (m) => slippageDays(m),
    }),
    rag: t.field({ type: RagEnum, resolve: (m) => m.rag }),
    critical: t.exposeBoolean('critical'),
    owner: t.field({
      type: UserRef,
      nullable: true,
      // A user is not in the partner schema.
      subGraphs: [],
      description: 'Who owns it: they update its forecast, actual date and RAG.',
      resolve: (m) => m.owner_user_id,
    }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    viewerCanEdit: t.boolean({
      // Partners change nothing: the question is not in their schema.
      subGraphs: [],
      description:
        'Whether you may change anything about it: an ADMIN, a lead of its workstream, or its owner (see viewerEditableFields).',
      resolve: (m, _args, ctx) =>
        viewerCanEdit(ctx, 'MILESTONE', { workstreamId: m.workstream_id, ownerUserId: m.owner_user_id }),
    }),
    viewerEditableFields: t.stringList({
      subGraphs: [],
      description:
        'The fields of UpdateMilestoneInput you may change: all of them as an ADMIN or a lead of its workstream; ' +
        'forecastDate, actualDate and rag as its owner; none otherwise.',
      resolve: (m, _args, ctx) =>
        viewerEditableFields(ctx, 'MILESTONE', { workstreamId: m.workstream_id, ownerUserId: m.owner_user_id }),
    }),
  }),
});

const MilestoneFilterInput = builder.inputType('MilestoneFilter', {
  subGraphs: PARTNER,
  fields: (t) => ({
    critical: t.boolean({ required: false }),
    rags: t.field({ type: [RagEnum], required: false }),
    serviceIds: t.idList({ required: false }),
    from: t.field({
      type: 'Date',
      required: false,
      description: 'Due (actual, else forecast, else planned date) on or after.',
    }),
    to: t.field({ type: 'Date', required: false, description: 'Due on or before.' }),
    achieved: t.boolean({ required: false, description: 'true: achieved (actual date set); false: still to come.' }),
    dueWithinDays: t.int({
      required: false,
      description: 'Due from today to this many days ahead (UK calendar); combines with from/to as the narrower range.',
    }),
  }),
});

builder.objectField(ProgrammeRef, 'milestones', (t) =>
  t.connection(
    {
      type: MilestoneRef,
      description: 'Milestones by planned date.',
      args: { filter: t.arg({ type: MilestoneFilterInput, required: false }) },
      resolve: async (programme, args, ctx) => {
        const f = args.filter ?? {};
        if (typeof f.dueWithinDays === 'number' && (f.dueWithinDays < 0 || f.dueWithinDays > 3660)) {
          throw new ValidationError('filter.dueWithinDays', 'must be from 0 to 3660 days');
        }
        const horizon = typeof f.dueWithinDays === 'number' ? addCalendarDays(ctx.today, f.dueWithinDays) : null;
        const filter: MilestoneFilter = {
          critical: f.critical,
          rags: f.rags,
          achieved: f.achieved,
          from: horizon && (!f.from || f.from < ctx.today) ? ctx.today : f.from,
          to: horizon && (!f.to || f.to > horizon) ? horizon : f.to,
          serviceIds: f.serviceIds?.map((id, i) => decodeId(id, 'Service', `filter.serviceIds[${i}]`)),
        };
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
            listMilestones(ctx.db, programme.id, filter, page),
          )),
          totalCount: () => countMilestones(ctx.db, programme.id, filter),
        };
      },
    },
    { ...withTotalCount, subGraphs: PARTNER },
    { subGraphs: PARTNER },
  ),
);

builder.objectField(ServiceRef, 'milestones', (t) =>
  t.loadableGroup({
    type: MilestoneRef,
    load: (ids: string[], ctx) => milestonesByServiceIds(ctx.db, ids),
    group: (m) => (m as Milestone).service_id!,
    resolve: (s) => s.id,
  }),
);

const UpdateMilestoneInput = builder.inputType('UpdateMilestoneInput', {
  description:
    'Give the version you read; fields left out stay as they are. Setting actualDate makes it BLUE, clearing it ' +
    'AMBER, unless rag is given.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    forecastDate: t.field({ type: 'Date', required: false }),
    actualDate: t.field({ type: 'Date', required: false }),
    rag: t.field({ type: RagEnum, required: false }),
    ownerId: t.id({
      required: false,
      description: 'The user who owns it (not a VIEWER); null clears the owner. A lead’s or an ADMIN’s change.',
    }),
  }),
});

builder.mutationField('updateMilestone', (t) =>
  t.field({
    type: MilestoneRef,
    authScopes: scopesFor('Mutation.updateMilestone'),
    errors: { types: EDIT_ERRORS, directResult: true, union: { name: 'UpdateMilestoneResult' } },
    args: { input: t.arg({ type: UpdateMilestoneInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateMilestone',
          entityType: 'Milestone',
          table: 'milestone',
          id: () => decodeId(input.id, 'Milestone', 'id'),
        },
        async (db, id) => {
          // The owner changes the owner's fields; a lead or an ADMIN any (ownership.ts of domain).
          await assertMayEditRow(db, ctx.viewer, 'milestone', id, fieldsGiven(input));
          const ownerUserId =
            input.ownerId === null ? null : input.ownerId && decodeId(input.ownerId, 'User', 'ownerId');
          await assertMayOwn(db, 'ownerId', ownerUserId);
          return updateMilestone(
            db,
            {
              id,
              expectedVersion: input.expectedVersion,
              forecastDate: input.forecastDate,
              actualDate: input.actualDate,
              rag: input.rag,
              ownerUserId,
            },
            ctx.clock.now(),
            ctx.today,
          );
        },
      ),
  }),
);
