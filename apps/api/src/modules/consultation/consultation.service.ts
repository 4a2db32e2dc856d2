/**
 * Measures and consultation (TUPE reg 13): what each side envisages, the
 * meetings with the recognised unions, and the measures letters to staff.
 * Measures and meetings hold no staff personal data: attendees are recorded
 * by their representative role and organisation (e.g. "UNISON branch
 * secretary"), never as a member of staff's record, so every staff role may
 * read them. Who has had a letter is HR's alone.
 */
import type {
  ConsultationMeeting,
  ConsultationMeetingTable,
  Database,
  TupeMeasure,
  TupeMeasureTable,
} from '@handover/db';
import { RECOGNISED_UNIONS, type MeasureParty } from '@handover/domain';
import type { Kysely, Updateable } from 'kysely';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { updateAtVersion } from '../common/concurrency.ts';
import { optionalText, requireDate, requireText, requireVersion } from '../common/validate.ts';
import {
  insertLetters,
  insertMeasure,
  insertMeeting,
  letterTargets,
  measuresByIds,
  meetingsByIds,
  teamInProgramme,
  updateMeasureIfVersion,
  updateMeetingIfVersion,
} from './consultation.repository.ts';

/** A list of short texts: trimmed, blanks and repeats dropped, bounded. */
export function textList(
  field: string,
  values: readonly string[],
  maxItems: number,
  maxLength: number,
): string[] {
  if (values.length > maxItems) throw new ValidationError(field, `holds at most ${maxItems} entries`);
  const out: string[] = [];
  values.forEach((raw, i) => {
    const v = raw.trim();
    if (v === '') return;
    if (v.length > maxLength)
      throw new ValidationError(
        `${field}[${i}]`,
        `is too long (${v.length} characters; at most ${maxLength})`,
      );
    if (!out.includes(v)) out.push(v);
  });
  return out;
}

/** A link to the minutes: http or https only, and a real address. */
export function minutesLink(field: string, value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (v.length > 500) throw new ValidationError(field, 'is too long (at most 500 characters)');
  if (!/^https?:\/\//i.test(v)) throw new ValidationError(field, 'must start with http:// or https://');
  if (!URL.canParse(v) || !new URL(v).hostname.includes('.'))
    throw new ValidationError(field, `"${v}" is not a valid link`);
  return v;
}

function notAfterToday(field: string, value: string, today: string): string {
  const date = requireDate(field, value);
  if (date > today) throw new ValidationError(field, `cannot be in the future (today is ${today})`);
  return date;
}

async function assertProgramme(db: Kysely<Database>, programmeId: string): Promise<void> {
  const row = await db.selectFrom('programme').select('id').where('id', '=', programmeId).executeTakeFirst();
  if (!row) throw new NotFoundError('Programme', programmeId);
}

export interface MeasureFields {
  description?: string | null;
  envisagedBy?: MeasureParty | null;
  groupsAffected?: readonly string[] | null;
  consultationRequired?: boolean | null;
  notifiedOn?: string | null;
}

function measureColumns(f: MeasureFields, today: string): Updateable<TupeMeasureTable> {
  const out: Updateable<TupeMeasureTable> = {};
  if (f.description !== undefined) out.description = requireText('description', f.description ?? '', 2000);
  if (f.envisagedBy !== undefined) {
    if (f.envisagedBy === null) throw new ValidationError('envisagedBy', 'is required');
    out.envisaged_by = f.envisagedBy;
  }
  if (f.groupsAffected !== undefined)
    out.groups_affected = textList('groupsAffected', f.groupsAffected ?? [], 30, 200);
  if (f.consultationRequired !== undefined) {
    if (f.consultationRequired === null) throw new ValidationError('consultationRequired', 'is required');
    out.consultation_required = f.consultationRequired;
  }
  if (f.notifiedOn !== undefined)
    out.notified_on = f.notifiedOn === null ? null : notAfterToday('notifiedOn', f.notifiedOn, today);
  return out;
}

export async function createMeasure(
  db: Kysely<Database>,
  input: MeasureFields & {
    programmeId: string;
    description: string;
    envisagedBy: MeasureParty;
    consultationRequired: boolean;
  },
  context: { now: Date; today: string },
): Promise<TupeMeasure> {
  await assertProgramme(db, input.programmeId);
  const c = measureColumns(input, context.today);
  return insertMeasure(db, {
    programme_id: input.programmeId,
    description: c.description!,
    envisaged_by: c.envisaged_by!,
    consultation_required: c.consultation_required!,
    groups_affected: c.groups_affected ?? [],
    notified_on: c.notified_on ?? null,
    created_at: context.now,
    updated_at: context.now,
  });
}

export async function updateMeasure(
  db: Kysely<Database>,
  input: MeasureFields & { id: string; expectedVersion: number },
  context: { now: Date; today: string },
): Promise<TupeMeasure> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  if (!(await measuresByIds(db, [input.id]))[0]) throw new NotFoundError('TupeMeasure', input.id);
  const { id: _id, expectedVersion: _v, ...fields } = input;
  const patch = measureColumns(fields, context.today);
  if (Object.keys(patch).length === 0) throw new ValidationError('input', 'nothing to change');
  return updateAtVersion({
    typename: 'TupeMeasure',
    id: input.id,
    expectedVersion,
    update: () => updateMeasureIfVersion(db, input.id, expectedVersion, patch, context.now),
    reload: async () => (await measuresByIds(db, [input.id]))[0],
  });
}

export interface MeetingFields {
  heldOn?: string | null;
  unions?: readonly string[] | null;
  otherUnion?: string | null;
  attendees?: readonly string[] | null;
  issuesRaised?: readonly string[] | null;
  minutesUrl?: string | null;
}

function meetingColumns(
  f: MeetingFields,
  today: string,
  current?: ConsultationMeeting,
): Updateable<ConsultationMeetingTable> {
  const out: Updateable<ConsultationMeetingTable> = {};
  if (f.heldOn !== undefined) {
    if (f.heldOn === null) throw new ValidationError('heldOn', 'is required');
    out.held_on = notAfterToday('heldOn', f.heldOn, today);
  }
  if (f.unions !== undefined) {
    const unions: string[] = [];
    (f.unions ?? []).forEach((u, i) => {
      if (!(RECOGNISED_UNIONS as readonly string[]).includes(u))
        throw new ValidationError(`unions[${i}]`, `"${u}" is not UNISON, GMB, UNITE or OTHER`);
      if (!unions.includes(u)) unions.push(u);
    });
    if (unions.length === 0) throw new ValidationError('unions', 'name at least one union');
    out.unions = RECOGNISED_UNIONS.filter((u) => unions.includes(u));
  }
  if (f.otherUnion !== undefined) {
    const other = optionalText('otherUnion', f.otherUnion ?? '', 200);
    out.other_union = other === '' ? null : other;
  }
  const unions = out.unions ?? current?.unions ?? [];
  const other = out.other_union !== undefined ? out.other_union : (current?.other_union ?? null);
  if (unions.includes('OTHER') && !other) throw new ValidationError('otherUnion', 'name the other union');
  if (!unions.includes('OTHER') && other) out.other_union = null;
  if (f.attendees !== undefined) out.attendees = textList('attendees', f.attendees ?? [], 50, 200);
  if (f.issuesRaised !== undefined)
    out.issues_raised = textList('issuesRaised', f.issuesRaised ?? [], 50, 1000);
  if (f.minutesUrl !== undefined) out.minutes_url = minutesLink('minutesUrl', f.minutesUrl ?? '');
  return out;
}

export async function createMeeting(
  db: Kysely<Database>,
  input: MeetingFields & { programmeId: string; heldOn: string; unions: readonly string[] },
  context: { now: Date; today: string },
): Promise<ConsultationMeeting> {
  await assertProgramme(db, input.programmeId);
  const c = meetingColumns(input, context.today);
  return insertMeeting(db, {
    programme_id: input.programmeId,
    held_on: c.held_on!,
    unions: c.unions!,
    other_union: c.other_union ?? null,
    attendees: c.attendees ?? [],
    issues_raised: c.issues_raised ?? [],
    minutes_url: c.minutes_url ?? null,
    created_at: context.now,
    updated_at: context.now,
  });
}

export async function updateMeeting(
  db: Kysely<Database>,
  input: MeetingFields & { id: string; expectedVersion: number },
  context: { now: Date; today: string },
): Promise<ConsultationMeeting> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  const current = (await meetingsByIds(db, [input.id]))[0];
  if (!current) throw new NotFoundError('ConsultationMeeting', input.id);
  const { id: _id, expectedVersion: _v, ...fields } = input;
  const patch = meetingColumns(fields, context.today, current);
  if (Object.keys(patch).length === 0) throw new ValidationError('input', 'nothing to change');
  return updateAtVersion({
    typename: 'ConsultationMeeting',
    id: input.id,
    expectedVersion,
    update: () => updateMeetingIfVersion(db, input.id, expectedVersion, patch, context.now),
    reload: async () => (await meetingsByIds(db, [input.id]))[0],
  });
}

export interface LettersRecorded {
  programmeId: string;
  recorded: number;
  skipped: number;
  sentOn: string;
}

/**
 * Records a measures letter sent on `sentOn` to everyone in the transferring
 * list (or one team's part of it) who has none yet; those who already have
 * one are skipped and keep their date.
 */
export async function recordLetters(
  db: Kysely<Database>,
  input: { programmeId: string; sentOn: string; teamId: string | null },
  context: { today: string; userId: string | null },
): Promise<LettersRecorded> {
  await assertProgramme(db, input.programmeId);
  const sentOn = notAfterToday('sentOn', input.sentOn, context.today);
  if (input.teamId && !(await teamInProgramme(db, input.teamId, input.programmeId)))
    throw new ValidationError('teamId', 'names no team of this programme');
  const { without, already } = await letterTargets(db, input.programmeId, input.teamId);
  if (without.length === 0 && already === 0)
    throw new ValidationError(
      input.teamId ? 'teamId' : 'programmeId',
      'nobody in the transferring list there',
    );
  const recorded = await insertLetters(db, input.programmeId, without, sentOn, context.userId);
  return { programmeId: input.programmeId, recorded, skipped: already + (without.length - recorded), sentOn };
}
