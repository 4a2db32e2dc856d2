/**
 * Measures, consultation meetings and measures letters. Measures and meetings
 * are for every staff role (no staff personal data: attendees are named by
 * representative role); letters are counts for everyone and, per person, HR's.
 */
import type { ConsultationMeeting, TupeMeasure } from '@handover/db';
import { MEASURE_PARTIES, RECOGNISED_UNIONS } from '@handover/domain';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { auditedWrite, recordAudit, refusalReason } from '../audit/audit.service.ts';
import {
  IDEMPOTENCY_KEY_ARG,
  MAX_PAGE_SIZE,
  UPDATE_ERRORS,
  decodeId,
  groupLoader,
  withTotalCount,
} from '../common/common.schema.ts';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { EmployeeRef } from '../people/people.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { TeamRef } from '../service/service.schema.ts';
import {
  letterCountsByTeam,
  letterTotals,
  countLetters,
  listLetters,
  measuresByIds,
  measuresByProgrammeIds,
  meetingsByIds,
  meetingsByProgrammeIds,
  type LetterRow,
  type LetterTotals,
  type TeamLetterCount,
} from './consultation.repository.ts';
import type { Database } from '@handover/db';
import type { Kysely } from 'kysely';
import {
  createMeasure,
  createMeeting,
  recordLetters,
  updateMeasure,
  updateMeeting,
  type LettersRecorded,
} from './consultation.service.ts';

export const MeasurePartyEnum = builder.enumType('MeasureParty', {
  values: MEASURE_PARTIES,
  description: 'Who envisages the measure: the council (TRANSFEROR) or the trust (TRANSFEREE).',
});
export const RecognisedUnionEnum = builder.enumType('RecognisedUnion', { values: RECOGNISED_UNIONS });

export const TupeMeasureRef = builder.loadableNode('TupeMeasure', {
  description:
    'A measure envisaged in connection with the transfer (TUPE reg 13(2)(d)): anything beyond what the transfer ' +
    'itself entails, e.g. a new payroll date, relocation, new IT, changed policies.',
  id: { resolve: (m: TupeMeasure) => m.id },
  load: (ids: string[], ctx) => measuresByIds(ctx.db, ids),
  sort: (m) => m.id,
  fields: (t) => ({
    description: t.exposeString('description'),
    envisagedBy: t.field({ type: MeasurePartyEnum, resolve: (m) => m.envisaged_by }),
    groupsAffected: t.exposeStringList('groups_affected'),
    consultationRequired: t.exposeBoolean('consultation_required'),
    notifiedOn: t.expose('notified_on', {
      type: 'Date',
      nullable: true,
      description: 'When the council (and through it the unions) was told of it.',
    }),
    programme: t.field({ type: ProgrammeRef, resolve: (m) => m.programme_id }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    version: t.exposeInt('version'),
  }),
});

export const ConsultationMeetingRef = builder.loadableNode('ConsultationMeeting', {
  description:
    'A consultation meeting with the recognised unions. Attendees are representatives by role and organisation ' +
    '(e.g. "UNISON branch secretary"), not staff records.',
  id: { resolve: (m: ConsultationMeeting) => m.id },
  load: (ids: string[], ctx) => meetingsByIds(ctx.db, ids),
  sort: (m) => m.id,
  fields: (t) => ({
    heldOn: t.expose('held_on', { type: 'Date' }),
    unions: t.field({
      type: [RecognisedUnionEnum],
      resolve: (m) => m.unions as (typeof RECOGNISED_UNIONS)[number][],
    }),
    otherUnion: t.exposeString('other_union', {
      nullable: true,
      description: 'Its name, when OTHER is listed.',
    }),
    attendees: t.exposeStringList('attendees'),
    issuesRaised: t.exposeStringList('issues_raised'),
    minutesUrl: t.exposeString('minutes_url', { nullable: true }),
    programme: t.field({ type: ProgrammeRef, resolve: (m) => m.programme_id }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    version: t.exposeInt('version'),
  }),
});

const programmeMeasures = groupLoader(
  (ctx, ids) => measuresByProgrammeIds(ctx.db, ids),
  (m) => m.programme_id,
);
const programmeMeetings = groupLoader(
  (ctx, ids) => meetingsByProgrammeIds(ctx.db, ids),
  (m) => m.programme_id,
);

const TeamLetterCountRef = builder.objectRef<TeamLetterCount>('TeamLetterCount').implement({
  description: 'A team’s part of the transferring list, and how many of them have had their measures letter.',
  fields: (t) => ({
    team: t.field({ type: TeamRef, resolve: (c) => c.team_id }),
    transferring: t.int({ resolve: (c) => Number(c.transferring) }),
    sent: t.int({ resolve: (c) => Number(c.sent) }),
  }),
});

interface LetterSummaryShape {
  programmeId: string;
  /** Fetched once, whichever counts are asked for. */
  totals: () => Promise<LetterTotals>;
}

function letterSummary(db: Kysely<Database>, programmeId: string): LetterSummaryShape {
  let totals: Promise<LetterTotals> | undefined;
  return { programmeId, totals: () => (totals ??= letterTotals(db, programmeId)) };
}

const MeasuresLetterSummaryRef = builder.objectRef<LetterSummaryShape>('MeasuresLetterSummary').implement({
  description: 'Measures letters to the transferring list: counts only.',
  fields: (t) => ({
    transferringCount: t.int({
      resolve: async (s) => (await s.totals()).transferring,
    }),
    sentCount: t.int({ resolve: async (s) => (await s.totals()).sent }),
    notSentCount: t.int({
      resolve: async (s) => {
        const totals = await s.totals();
        return totals.transferring - totals.sent;
      },
    }),
    lastSentOn: t.field({
      type: 'Date',
      nullable: true,
      resolve: async (s) => (await s.totals()).last_sent_on,
    }),
    byTeam: t.field({
      type: [TeamLetterCountRef],
      description: 'Teams with people in the transferring list, by name.',
      resolve: (s, _a, ctx) => letterCountsByTeam(ctx.db, s.programmeId),
    }),
  }),
});

builder.objectFields(ProgrammeRef, (t) => ({
  measures: t.field({
    type: [TupeMeasureRef],
    description: 'Measures envisaged, the council’s then the trust’s, oldest first.',
    resolve: (p, _a, ctx) => programmeMeasures(ctx).load(p.id),
  }),
  consultationMeetings: t.field({
    type: [ConsultationMeetingRef],
    description: 'Consultation meetings with the unions, earliest first.',
    resolve: (p, _a, ctx) => programmeMeetings(ctx).load(p.id),
  }),
  measuresLetters: t.field({
    type: MeasuresLetterSummaryRef,
    resolve: (p, _a, ctx) => letterSummary(ctx.db, p.id),
  }),
}));

const MeasuresLetterRef = builder.objectRef<LetterRow>('MeasuresLetter').implement({
  description: 'The measures letter sent to one person. HR only.',
  fields: (t) => ({
    employee: t.field({ type: EmployeeRef, resolve: (l) => l.employee_id }),
    sentOn: t.expose('sent_on', { type: 'Date' }),
  }),
});

builder.objectField(ProgrammeRef, 'measuresLetterRecipients', (t) =>
  t.connection(
    {
      type: MeasuresLetterRef,
      nullable: true,
      description: 'Who has had a measures letter, and when, by payroll number. HR only.',
      authScopes: scopesFor('Programme.measuresLetterRecipients'),
      resolve: async (p, args, ctx) => ({
        ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
          listLetters(ctx.db, p.id, page),
        )),
        totalCount: () => countLetters(ctx.db, p.id),
      }),
    },
    withTotalCount,
  ),
);

const CreateTupeMeasureInput = builder.inputType('CreateTupeMeasureInput', {
  fields: (t) => ({
    programmeId: t.id(),
    description: t.string(),
    envisagedBy: t.field({ type: MeasurePartyEnum }),
    groupsAffected: t.stringList({ required: false }),
    consultationRequired: t.boolean(),
    notifiedOn: t.field({ type: 'Date', required: false }),
  }),
});

const UpdateTupeMeasureInput = builder.inputType('UpdateTupeMeasureInput', {
  description: 'Give the version you read; fields left out stay as they are.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    description: t.string({ required: false }),
    envisagedBy: t.field({ type: MeasurePartyEnum, required: false }),
    groupsAffected: t.stringList({ required: false }),
    consultationRequired: t.boolean({ required: false }),
    notifiedOn: t.field({ type: 'Date', required: false }),
  }),
});

const CreateConsultationMeetingInput = builder.inputType('CreateConsultationMeetingInput', {
  fields: (t) => ({
    programmeId: t.id(),
    heldOn: t.field({ type: 'Date' }),
    unions: t.field({ type: [RecognisedUnionEnum] }),
    otherUnion: t.string({ required: false }),
    attendees: t.stringList({
      required: false,
      description: 'Representatives by role and organisation, e.g. "GMB regional organiser".',
    }),
    issuesRaised: t.stringList({ required: false }),
    minutesUrl: t.string({ required: false, description: 'An http or https link.' }),
  }),
});

const UpdateConsultationMeetingInput = builder.inputType('UpdateConsultationMeetingInput', {
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    heldOn: t.field({ type: 'Date', required: false }),
    unions: t.field({ type: [RecognisedUnionEnum], required: false }),
    otherUnion: t.string({ required: false }),
    attendees: t.stringList({ required: false }),
    issuesRaised: t.stringList({ required: false }),
    minutesUrl: t.string({ required: false }),
  }),
});

const RecordMeasuresLettersInput = builder.inputType('RecordMeasuresLettersInput', {
  fields: (t) => ({
    programmeId: t.id(),
    sentOn: t.field({ type: 'Date' }),
    teamId: t.id({ required: false, description: 'Only this team’s part of the transferring list.' }),
  }),
});

const MeasuresLettersRecordedRef = builder.objectRef<LettersRecorded>('MeasuresLettersRecorded').implement({
  description: 'Letters recorded, and those skipped because the person already had one.',
  fields: (t) => ({
    recorded: t.exposeInt('recorded'),
    skipped: t.exposeInt('skipped'),
    sentOn: t.expose('sentOn', { type: 'Date' }),
    summary: t.field({
      type: MeasuresLetterSummaryRef,
      resolve: (r, _a, ctx) => letterSummary(ctx.db, r.programmeId),
    }),
  }),
});

const context = (ctx: { clock: { now(): Date }; today: string }) => ({
  now: ctx.clock.now(),
  today: ctx.today,
});

builder.mutationFields((t) => ({
  createTupeMeasure: t.field({
    type: TupeMeasureRef,
    authScopes: scopesFor('Mutation.createTupeMeasure'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'CreateTupeMeasureResult' } },
    args: {
      input: t.arg({ type: CreateTupeMeasureInput }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG),
    },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'createTupeMeasure',
          entityType: 'TupeMeasure',
          table: 'tupe_measure',
          id: null,
          idempotencyKey,
        },
        (db) =>
          createMeasure(
            db,
            { ...input, programmeId: decodeId(input.programmeId, 'Programme', 'programmeId') },
            context(ctx),
          ),
      ),
  }),
  updateTupeMeasure: t.field({
    type: TupeMeasureRef,
    authScopes: scopesFor('Mutation.updateTupeMeasure'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'UpdateTupeMeasureResult' } },
    args: { input: t.arg({ type: UpdateTupeMeasureInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateTupeMeasure',
          entityType: 'TupeMeasure',
          table: 'tupe_measure',
          id: () => decodeId(input.id, 'TupeMeasure', 'id'),
        },
        (db, id) => updateMeasure(db, { ...input, id }, context(ctx)),
      ),
  }),
  createConsultationMeeting: t.field({
    type: ConsultationMeetingRef,
    authScopes: scopesFor('Mutation.createConsultationMeeting'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'CreateConsultationMeetingResult' } },
    args: {
      input: t.arg({ type: CreateConsultationMeetingInput }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG),
    },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'createConsultationMeeting',
          entityType: 'ConsultationMeeting',
          table: 'consultation_meeting',
          id: null,
          idempotencyKey,
        },
        (db) =>
          createMeeting(
            db,
            { ...input, programmeId: decodeId(input.programmeId, 'Programme', 'programmeId') },
            context(ctx),
          ),
      ),
  }),
  updateConsultationMeeting: t.field({
    type: ConsultationMeetingRef,
    authScopes: scopesFor('Mutation.updateConsultationMeeting'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'UpdateConsultationMeetingResult' } },
    args: { input: t.arg({ type: UpdateConsultationMeetingInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateConsultationMeeting',
          entityType: 'ConsultationMeeting',
          table: 'consultation_meeting',
          id: () => decodeId(input.id, 'ConsultationMeeting', 'id'),
        },
        (db, id) => updateMeeting(db, { ...input, id }, context(ctx)),
      ),
  }),
  recordMeasuresLetters: t.field({
    type: MeasuresLettersRecordedRef,
    description:
      'Records a measures letter sent on `sentOn` to everyone in the transferring list (or a team’s part of it) ' +
      'who has none yet; those who have one are skipped and keep their date.',
    authScopes: scopesFor('Mutation.recordMeasuresLetters'),
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'RecordMeasuresLettersResult' },
    },
    args: { input: t.arg({ type: RecordMeasuresLettersInput }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return await ctx.db.transaction().execute(async (trx) => {
          const programmeId = decodeId(input.programmeId, 'Programme', 'programmeId');
          const teamId = input.teamId ? decodeId(input.teamId, 'Team', 'teamId') : null;
          const result = await recordLetters(
            trx,
            { programmeId, sentOn: input.sentOn, teamId },
            { today: ctx.today, userId: ctx.viewer?.userId ?? null },
          );
          // Counts and column names only: never who.
          await recordAudit(
            { ...ctx, db: trx },
            {
              kind: 'WRITE',
              operation: 'recordMeasuresLetters',
              entityType: 'MeasuresLetter',
              entityId: programmeId,
              fields: ['employee_id', 'sent_on'],
              reason: `recorded ${result.recorded}, skipped ${result.skipped}${teamId ? ', one team' : ''}`,
            },
          );
          return result;
        });
      } catch (error) {
        const reason = refusalReason(error);
        if (reason)
          await recordAudit(ctx, {
            kind: 'REFUSED',
            operation: 'recordMeasuresLetters',
            entityType: 'MeasuresLetter',
            reason,
          });
        throw error;
      }
    },
  }),
}));
