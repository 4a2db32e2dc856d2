/**
 * Readiness aggregates: how close each workstream, service and the whole
 * programme is to go-live. No personal data; the rule is in
 * @handover/domain (rollUpReadiness) and described on the Readiness type.
 */
import {
  READINESS_WEIGHTING_RULE,
  readinessMatrix,
  readinessRag,
  rollUpReadiness,
  type Readiness,
  type ReadinessMatrixCell,
} from '@handover/domain';
import { RagEnum } from '../milestone/milestone.schema.ts';
import { PARTNER, builder } from '../../schema/builder.ts';
import { WorkstreamRef } from '../checklist/checklist.schema.ts';
import { groupLoader } from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { ServiceRef } from '../service/service.schema.ts';
import {
  readinessRowsByProgrammeIds,
  readinessRowsByServiceIds,
  readinessRowsByWorkstreamIds,
  type ReadinessRow,
} from './readiness.repository.ts';

export const ReadinessRef = builder.objectRef<Readiness>('Readiness').implement({
  subGraphs: PARTNER,
  description:
    'Checklist items rolled up. Items NOT_APPLICABLE do not count; shareComplete is COMPLETE items over the ' +
    'rest (DEFERRED_POST_GO_LIVE counts as not complete). Overdue: open and past due (UK calendar).',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'All items, applicable or not.' }),
    applicable: t.exposeInt('applicable'),
    complete: t.exposeInt('complete'),
    shareComplete: t.exposeFloat('shareComplete', { description: 'complete / applicable, from 0 to 1.' }),
    overdue: t.exposeInt('overdue'),
    blocked: t.exposeInt('blocked'),
    atRisk: t.exposeInt('atRisk'),
    dayOneCritical: t.exposeInt('dayOneCritical'),
    dayOneCriticalOpen: t.exposeInt('dayOneCriticalOpen', {
      description: 'Day-one critical items not yet complete: each stands between the programme and go-live.',
    }),
    weightApplicable: t.exposeInt('weightApplicable', {
      description: 'The weight of the applicable items: a day-one critical item weighs 3, any other 1.',
    }),
    weightComplete: t.exposeInt('weightComplete', { description: 'The weight of the COMPLETE items.' }),
    weightedShareComplete: t.exposeFloat('weightedShareComplete', {
      description: READINESS_WEIGHTING_RULE,
    }),
    rag: t.field({
      type: RagEnum,
      description: 'Weighted readiness rated: GREEN from 90%, AMBER from 60%, else RED.',
      resolve: (r) => readinessRag(r),
    }),
  }),
});

const byProgramme = groupLoader(
  (ctx, ids) => readinessRowsByProgrammeIds(ctx.db, ids),
  (r) => r.programme_id,
);
const byWorkstream = groupLoader(
  (ctx, ids) => readinessRowsByWorkstreamIds(ctx.db, ids),
  (r) => r.workstream_id,
);
const byService = groupLoader(
  (ctx, ids) => readinessRowsByServiceIds(ctx.db, ids),
  (r) => r.service_id!,
);

const roll = (rows: readonly ReadinessRow[], today: string) =>
  rollUpReadiness(
    rows.map((r) => ({ status: r.status, dueDate: r.due_date, dayOneCritical: r.day_one_critical })),
    today,
  );

function rollUpBy(rows: readonly ReadinessRow[], key: (r: ReadinessRow) => string | null, today: string) {
  const groups = new Map<string, ReadinessRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  return [...groups].map(([id, g]) => ({ id, readiness: roll(g, today) }));
}

const WorkstreamReadinessRef = builder
  .objectRef<{ id: string; readiness: Readiness }>('WorkstreamReadiness')
  .implement({
    fields: (t) => ({
      workstream: t.field({ type: WorkstreamRef, resolve: (r) => r.id }),
      readiness: t.field({ type: ReadinessRef, resolve: (r) => r.readiness }),
    }),
  });

const ServiceReadinessRef = builder
  .objectRef<{ id: string; readiness: Readiness }>('ServiceReadiness')
  .implement({
    subGraphs: PARTNER,
    fields: (t) => ({
      service: t.field({ type: ServiceRef, resolve: (r) => r.id }),
      readiness: t.field({ type: ReadinessRef, resolve: (r) => r.readiness }),
    }),
  });

const ReadinessMatrixCellRef = builder.objectRef<ReadinessMatrixCell>('ReadinessMatrixCell').implement({
  description: 'One cell of the Day-1 readiness matrix: the items of one service in one workstream.',
  fields: (t) => ({
    service: t.field({
      type: ServiceRef,
      nullable: true,
      description: 'null: the workstream’s items that belong to no service.',
      resolve: (c) => c.serviceId,
    }),
    workstream: t.field({ type: WorkstreamRef, resolve: (c) => c.workstreamId }),
    readiness: t.field({ type: ReadinessRef, resolve: (c) => c.readiness }),
  }),
});

builder.objectFields(ProgrammeRef, (t) => ({
  readinessRule: t.string({
    description: 'How weighted readiness is worked out, in a sentence.',
    resolve: () => READINESS_WEIGHTING_RULE,
  }),
  readinessMatrix: t.field({
    type: [ReadinessMatrixCellRef],
    description:
      'The Day-1 readiness matrix: a cell for each service and workstream with items (items without a service in cells of their own).',
    resolve: async (p, _args, ctx) =>
      readinessMatrix(
        (await byProgramme(ctx).load(p.id)).map((r) => ({
          status: r.status,
          dueDate: r.due_date,
          dayOneCritical: r.day_one_critical,
          serviceId: r.service_id,
          workstreamId: r.workstream_id,
        })),
        ctx.today,
      ),
  }),
  readiness: t.field({
    type: ReadinessRef,
    resolve: async (p, _args, ctx) => roll(await byProgramme(ctx).load(p.id), ctx.today),
  }),
  readinessByWorkstream: t.field({
    type: [WorkstreamReadinessRef],
    description: 'Every workstream with items, least ready first.',
    resolve: async (p, _args, ctx) =>
      rollUpBy(await byProgramme(ctx).load(p.id), (r) => r.workstream_id, ctx.today).sort(
        (a, b) => a.readiness.shareComplete - b.readiness.shareComplete,
      ),
  }),
  readinessByService: t.field({
    type: [ServiceReadinessRef],
    description: 'Every service with items, least ready first.',
    resolve: async (p, _args, ctx) =>
      rollUpBy(await byProgramme(ctx).load(p.id), (r) => r.service_id, ctx.today).sort(
        (a, b) => a.readiness.shareComplete - b.readiness.shareComplete,
      ),
  }),
}));

builder.objectField(WorkstreamRef, 'readiness', (t) =>
  t.field({
    type: ReadinessRef,
    resolve: async (w, _args, ctx) => roll(await byWorkstream(ctx).load(w.id), ctx.today),
  }),
);

builder.objectField(ServiceRef, 'readiness', (t) =>
  t.field({
    type: ReadinessRef,
    resolve: async (s, _args, ctx) => roll(await byService(ctx).load(s.id), ctx.today),
  }),
);
