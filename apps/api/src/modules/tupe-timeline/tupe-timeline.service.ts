/**
 * The programme's TUPE timeline: the domain's deadlines (packages/domain
 * tupe.ts) with each step's "done" date read from the data:
 * - consultation starts: the first meeting with the unions;
 * - trust's measures received: the first TRANSFEREE measure notified;
 * - measures letters: when everyone in the transferring list has had one, the last letter's date;
 * - ELI: the first package sent; pension: the admission agreement's signed date;
 * - transfer day: when people have TRANSFERRED and nobody is left IN_SCOPE_ASSIGNED;
 * - the practical steps no other data shows (assignment complete, provisional list, payroll parallel
 *   run, final list agreed): the date HR recorded.
 */
import type { Database, Programme } from '@handover/db';
import {
  RECORDED_TUPE_STEPS,
  londonDate,
  tupeTimeline,
  type RecordedTupeStep,
  type TupeStep,
  type TupeTimelineEntry,
} from '@handover/domain';
import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { requireDate } from '../common/validate.ts';
import { deleteStepRecord, timelineFacts, upsertStepRecord } from './tupe-timeline.repository.ts';

export interface TimelineStep extends TupeTimelineEntry {
  /** HR records it by hand (no other data shows it). */
  recordable: boolean;
}

export async function programmeTimeline(
  db: Kysely<Database>,
  programme: Programme,
  today: string,
  dueSoonDays: number,
): Promise<TimelineStep[]> {
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0 || dueSoonDays > 365)
    throw new ValidationError('dueSoonDays', 'must be a whole number of days from 0 to 365');
  const f = await timelineFacts(db, programme.id, today);
  const doneOn: Partial<Record<TupeStep, string | null>> = {
    CONSULTATION_STARTS: f.firstMeetingOn,
    TRANSFEREE_MEASURES_RECEIVED: f.firstTransfereeMeasureOn,
    MEASURES_LETTERS_SENT: f.transferring > 0 && f.lettersSent === f.transferring ? f.lastLetterOn : null,
    ELI_SENT: f.firstEliSentOn,
    PENSION_ADMISSION_SIGNED: f.admissionSignedOn,
    TRANSFER_DAY: f.transferred > 0 && f.transferring === 0 ? londonDate(programme.transfer_at) : null,
  };
  for (const r of f.recorded) doneOn[r.step] = r.done_on;
  return tupeTimeline({ transferAt: programme.transfer_at, today, doneOn, dueSoonDays }).map((e) => ({
    ...e,
    recordable: (RECORDED_TUPE_STEPS as readonly string[]).includes(e.step),
  }));
}

/** Records (or, with no date, clears) the day HR did a practical step. */
export async function recordStep(
  db: Kysely<Database>,
  input: { programmeId: string; step: RecordedTupeStep; doneOn: string | null },
  context: { now: Date; today: string; userId: string | null },
): Promise<{ cleared: boolean }> {
  const programme = await db
    .selectFrom('programme')
    .select('id')
    .where('id', '=', input.programmeId)
    .executeTakeFirst();
  if (!programme) throw new NotFoundError('Programme', input.programmeId);
  if (!(RECORDED_TUPE_STEPS as readonly string[]).includes(input.step))
    throw new ValidationError('step', `${input.step} is shown by the data and cannot be recorded by hand`);
  if (input.doneOn === null) {
    await deleteStepRecord(db, input.programmeId, input.step);
    return { cleared: true };
  }
  const doneOn = requireDate('doneOn', input.doneOn);
  if (doneOn > context.today)
    throw new ValidationError('doneOn', `cannot be in the future (today is ${context.today})`);
  await upsertStepRecord(db, {
    programme_id: input.programmeId,
    step: input.step,
    done_on: doneOn,
    recorded_by: context.userId,
    now: context.now,
  });
  return { cleared: false };
}
