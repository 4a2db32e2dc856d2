import type { Database, TupeStepRecord } from '@handover/db';
import { NOT_EMPLOYEE_CONTRACTS, type RecordedTupeStep } from '@handover/domain';
import type { Kysely } from 'kysely';
import { TRANSFERRING } from '../eli/eli.repository.ts';

/** The facts the timeline reads, for one programme: dates only, no people. */
export interface TimelineFacts {
  recorded: TupeStepRecord[];
  firstMeetingOn: string | null;
  firstTransfereeMeasureOn: string | null;
  firstEliSentOn: string | null;
  admissionSignedOn: string | null;
  transferring: number;
  lettersSent: number;
  lastLetterOn: string | null;
  transferred: number;
}

export async function timelineFacts(
  db: Kysely<Database>,
  programmeId: string,
  today: string,
): Promise<TimelineFacts> {
  const [recorded, meeting, measure, eli, pension, staff] = await Promise.all([
    db.selectFrom('tupe_step_record').selectAll().where('programme_id', '=', programmeId).execute(),
    db
      .selectFrom('consultation_meeting')
      .select((eb) => eb.fn.min<string | null>('held_on').as('d'))
      .where('programme_id', '=', programmeId)
      .where('held_on', '<=', today)
      .executeTakeFirst(),
    db
      .selectFrom('tupe_measure')
      .select((eb) => eb.fn.min<string | null>('notified_on').as('d'))
      .where('programme_id', '=', programmeId)
      .where('envisaged_by', '=', 'TRANSFEREE')
      .where('notified_on', '<=', today)
      .executeTakeFirst(),
    db
      .selectFrom('eli_package')
      .select((eb) => eb.fn.min<string | null>('sent_on').as('d'))
      .where('programme_id', '=', programmeId)
      .where('status', '=', 'SENT')
      .executeTakeFirst(),
    db
      .selectFrom('pension_admission_agreement')
      .select('signed_on')
      .where('programme_id', '=', programmeId)
      .executeTakeFirst(),
    db
      .selectFrom('employee as e')
      .leftJoin('measures_letter as l', 'l.employee_id', 'e.id')
      .select((eb) => [
        eb.fn
          .count<number>(eb.case().when('e.tupe_status', '=', TRANSFERRING).then(eb.ref('e.id')).end())
          .as('transferring'),
        eb.fn
          .count<number>(
            eb.case().when('e.tupe_status', '=', TRANSFERRING).then(eb.ref('l.employee_id')).end(),
          )
          .as('letters'),
        eb.fn
          .max<string | null>(
            eb.case().when('e.tupe_status', '=', TRANSFERRING).then(eb.ref('l.sent_on')).end(),
          )
          .as('last_letter'),
        eb.fn
          .count<number>(eb.case().when('e.tupe_status', '=', 'TRANSFERRED').then(eb.ref('e.id')).end())
          .as('transferred'),
      ])
      .where('e.programme_id', '=', programmeId)
      .where('e.contract_type', 'not in', NOT_EMPLOYEE_CONTRACTS)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    recorded,
    firstMeetingOn: meeting?.d ?? null,
    firstTransfereeMeasureOn: measure?.d ?? null,
    firstEliSentOn: eli?.d ?? null,
    admissionSignedOn: pension?.signed_on ?? null,
    transferring: Number(staff.transferring),
    lettersSent: Number(staff.letters),
    lastLetterOn: staff.last_letter,
    transferred: Number(staff.transferred),
  };
}

export async function upsertStepRecord(
  db: Kysely<Database>,
  row: {
    programme_id: string;
    step: RecordedTupeStep;
    done_on: string;
    recorded_by: string | null;
    now: Date;
  },
): Promise<void> {
  const { now, ...values } = row;
  await db
    .insertInto('tupe_step_record')
    .values({ ...values, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['programme_id', 'step']).doUpdateSet((eb) => ({
        done_on: eb.ref('excluded.done_on'),
        recorded_by: eb.ref('excluded.recorded_by'),
        updated_at: now,
        version: eb('tupe_step_record.version', '+', 1),
      })),
    )
    .execute();
}

export async function deleteStepRecord(
  db: Kysely<Database>,
  programmeId: string,
  step: RecordedTupeStep,
): Promise<number> {
  const result = await db
    .deleteFrom('tupe_step_record')
    .where('programme_id', '=', programmeId)
    .where('step', '=', step)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
