/** The TUPE timeline of a programme: every deadline, its state and what is late. No personal data. */
import {
  RECORDED_TUPE_STEPS,
  TUPE_DUE_SOON_DAYS,
  TUPE_STEPS,
  TUPE_STEP_BASES,
  TUPE_STEP_STATES,
} from '@handover/domain';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { recordAudit, refusalReason } from '../audit/audit.service.ts';
import { decodeId } from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { programmeTimeline, recordStep, type TimelineStep } from './tupe-timeline.service.ts';

export const TupeStepEnum = builder.enumType('TupeStep', { values: TUPE_STEPS });
export const RecordedTupeStepEnum = builder.enumType('RecordedTupeStep', {
  values: RECORDED_TUPE_STEPS,
  description: 'The steps HR records as done by hand: no other data shows them.',
});
export const TupeStepBasisEnum = builder.enumType('TupeStepBasis', {
  values: TUPE_STEP_BASES,
  description: 'STATUTORY: the regulations set the date; PRACTICE: the programme’s documented practice.',
});
export const TupeStepStateEnum = builder.enumType('TupeStepState', {
  values: TUPE_STEP_STATES,
  description:
    'DONE (with its date); OVERDUE: open past its due date; DUE_SOON: open, due within the window; else UPCOMING.',
});

export const TupeTimelineStepRef = builder.objectRef<TimelineStep>('TupeTimelineStep').implement({
  description: 'A deadline counted back from the transfer day, and where it stands today.',
  fields: (t) => ({
    step: t.field({ type: TupeStepEnum, resolve: (s) => s.step }),
    label: t.exposeString('label'),
    daysBeforeTransfer: t.exposeInt('daysBefore'),
    basis: t.field({ type: TupeStepBasisEnum, resolve: (s) => s.basis }),
    source: t.exposeString('source', { description: 'Where the offset comes from.' }),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    state: t.field({ type: TupeStepStateEnum, resolve: (s) => s.state }),
    doneOn: t.expose('doneOn', { type: 'Date', nullable: true }),
    late: t.exposeBoolean('late', { description: 'Open past its due date, or done after it.' }),
    daysLate: t.exposeInt('daysLate'),
    daysToDue: t.exposeInt('daysToDue', { description: 'From today; negative when past.' }),
    recordable: t.exposeBoolean('recordable', { description: 'HR records it as done (recordTupeStep).' }),
  }),
});

builder.objectField(ProgrammeRef, 'tupeTimeline', (t) =>
  t.field({
    type: [TupeTimelineStepRef],
    description: 'Every statutory and practical TUPE deadline, earliest first, with its state today.',
    args: {
      dueSoonDays: t.arg.int({
        required: true,
        defaultValue: TUPE_DUE_SOON_DAYS,
        description: 'How many days before its due date an open step is DUE_SOON.',
      }),
    },
    resolve: (p, args, ctx) => programmeTimeline(ctx.db, p, ctx.today, args.dueSoonDays),
  }),
);

const RecordTupeStepInput = builder.inputType('RecordTupeStepInput', {
  fields: (t) => ({
    programmeId: t.id(),
    step: t.field({ type: RecordedTupeStepEnum }),
    doneOn: t.field({ type: 'Date', required: false, description: 'Null (or left out) clears the record.' }),
  }),
});

const TupeStepRecordedRef = builder
  .objectRef<{ programmeId: string; cleared: boolean }>('TupeStepRecorded')
  .implement({
    fields: (t) => ({
      cleared: t.exposeBoolean('cleared'),
      programme: t.field({ type: ProgrammeRef, resolve: (r) => r.programmeId }),
    }),
  });

builder.mutationField('recordTupeStep', (t) =>
  t.field({
    type: TupeStepRecordedRef,
    description: 'Records the day HR did a practical step of the timeline, or clears it.',
    authScopes: scopesFor('Mutation.recordTupeStep'),
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'RecordTupeStepResult' },
    },
    args: { input: t.arg({ type: RecordTupeStepInput }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return await ctx.db.transaction().execute(async (trx) => {
          const programmeId = decodeId(input.programmeId, 'Programme', 'programmeId');
          const { cleared } = await recordStep(
            trx,
            { programmeId, step: input.step, doneOn: input.doneOn ?? null },
            { now: ctx.clock.now(), today: ctx.today, userId: ctx.viewer?.userId ?? null },
          );
          await recordAudit(
            { ...ctx, db: trx },
            {
              kind: 'WRITE',
              operation: 'recordTupeStep',
              entityType: 'TupeStepRecord',
              entityId: programmeId,
              fields: ['step', 'done_on'],
              reason: cleared ? `cleared ${input.step}` : `recorded ${input.step}`,
            },
          );
          return { programmeId, cleared };
        });
      } catch (error) {
        const reason = refusalReason(error);
        if (reason)
          await recordAudit(ctx, {
            kind: 'REFUSED',
            operation: 'recordTupeStep',
            entityType: 'TupeStepRecord',
            reason,
          });
        throw error;
      }
    },
  }),
);
