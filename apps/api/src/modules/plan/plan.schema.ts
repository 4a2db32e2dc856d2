/**
 * The plan: `Programme.criticalPath`, `Programme.whatIf` (reads only) and
 * baselines with slippage. Staff only: not in the partner schema.
 */
import type { PlanBaseline } from '@handover/db';
import {
  TUPE_DUE_SOON_DAYS,
  londonDate,
  transferInstant,
  type CriticalPath,
  type LateMilestone,
  type ScheduledItem,
} from '@handover/domain';
import { gatesByProgrammeIds } from '../gate/gate.repository.ts';
import { TupeTimelineStepRef } from '../tupe-timeline/tupe-timeline.schema.ts';
import { programmeTimeline } from '../tupe-timeline/tupe-timeline.service.ts';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { ChecklistItemRef, programmeGraph } from '../checklist/checklist.schema.ts';
import { IDEMPOTENCY_KEY_ARG, decodeId, groupLoader } from '../common/common.schema.ts';
import { MilestoneRef } from '../milestone/milestone.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import {
  baselineItemRows,
  baselineMilestoneRows,
  baselinesByIds,
  baselinesByProgrammeIds,
  milestonesByProgrammeId,
} from './plan.repository.ts';
import {
  itemSlippage,
  milestoneSlippage,
  programmeCriticalPath,
  saveBaseline,
  whatIf,
  type Slippage,
  type WhatIfResult,
} from './plan.service.ts';

const ScheduledItemRef = builder.objectRef<ScheduledItem>('ScheduledItem').implement({
  description:
    'A checklist item on the plan. Durations and slack are working days (Monday to Friday); days late are ' +
    'calendar days. A closed item takes no time.',
  fields: (t) => ({
    item: t.field({ type: ChecklistItemRef, resolve: (s) => s.id }),
    durationDays: t.exposeInt('durationDays', {
      description: 'Working days it still takes (0 when closed).',
    }),
    earliestStart: t.expose('earliestStart', { type: 'Date' }),
    earliestFinish: t.expose('earliestFinish', {
      type: 'Date',
      description: 'The working day it ends, at the earliest.',
    }),
    latestStart: t.expose('latestStart', { type: 'Date' }),
    latestFinish: t.expose('latestFinish', { type: 'Date' }),
    totalSlack: t.exposeInt('totalSlack', {
      description:
        'Working days it can slip without moving the transfer day; negative when it already misses it.',
    }),
    critical: t.exposeBoolean('critical', { description: 'Open, with the least slack of the plan.' }),
    daysLate: t.exposeInt('daysLate', {
      description: 'Calendar days its earliest finish falls after its due date; 0 when on time.',
    }),
  }),
});

const CriticalPathRef = builder.objectRef<CriticalPath>('CriticalPath').implement({
  description:
    'The critical path method over the checklist’s dependencies, from today to the transfer day: open items ' +
    'start no earlier than today (the next working day at a weekend) and take their duration in working days, ' +
    'held back to their forecast date when later; work must end by the last working day before the transfer day.',
  fields: (t) => ({
    start: t.expose('start', { type: 'Date', description: 'Day 0 of the plan.' }),
    transferDate: t.expose('transferDate', { type: 'Date' }),
    deadline: t.expose('deadline', {
      type: 'Date',
      description: 'The last working day before the transfer day.',
    }),
    projectedFinish: t.expose('projectedFinish', {
      type: 'Date',
      description: 'When the last open item ends.',
    }),
    slackDays: t.exposeInt('slackDays', {
      description: 'Working days between the projected finish and the deadline; negative when late.',
    }),
    reachable: t.exposeBoolean('reachable', {
      description: 'Whether everything can finish before the transfer day.',
    }),
    path: t.field({
      type: [ScheduledItemRef],
      description: 'The critical path, first to last: the chain of least-slack items that ends last.',
      resolve: (cp) => {
        const byId = new Map(cp.items.map((i) => [i.id, i]));
        return cp.path.map((id) => byId.get(id)!);
      },
    }),
    items: t.field({
      type: [ScheduledItemRef],
      args: { openOnly: t.arg.boolean({ required: false, defaultValue: true }) },
      description: 'Every item (open ones unless told), by earliest start.',
      resolve: (cp, args) => (args.openOnly === false ? cp.items : cp.items.filter((i) => i.open)),
    }),
  }),
});

const LateMilestoneRef = builder.objectRef<LateMilestone>('LateMilestone').implement({
  description:
    'A milestone the plan makes late: the open items of its workstream (and service) due by it finish after it.',
  fields: (t) => ({
    milestone: t.field({ type: MilestoneRef, resolve: (m) => m.id }),
    date: t.expose('date', { type: 'Date', description: 'Its forecast date, else its planned date.' }),
    projectedDate: t.expose('projectedDate', { type: 'Date' }),
    daysLate: t.exposeInt('daysLate', { description: 'Calendar days.' }),
  }),
});

const WhatIfRef = builder.objectRef<WhatIfResult & { programmeId: string }>('WhatIf').implement({
  description: 'The plan as it would be with another transfer date and forecasts. Nothing is saved.',
  fields: (t) => ({
    transferDate: t.expose('transferDate', { type: 'Date' }),
    reachable: t.boolean({ resolve: (w) => w.plan.reachable }),
    criticalPath: t.field({ type: CriticalPathRef, resolve: (w) => w.plan }),
    lateItems: t.field({
      type: [ScheduledItemRef],
      description: 'Open items that would finish after their due date, the latest first.',
      resolve: (w) => w.lateItems,
    }),
    lateMilestones: t.field({ type: [LateMilestoneRef], resolve: (w) => w.lateMilestones }),
    redatedItems: t.exposeInt('redatedItems', {
      description:
        'How many items were re-dated by their offset from the transfer day (made from a template or the demo seed); ' +
        'items dated by hand keep their dates.',
    }),
    eliDueDate: t.expose('eliDueDate', {
      type: 'Date',
      description: 'The statutory ELI due date for this transfer date (28 days before).',
    }),
    gateDecisionDue: t.expose('gateDecisionDue', {
      type: 'Date',
      nullable: true,
      description: 'The go/no-go decision date moved with the transfer date; null without a gate.',
    }),
    tupeTimeline: t.field({
      type: [TupeTimelineStepRef],
      description:
        'The TUPE timeline for this transfer date, as it would stand today: a step OVERDUE is one this date makes late.',
      resolve: async (w, _args, ctx) => {
        const programme = await ProgrammeRef.getDataloader(ctx).load(w.programmeId);
        return programmeTimeline(
          ctx.db,
          { ...programme, transfer_at: transferInstant(w.transferDate) },
          ctx.today,
          TUPE_DUE_SOON_DAYS,
        );
      },
    }),
  }),
});

const WhatIfForecastInput = builder.inputType('WhatIfForecastInput', {
  fields: (t) => ({
    itemId: t.id(),
    forecastDate: t.field({ type: 'Date' }),
  }),
});

builder.objectFields(ProgrammeRef, (t) => ({
  criticalPath: t.field({
    type: CriticalPathRef,
    authScopes: scopesFor('Programme.criticalPath'),
    description: 'The critical path from today to the transfer day.',
    resolve: async (p, _args, ctx) =>
      programmeCriticalPath(await programmeGraph(ctx).load(p.id), ctx.today, londonDate(p.transfer_at)),
  }),
  whatIf: t.field({
    type: WhatIfRef,
    authScopes: scopesFor('Programme.whatIf'),
    description:
      'What would go late with this transfer date and these forecasts. Reads only: nothing is saved.',
    args: {
      transferDate: t.arg({ type: 'Date', required: true }),
      forecasts: t.arg({ type: [WhatIfForecastInput], required: false }),
    },
    resolve: async (p, args, ctx) => ({
      programmeId: p.id,
      ...whatIf(
        await programmeGraph(ctx).load(p.id),
        await milestonesByProgrammeId(ctx.db, p.id),
        ctx.today,
        args.transferDate,
        (args.forecasts ?? []).map((f, i) => ({
          itemId: decodeId(f.itemId, 'ChecklistItem', `forecasts[${i}].itemId`),
          forecastDate: f.forecastDate,
          field: `forecasts[${i}]`,
        })),
        {
          currentTransferDay: londonDate(p.transfer_at),
          gateDecisionDue: (await gatesByProgrammeIds(ctx.db, [p.id]))[0]?.decision_due ?? null,
        },
      ),
    }),
  }),
}));

const ItemSlippageRef = builder.objectRef<Slippage>('ItemSlippage').implement({
  description: 'An item’s date (forecast, else due) in the saved baseline and now, and the calendar days between.',
  fields: (t) => ({
    item: t.field({ type: ChecklistItemRef, resolve: (s) => s.id }),
    baselineDate: t.expose('baselineDate', { type: 'Date', nullable: true }),
    currentDate: t.expose('currentDate', { type: 'Date', nullable: true }),
    daysSlipped: t.exposeInt('daysSlipped', { nullable: true, description: 'Negative when earlier.' }),
  }),
});

const MilestoneSlippageRef = builder.objectRef<Slippage>('MilestoneSlippage').implement({
  description:
    'A milestone’s date (actual, else forecast, else planned) in the saved baseline and now, and the calendar days between.',
  fields: (t) => ({
    milestone: t.field({ type: MilestoneRef, resolve: (s) => s.id }),
    baselineDate: t.expose('baselineDate', { type: 'Date', nullable: true }),
    currentDate: t.expose('currentDate', { type: 'Date', nullable: true }),
    daysSlipped: t.exposeInt('daysSlipped', { nullable: true, description: 'Negative when earlier.' }),
  }),
});

const itemRows = groupLoader(
  (ctx, ids) => baselineItemRows(ctx.db, ids),
  (r) => r.baseline_id,
);
const milestoneRows = groupLoader(
  (ctx, ids) => baselineMilestoneRows(ctx.db, ids),
  (r) => r.baseline_id,
);

export const PlanBaselineRef = builder.loadableNode('PlanBaseline', {
  description:
    'A named snapshot of every checklist item’s due and forecast dates and every milestone’s dates.',
  id: { resolve: (b: PlanBaseline) => b.id },
  load: (ids: string[], ctx) => baselinesByIds(ctx.db, ids),
  sort: (b) => b.id,
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    version: t.exposeInt('version'),
    itemSlippage: t.field({
      type: [ItemSlippageRef],
      args: { slippedOnly: t.arg.boolean({ required: false, defaultValue: false }) },
      description:
        'Every item of the baseline still in the plan, by ref (only those whose date moved, if told).',
      resolve: async (b, args, ctx) =>
        (await itemRows(ctx).load(b.id))
          .map(itemSlippage)
          .filter((s) => !args.slippedOnly || (s.daysSlipped ?? 0) !== 0),
    }),
    milestoneSlippage: t.field({
      type: [MilestoneSlippageRef],
      args: { slippedOnly: t.arg.boolean({ required: false, defaultValue: false }) },
      description:
        'Every milestone of the baseline still in the plan (only those whose date moved, if told).',
      resolve: async (b, args, ctx) =>
        (await milestoneRows(ctx).load(b.id))
          .map(milestoneSlippage)
          .filter((s) => !args.slippedOnly || (s.daysSlipped ?? 0) !== 0),
    }),
  }),
});

builder.objectField(ProgrammeRef, 'baselines', (t) =>
  t.loadableGroup({
    type: PlanBaselineRef,
    authScopes: scopesFor('Programme.baselines'),
    description: 'The plan’s baselines, newest first.',
    load: (ids: string[], ctx) => baselinesByProgrammeIds(ctx.db, ids),
    group: (b) => (b as { programme_id: string }).programme_id,
    resolve: (p) => p.id,
  }),
);

const SaveBaselineInput = builder.inputType('SaveBaselineInput', {
  fields: (t) => ({
    programmeId: t.id(),
    name: t.string({ description: 'Unique within the programme, e.g. "Board approval, February".' }),
  }),
});

builder.mutationField('saveBaseline', (t) =>
  t.field({
    type: PlanBaselineRef,
    description:
      'Snapshots every checklist item’s and milestone’s dates under a name, to measure slippage against.',
    authScopes: scopesFor('Mutation.saveBaseline'),
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'SaveBaselineResult' },
    },
    args: { input: t.arg({ type: SaveBaselineInput }), idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG) },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'saveBaseline',
          entityType: 'PlanBaseline',
          table: 'plan_baseline',
          id: null,
          idempotencyKey,
        },
        async (db) => {
          const programmeId = decodeId(input.programmeId, 'Programme', 'programmeId');
          const programme = await db
            .selectFrom('programme')
            .select('id')
            .where('id', '=', programmeId)
            .executeTakeFirst();
          if (!programme) throw new NotFoundError('Programme', input.programmeId);
          return saveBaseline(db, programmeId, input.name, ctx.viewer?.userId ?? null, ctx.clock.now());
        },
      ),
  }),
);
