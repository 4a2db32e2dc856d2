import type { ChecklistItem, Workstream } from '@handover/db';
import {
  CHECKLIST_STATUSES,
  OWNER_ORGS,
  WORKSTREAM_CODES,
  isChecklistItemOpen,
  isOverdue,
} from '@handover/domain';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { UserRef } from '../auth/auth.schema.ts';
import {
  EDIT_ERRORS,
  MAX_PAGE_SIZE,
  decodeId,
  groupLoader,
  withTotalCount,
} from '../common/common.schema.ts';
import { OrganisationRef, ProgrammeRef } from '../programme/programme.schema.ts';
import { ServiceRef } from '../service/service.schema.ts';
import {
  CHECKLIST_SORTS,
  checklistItemsByIds,
  checklistItemsByServiceIds,
  checklistItemsByWorkstreamIds,
  countChecklistItems,
  dependenciesOf,
  dependentsOf,
  listChecklistItems,
  planItemsByProgrammeIds,
  workstreamsByIds,
  workstreamsByProgrammeIds,
  type ChecklistFilter,
} from './checklist.repository.ts';
import {
  addChecklistDependency,
  blockingChainOf,
  removeChecklistDependency,
  updateChecklistItem,
} from './checklist.service.ts';
import {
  assertMayEditRow,
  assertMayOwn,
  fieldsGiven,
  viewerCanEdit,
  viewerEditableFields,
} from '../user/user.service.ts';

export const WorkstreamCodeEnum = builder.enumType('WorkstreamCode', { values: WORKSTREAM_CODES });
export const ChecklistStatusEnum = builder.enumType('ChecklistStatus', {
  values: CHECKLIST_STATUSES,
  description: 'COMPLETE, NOT_APPLICABLE and DEFERRED_POST_GO_LIVE close an item; the rest are open.',
});
export const OwnerOrgEnum = builder.enumType('OwnerOrg', { values: OWNER_ORGS });
const ChecklistSortEnum = builder.enumType('ChecklistItemSort', { values: CHECKLIST_SORTS });

export const WorkstreamRef = builder.loadableNode('Workstream', {
  description: 'One of the seventeen strands of a transfer programme (HR and TUPE, ICT and data, ...).',
  id: { resolve: (w: Workstream) => w.id },
  load: (ids: string[], ctx) => workstreamsByIds(ctx.db, ids),
  sort: (w) => w.id,
  fields: (t) => ({
    code: t.field({ type: WorkstreamCodeEnum, resolve: (w) => w.code }),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    programme: t.field({ type: ProgrammeRef, resolve: (w) => w.programme_id }),
    leadOrganisation: t.field({
      type: OrganisationRef,
      nullable: true,
      resolve: (w) => w.lead_organisation_id,
    }),
    lead: t.field({ type: UserRef, nullable: true, resolve: (w) => w.lead_user_id }),
    version: t.exposeInt('version'),
  }),
});

export const ChecklistItemRef = builder.loadableNode('ChecklistItem', {
  description:
    'Something that must be done for the transfer, owned, dated, and perhaps depending on other items.',
  id: { resolve: (i: ChecklistItem) => i.id },
  load: (ids: string[], ctx) => checklistItemsByIds(ctx.db, ids),
  sort: (i) => i.id,
  fields: (t) => ({
    ref: t.exposeString('ref', { description: 'A short reference, e.g. HR-012.' }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    workstream: t.field({ type: WorkstreamRef, resolve: (i) => i.workstream_id }),
    service: t.field({ type: ServiceRef, nullable: true, resolve: (i) => i.service_id }),
    programme: t.field({ type: ProgrammeRef, resolve: (i) => i.programme_id }),
    ownerOrg: t.field({ type: OwnerOrgEnum, resolve: (i) => i.owner_org }),
    owner: t.field({ type: UserRef, nullable: true, resolve: (i) => i.owner_user_id }),
    dueDate: t.expose('due_date', { type: 'Date', nullable: true }),
    forecastDate: t.expose('forecast_date', {
      type: 'Date',
      nullable: true,
      description:
        'When it is now expected to finish, if that differs from its due date; the critical path holds it to this.',
    }),
    dayOneCritical: t.exposeBoolean('day_one_critical', {
      description: 'Without it the transferee cannot operate safely on day one.',
    }),
    status: t.field({ type: ChecklistStatusEnum, resolve: (i) => i.status }),
    open: t.boolean({ resolve: (i) => isChecklistItemOpen(i.status) }),
    overdue: t.boolean({
      description: 'Open and past its due date (UK calendar).',
      resolve: (i, _args, ctx) => isOverdue({ status: i.status, dueDate: i.due_date }, ctx.today),
    }),
    evidence: t.exposeStringList('evidence', {
      description: 'Links or references to the evidence that it is done.',
    }),
    durationDays: t.exposeInt('duration_days', {
      description: 'Expected effort in days, for the critical path.',
    }),
    signOffRole: t.exposeString('sign_off_role', {
      nullable: true,
      description:
        'The accountable role that signs it off ("DCS", "s151 officer"): a title, not a sign-in role.',
    }),
    templateKey: t.exposeString('template_key', {
      nullable: true,
      description: 'The template it was made from, if any.',
    }),
    templateVersion: t.exposeInt('template_version', { nullable: true }),
    templateItemKey: t.exposeString('template_item_key', {
      nullable: true,
      description: 'The key of the template item it was made from.',
    }),
    version: t.exposeInt('version'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    viewerCanEdit: t.boolean({
      description:
        'Whether you may change anything about it: an ADMIN, a lead of its workstream, or its owner (see viewerEditableFields).',
      resolve: (i, _args, ctx) =>
        viewerCanEdit(ctx, 'CHECKLIST_ITEM', { workstreamId: i.workstream_id, ownerUserId: i.owner_user_id }),
    }),
    viewerEditableFields: t.stringList({
      description:
        'The fields of UpdateChecklistItemInput you may change (and "dependencies"): all of them as an ADMIN or a lead ' +
        'of its workstream; status, forecastDate and evidence as its owner; none otherwise.',
      resolve: (i, _args, ctx) =>
        viewerEditableFields(ctx, 'CHECKLIST_ITEM', {
          workstreamId: i.workstream_id,
          ownerUserId: i.owner_user_id,
        }),
    }),
  }),
});

const dependents = groupLoader(
  (ctx, ids) => dependentsOf(ctx.db, ids),
  (row) => row.dependency_id,
);

/** dependsOn and blockedBy share one fetch per level. */
const dependencies = groupLoader(
  (ctx, ids) => dependenciesOf(ctx.db, ids),
  (row) => row.dependent_id,
);

builder.objectFields(ChecklistItemRef, (t) => ({
  dependsOn: t.field({
    type: [ChecklistItemRef],
    description: 'Items that must be done first.',
    resolve: (i, _args, ctx) => dependencies(ctx).load(i.id),
  }),
  blockedBy: t.field({
    type: [ChecklistItemRef],
    description: 'The items it depends on that are still open: while any is, it cannot be complete.',
    resolve: async (i, _args, ctx) =>
      (await dependencies(ctx).load(i.id)).filter((d) => isChecklistItemOpen(d.status)),
  }),
  dependents: t.field({
    type: [ChecklistItemRef],
    description: 'Items waiting on this one.',
    resolve: (i, _args, ctx) => dependents(ctx).load(i.id),
  }),
  blockingChain: t.field({
    type: [ChecklistItemRef],
    description:
      'Every open item it waits on, directly or through other open items, in the order they can be done ' +
      '(each after what it waits on). A closed item ends a chain.',
    resolve: async (i, _args, ctx) => blockingChainOf(i.id, await programmeGraph(ctx).load(i.programme_id)),
  }),
}));

/** Each programme's whole dependency graph, one statement for every item asking. */
export const programmeGraph = groupLoader(
  (ctx, ids) => planItemsByProgrammeIds(ctx.db, ids),
  (row) => row.programme_id,
);

builder.objectFields(WorkstreamRef, (t) => ({
  checklistItems: t.loadableGroup({
    type: ChecklistItemRef,
    description: 'This workstream’s items, by due date.',
    load: (ids: string[], ctx) => checklistItemsByWorkstreamIds(ctx.db, ids),
    group: (item) => (item as { workstream_id: string }).workstream_id,
    resolve: (w) => w.id,
  }),
}));

builder.objectField(ProgrammeRef, 'workstreams', (t) =>
  t.loadableGroup({
    type: WorkstreamRef,
    load: (ids: string[], ctx) => workstreamsByProgrammeIds(ctx.db, ids),
    group: (w) => (w as { programme_id: string }).programme_id,
    resolve: (p) => p.id,
  }),
);

builder.objectField(ServiceRef, 'checklistItems', (t) =>
  t.loadableGroup({
    type: ChecklistItemRef,
    description: 'Items that belong to this service, by due date.',
    load: (ids: string[], ctx) => checklistItemsByServiceIds(ctx.db, ids),
    group: (item) => (item as { service_id: string }).service_id,
    resolve: (s) => s.id,
  }),
);

const ChecklistFilterInput = builder.inputType('ChecklistItemFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [ChecklistStatusEnum], required: false }),
    workstreamIds: t.idList({ required: false }),
    workstreamCodes: t.field({ type: [WorkstreamCodeEnum], required: false }),
    serviceIds: t.idList({ required: false }),
    ownerIds: t.idList({ required: false, description: 'Users who own the items.' }),
    noOwner: t.boolean({
      required: false,
      description:
        'true: only items with no named owner; false: only items with one. With open: true, unowned open work.',
    }),
    open: t.boolean({
      required: false,
      description:
        'true: only open items (not COMPLETE, NOT_APPLICABLE or DEFERRED_POST_GO_LIVE); false: only closed ones.',
    }),
    ownerOrgs: t.field({ type: [OwnerOrgEnum], required: false }),
    overdue: t.boolean({
      required: false,
      description: 'true: only overdue items; false: only items not overdue.',
    }),
    dayOneCritical: t.boolean({ required: false }),
    search: t.string({ required: false, description: 'Part of the title or reference, any case.' }),
  }),
});

builder.objectField(ProgrammeRef, 'checklistItems', (t) =>
  t.connection(
    {
      type: ChecklistItemRef,
      description: 'Checklist items across workstreams, filtered and sorted (by due date unless told).',
      args: {
        filter: t.arg({ type: ChecklistFilterInput, required: false }),
        sort: t.arg({ type: ChecklistSortEnum, required: false, defaultValue: 'DUE_DATE' }),
      },
      resolve: async (programme, args, ctx) => {
        const f = args.filter ?? {};
        const filter: ChecklistFilter = {
          statuses: f.statuses,
          workstreamIds: f.workstreamIds?.map((id, i) =>
            decodeId(id, 'Workstream', `filter.workstreamIds[${i}]`),
          ),
          workstreamCodes: f.workstreamCodes,
          serviceIds: f.serviceIds?.map((id, i) => decodeId(id, 'Service', `filter.serviceIds[${i}]`)),
          ownerUserIds: f.ownerIds?.map((id, i) => decodeId(id, 'User', `filter.ownerIds[${i}]`)),
          noOwner: f.noOwner,
          open: f.open,
          ownerOrgs: f.ownerOrgs,
          overdue: f.overdue,
          dayOneCritical: f.dayOneCritical,
          search: f.search,
        };
        const sort = args.sort ?? 'DUE_DATE';
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
            listChecklistItems(ctx.db, programme.id, filter, sort, ctx.today, page),
          )),
          totalCount: () => countChecklistItems(ctx.db, programme.id, filter, ctx.today),
        };
      },
    },
    withTotalCount,
  ),
);

const UpdateChecklistItemInput = builder.inputType('UpdateChecklistItemInput', {
  description: 'Give the version you read; fields left out stay as they are.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    status: t.field({ type: ChecklistStatusEnum, required: false }),
    ownerId: t.id({ required: false, description: 'The user who owns it; null clears the owner.' }),
    ownerOrg: t.field({ type: OwnerOrgEnum, required: false }),
    dueDate: t.field({ type: 'Date', required: false, description: 'null clears the due date.' }),
    forecastDate: t.field({ type: 'Date', required: false, description: 'null clears the forecast.' }),
    evidence: t.stringList({ required: false, description: 'Replaces the evidence list.' }),
    durationDays: t.int({ required: false, description: 'Expected effort in days (0 to 1000).' }),
    signOffRole: t.string({
      required: false,
      description: 'The role that signs it off; null or empty clears it.',
    }),
  }),
});

builder.mutationField('updateChecklistItem', (t) =>
  t.field({
    type: ChecklistItemRef,
    description:
      'Changes a checklist item’s status, owner, due date or evidence, unless someone changed it first.',
    authScopes: scopesFor('Mutation.updateChecklistItem'),
    errors: { types: EDIT_ERRORS, directResult: true, union: { name: 'UpdateChecklistItemResult' } },
    args: { input: t.arg({ type: UpdateChecklistItemInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateChecklistItem',
          entityType: 'ChecklistItem',
          table: 'checklist_item',
          id: () => decodeId(input.id, 'ChecklistItem', 'id'),
        },
        async (db, id) => {
          // The owner changes the owner's fields; a lead or an ADMIN any (ownership.ts of domain).
          await assertMayEditRow(db, ctx.viewer, 'checklist_item', id, fieldsGiven(input));
          const ownerUserId =
            input.ownerId === null ? null : input.ownerId && decodeId(input.ownerId, 'User', 'ownerId');
          await assertMayOwn(db, 'ownerId', ownerUserId);
          return updateChecklistItem(
            db,
            {
              id,
              expectedVersion: input.expectedVersion,
              status: input.status,
              ownerUserId,
              ownerOrg: input.ownerOrg,
              dueDate: input.dueDate,
              forecastDate: input.forecastDate,
              evidence: input.evidence,
              durationDays: input.durationDays,
              signOffRole: input.signOffRole,
            },
            ctx.clock.now(),
          );
        },
      ),
  }),
);

const ChecklistDependencyInput = builder.inputType('ChecklistDependencyInput', {
  description:
    'itemId waits on dependsOnId (any workstream of the programme). Give the version of itemId you read.',
  fields: (t) => ({
    itemId: t.id({ description: 'The item that waits.' }),
    dependsOnId: t.id({ description: 'The item it waits on.' }),
    expectedVersion: t.int(),
  }),
});

function dependencyMutation(
  name: 'addChecklistDependency' | 'removeChecklistDependency',
  description: string,
  change: typeof addChecklistDependency,
) {
  builder.mutationField(name, (t) =>
    t.field({
      type: ChecklistItemRef,
      description,
      authScopes: scopesFor(`Mutation.${name}`),
      errors: {
        types: EDIT_ERRORS,
        directResult: true,
        union: { name: `${name[0]!.toUpperCase()}${name.slice(1)}Result` },
      },
      args: { input: t.arg({ type: ChecklistDependencyInput }) },
      resolve: (_root, { input }, ctx) =>
        auditedWrite(
          ctx,
          {
            operation: name,
            entityType: 'ChecklistItem',
            table: 'checklist_item',
            id: () => decodeId(input.itemId, 'ChecklistItem', 'itemId'),
          },
          async (db, id) => {
            await assertMayEditRow(db, ctx.viewer, 'checklist_item', id, ['dependencies']);
            return change(
              db,
              {
                itemId: id,
                dependsOnId: decodeId(input.dependsOnId, 'ChecklistItem', 'dependsOnId'),
                expectedVersion: input.expectedVersion,
              },
              ctx.clock.now(),
            );
          },
        ),
    }),
  );
}

dependencyMutation(
  'addChecklistDependency',
  'Makes an item wait on another, refusing (and naming) a dependency that would make a cycle.',
  addChecklistDependency,
);
dependencyMutation(
  'removeChecklistDependency',
  'Stops an item waiting on another.',
  removeChecklistDependency,
);
