import type { RaidItem } from '@handover/db';
import {
  RAID_RESPONSES,
  RAID_STATUSES,
  RAID_TYPES,
  HEAT_MAP_RAID_TYPES,
  HEAT_MAP_RULE,
  OPEN_RAID_STATUSES,
  bandRange,
  isRaidItemOpen,
  isValidRating,
  riskBand,
  riskHeatMap,
  riskScore,
  type RaidStatus,
  type RaidType,
  type RiskBand,
  type RiskBandRange,
  type RiskHeatMap,
  type RiskHeatMapCell,
  type RiskScoreInput,
} from '@handover/domain';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { scopesFor } from '../../access/scopes.ts';
import { builder, type BuilderTypes } from '../../schema/builder.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { UserRef } from '../auth/auth.schema.ts';
import { WorkstreamRef } from '../checklist/checklist.schema.ts';
import {
  EDIT_ERRORS,
  IDEMPOTENCY_KEY_ARG,
  MAX_PAGE_SIZE,
  decodeId,
  withTotalCount,
} from '../common/common.schema.ts';
import { OrganisationRef, ProgrammeRef, RiskBandEnum } from '../programme/programme.schema.ts';
import {
  countRaidItems,
  heatMapRows,
  listRaidItems,
  raidItemsByIds,
  type RaidFilter,
} from './raid.repository.ts';
import { closeRaidItem, createRaidItem, updateRaidItem } from './raid.service.ts';
import {
  assertMayEditRow,
  assertMayEditWorkstream,
  assertMayOwn,
  fieldsGiven,
  viewerCanEdit,
  viewerEditableFields,
} from '../user/user.service.ts';

export const RaidTypeEnum = builder.enumType('RaidType', { values: RAID_TYPES });
export const RaidStatusEnum = builder.enumType('RaidStatus', { values: RAID_STATUSES });
export const RaidResponseEnum = builder.enumType('RaidResponse', { values: RAID_RESPONSES });

interface ScoreShape extends RiskScoreInput {
  programmeId: string;
}

const RiskScoreRef = builder.objectRef<ScoreShape>('RiskScore').implement({
  description: 'Likelihood (1-5) x impact (1-5), banded by the programme’s banding.',
  fields: (t) => ({
    likelihood: t.exposeInt('likelihood'),
    impact: t.exposeInt('impact'),
    score: t.int({ resolve: (s) => riskScore(s) }),
    band: t.field({
      type: RiskBandEnum,
      resolve: async (s, _args, ctx) => {
        const programme = await ProgrammeRef.getDataloader(ctx).load(s.programmeId);
        return riskBand(riskScore(s), programme.risk_bands);
      },
    }),
  }),
});

const scoreOf = (item: RaidItem, kind: 'inherent' | 'residual' | 'target'): ScoreShape | null => {
  const likelihood = item[`${kind}_likelihood`];
  const impact = item[`${kind}_impact`];
  return likelihood === null || impact === null
    ? null
    : { likelihood, impact, programmeId: item.programme_id };
};

export const RaidItemRef = builder.loadableNode('RaidItem', {
  description: 'An entry in the RAID log: a risk, assumption, issue, dependency, decision or action.',
  id: { resolve: (r: RaidItem) => r.id },
  load: (ids: string[], ctx) => raidItemsByIds(ctx.db, ids),
  sort: (r) => r.id,
  fields: (t) => ({
    ref: t.exposeString('ref', { description: 'e.g. R-007 for a risk, I-002 for an issue.' }),
    type: t.field({ type: RaidTypeEnum, resolve: (r) => r.type }),
    title: t.exposeString('title'),
    statement: t.exposeString('statement'),
    programme: t.field({ type: ProgrammeRef, resolve: (r) => r.programme_id }),
    workstream: t.field({ type: WorkstreamRef, nullable: true, resolve: (r) => r.workstream_id }),
    ownerOrganisation: t.field({
      type: OrganisationRef,
      nullable: true,
      resolve: (r) => r.owner_organisation_id,
    }),
    owner: t.field({ type: UserRef, nullable: true, resolve: (r) => r.owner_user_id }),
    status: t.field({ type: RaidStatusEnum, resolve: (r) => r.status }),
    response: t.field({ type: RaidResponseEnum, nullable: true, resolve: (r) => r.response }),
    responsePlan: t.exposeString('response_plan'),
    dueDate: t.expose('due_date', { type: 'Date', nullable: true }),
    inherent: t.field({ type: RiskScoreRef, nullable: true, resolve: (r) => scoreOf(r, 'inherent') }),
    residual: t.field({ type: RiskScoreRef, nullable: true, resolve: (r) => scoreOf(r, 'residual') }),
    target: t.field({ type: RiskScoreRef, nullable: true, resolve: (r) => scoreOf(r, 'target') }),
    current: t.field({
      type: RiskScoreRef,
      nullable: true,
      description: 'The score that bands the item: residual when assessed, else inherent.',
      resolve: (r) => scoreOf(r, 'residual') ?? scoreOf(r, 'inherent'),
    }),
    closedAt: t.expose('closed_at', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    viewerCanEdit: t.boolean({
      description:
        'Whether you may change anything about it: an ADMIN, a lead of its workstream, or its owner (see viewerEditableFields).',
      resolve: (r, _args, ctx) =>
        viewerCanEdit(ctx, 'RAID_ITEM', { workstreamId: r.workstream_id, ownerUserId: r.owner_user_id }),
    }),
    viewerEditableFields: t.stringList({
      description:
        'The fields of UpdateRaidItemInput you may change: all of them as an ADMIN or a lead of its workstream; ' +
        'status, response and responsePlan (and closing it) as its owner; none otherwise.',
      resolve: (r, _args, ctx) =>
        viewerEditableFields(ctx, 'RAID_ITEM', {
          workstreamId: r.workstream_id,
          ownerUserId: r.owner_user_id,
        }),
    }),
  }),
});

const RaidFilterInput = builder.inputType('RaidItemFilter', {
  fields: (t) => ({
    types: t.field({ type: [RaidTypeEnum], required: false }),
    statuses: t.field({ type: [RaidStatusEnum], required: false }),
    bands: t.field({ type: [RiskBandEnum], required: false, description: 'By the current score’s band.' }),
    workstreamIds: t.idList({ required: false }),
    search: t.string({ required: false }),
    likelihood: t.int({
      required: false,
      description: 'By the current rating’s likelihood (1-5): with impact, one cell of the heat map.',
    }),
    impact: t.int({ required: false, description: 'By the current rating’s impact (1-5).' }),
  }),
});

type RaidFilterArgs = {
  types?: readonly RaidType[] | null;
  statuses?: readonly RaidStatus[] | null;
  bands?: readonly RiskBand[] | null;
  workstreamIds?: readonly (string | number)[] | null;
  search?: string | null;
  likelihood?: number | null;
  impact?: number | null;
};

/** The API's RaidItemFilter as the repository's, checked: a rating outside 1-5 is refused, naming it. */
function toRaidFilter(f: RaidFilterArgs, programme: { risk_bands: readonly RiskBandRange[] }): RaidFilter {
  for (const field of ['likelihood', 'impact'] as const) {
    const v = f[field];
    if (typeof v === 'number' && !isValidRating(v)) {
      throw new ValidationError(`filter.${field}`, 'must be a whole number from 1 to 5');
    }
  }
  return {
    types: f.types,
    statuses: f.statuses,
    search: f.search,
    likelihood: f.likelihood,
    impact: f.impact,
    workstreamIds: f.workstreamIds?.map((id, i) =>
      decodeId(String(id), 'Workstream', `filter.workstreamIds[${i}]`),
    ),
    bandRanges: f.bands?.length
      ? f.bands.flatMap((b: RiskBand) => bandRange(b, programme.risk_bands) ?? [])
      : null,
  };
}

builder.objectField(ProgrammeRef, 'raidItems', (t) =>
  t.connection(
    {
      type: RaidItemRef,
      description: 'The RAID log, highest current score first.',
      args: { filter: t.arg({ type: RaidFilterInput, required: false }) },
      resolve: async (programme, args, ctx) => {
        const filter = toRaidFilter(args.filter ?? {}, programme);
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
            listRaidItems(ctx.db, programme.id, filter, page),
          )),
          totalCount: () => countRaidItems(ctx.db, programme.id, filter),
        };
      },
    },
    withTotalCount,
  ),
);

const RiskHeatMapCellRef = builder.objectRef<RiskHeatMapCell>('RiskHeatMapCell').implement({
  description: 'One cell of the 5x5 heat map: the open risks and issues whose current rating is this.',
  fields: (t) => ({
    likelihood: t.exposeInt('likelihood'),
    impact: t.exposeInt('impact'),
    score: t.exposeInt('score'),
    band: t.field({ type: RiskBandEnum, resolve: (c) => c.band }),
    count: t.exposeInt('count'),
  }),
});

type HeatMapShape = RiskHeatMap & { programmeId: string; filter: RaidFilter | null };

const RiskHeatMapRef = builder.objectRef<HeatMapShape>('RiskHeatMap').implement({
  description: HEAT_MAP_RULE,
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Open risks and issues counted, scored or not.' }),
    unscored: t.exposeInt('unscored', { description: 'Of those, how many have no score yet (in no cell).' }),
    types: t.field({
      type: [RaidTypeEnum],
      description: 'The RAID types it counts (to list what a cell counts: raidItems with these types).',
      resolve: () => [...HEAT_MAP_RAID_TYPES],
    }),
    statuses: t.field({
      type: [RaidStatusEnum],
      description: 'The statuses that count as open.',
      resolve: () => [...OPEN_RAID_STATUSES],
    }),
    rule: t.string({ description: 'What it counts, in a sentence.', resolve: () => HEAT_MAP_RULE }),
    cells: t.field({
      type: [RiskHeatMapCellRef],
      description: '25 cells: likelihood 5 (almost certain) first, then impact 1 to 5 within each.',
      resolve: (m) => m.cells,
    }),
    top: t.field({
      type: [RaidItemRef],
      description: 'The items it counts with the highest current scores (then by reference), at most `first`.',
      args: { first: t.arg.int({ required: false, defaultValue: 5 }) },
      resolve: (m, args, ctx) => {
        const first = args.first ?? 5;
        if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
          throw new ValidationError('first', `must be from 0 to ${MAX_PAGE_SIZE}`);
        }
        return m.filter && first > 0
          ? listRaidItems(ctx.db, m.programmeId, m.filter, { limit: first, offset: 0 })
          : [];
      },
    }),
  }),
});

builder.objectField(ProgrammeRef, 'riskHeatMap', (t) =>
  t.field({
    type: RiskHeatMapRef,
    authScopes: scopesFor('Programme.riskHeatMap'),
    description:
      'The risk heat map: ' +
      HEAT_MAP_RULE +
      ' A filter narrows it further (its types and statuses only within those the map counts).',
    args: { filter: t.arg({ type: RaidFilterInput, required: false }) },
    resolve: async (programme, args, ctx) => {
      const filter = toRaidFilter(args.filter ?? {}, programme);
      const types = (filter.types?.length ? filter.types : HEAT_MAP_RAID_TYPES).filter((x) =>
        (HEAT_MAP_RAID_TYPES as readonly RaidType[]).includes(x),
      );
      const statuses = (filter.statuses?.length ? filter.statuses : OPEN_RAID_STATUSES).filter(isRaidItemOpen);
      // A filter that leaves no type or status the map counts: an empty map (not an unfiltered one).
      const counted = types.length && statuses.length ? { ...filter, types, statuses } : null;
      const rows = counted ? await heatMapRows(ctx.db, programme.id, counted) : [];
      const map = riskHeatMap(
        rows.map((r) => ({
          type: r.type,
          status: r.status,
          inherent:
            r.inherent_likelihood === null || r.inherent_impact === null
              ? null
              : { likelihood: r.inherent_likelihood, impact: r.inherent_impact },
          residual:
            r.residual_likelihood === null || r.residual_impact === null
              ? null
              : { likelihood: r.residual_likelihood, impact: r.residual_impact },
        })),
        programme.risk_bands,
      );
      return { ...map, programmeId: programme.id, filter: counted };
    },
  }),
);

const RiskScoreInputRef = builder.inputType('RiskScoreInput', {
  fields: (t) => ({
    likelihood: t.int({ description: '1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain.' }),
    impact: t.int({ description: '1 insignificant ... 5 severe.' }),
  }),
});

const raidFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  workstreamId: t.id({ required: false }),
  ownerOrganisationId: t.id({ required: false }),
  ownerId: t.id({ required: false }),
  response: t.field({ type: RaidResponseEnum, required: false }),
  responsePlan: t.string({ required: false }),
  dueDate: t.field({ type: 'Date', required: false }),
  inherent: t.field({ type: RiskScoreInputRef, required: false }),
  residual: t.field({ type: RiskScoreInputRef, required: false }),
  target: t.field({ type: RiskScoreInputRef, required: false }),
});

const CreateRaidItemInput = builder.inputType('CreateRaidItemInput', {
  fields: (t) => ({
    programmeId: t.id(),
    type: t.field({ type: RaidTypeEnum }),
    title: t.string(),
    statement: t.string({
      description: 'For a risk: "There is a risk that <event> caused by <cause>, resulting in <effect>."',
    }),
    status: t.field({ type: RaidStatusEnum, required: false, description: 'OPEN unless given.' }),
    ...raidFields(t),
  }),
});

const UpdateRaidItemInput = builder.inputType('UpdateRaidItemInput', {
  description: 'Give the version you read; fields left out stay as they are; null clears an optional field.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    title: t.string({ required: false }),
    statement: t.string({ required: false }),
    status: t.field({ type: RaidStatusEnum, required: false }),
    ...raidFields(t),
  }),
});

const CloseRaidItemInput = builder.inputType('CloseRaidItemInput', {
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
  }),
});

/** Decodes an optional ID argument: undefined stays undefined (leave alone), null stays null (clear). */
function optionalId(
  value: string | null | undefined,
  typename: string,
  field: string,
): string | null | undefined {
  return value === undefined || value === null ? value : decodeId(value, typename, field);
}

builder.mutationFields((t) => ({
  createRaidItem: t.field({
    type: RaidItemRef,
    authScopes: scopesFor('Mutation.createRaidItem'),
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      directResult: true,
      union: { name: 'CreateRaidItemResult' },
    },
    args: { input: t.arg({ type: CreateRaidItemInput }), idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG) },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      auditedWrite(
        ctx,
        { operation: 'createRaidItem', entityType: 'RaidItem', table: 'raid_item', id: null, idempotencyKey },
        async (db) => {
          const workstreamId = optionalId(input.workstreamId, 'Workstream', 'workstreamId');
          // An EDITOR creates items only in the workstreams they lead.
          await assertMayEditWorkstream(db, ctx.viewer, workstreamId ?? null, 'raid_item');
          await assertMayOwn(db, 'ownerId', optionalId(input.ownerId, 'User', 'ownerId'));
          return createRaidItem(
            db,
            {
              ...input,
              programmeId: decodeId(input.programmeId, 'Programme', 'programmeId'),
              status: input.status ?? 'OPEN',
              workstreamId,
              ownerOrganisationId: optionalId(
                input.ownerOrganisationId,
                'Organisation',
                'ownerOrganisationId',
              ),
              ownerUserId: optionalId(input.ownerId, 'User', 'ownerId'),
            },
            ctx.clock.now(),
          );
        },
      ),
  }),
  updateRaidItem: t.field({
    type: RaidItemRef,
    authScopes: scopesFor('Mutation.updateRaidItem'),
    errors: { types: EDIT_ERRORS, directResult: true, union: { name: 'UpdateRaidItemResult' } },
    args: { input: t.arg({ type: UpdateRaidItemInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateRaidItem',
          entityType: 'RaidItem',
          table: 'raid_item',
          id: () => decodeId(input.id, 'RaidItem', 'id'),
        },
        async (db, id) => {
          const workstreamId = optionalId(input.workstreamId, 'Workstream', 'workstreamId');
          // The owner changes the owner's fields; a lead or an ADMIN any (ownership.ts of domain).
          await assertMayEditRow(db, ctx.viewer, 'raid_item', id, fieldsGiven(input));
          await assertMayOwn(db, 'ownerId', optionalId(input.ownerId, 'User', 'ownerId'));
          // Moving it to another workstream (or to none) needs the right to change items there too.
          if (workstreamId !== undefined) {
            await assertMayEditWorkstream(db, ctx.viewer, workstreamId, 'raid_item');
          }
          return updateRaidItem(
            db,
            {
              ...input,
              id,
              workstreamId,
              ownerOrganisationId: optionalId(
                input.ownerOrganisationId,
                'Organisation',
                'ownerOrganisationId',
              ),
              ownerUserId: optionalId(input.ownerId, 'User', 'ownerId'),
            },
            ctx.clock.now(),
          );
        },
      ),
  }),
  closeRaidItem: t.field({
    type: RaidItemRef,
    authScopes: scopesFor('Mutation.closeRaidItem'),
    errors: { types: EDIT_ERRORS, directResult: true, union: { name: 'CloseRaidItemResult' } },
    args: { input: t.arg({ type: CloseRaidItemInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'closeRaidItem',
          entityType: 'RaidItem',
          table: 'raid_item',
          id: () => decodeId(input.id, 'RaidItem', 'id'),
        },
        async (db, id) => {
          await assertMayEditRow(db, ctx.viewer, 'raid_item', id, ['status']);
          return closeRaidItem(db, { id, expectedVersion: input.expectedVersion }, ctx.clock.now());
        },
      ),
  }),
}));
