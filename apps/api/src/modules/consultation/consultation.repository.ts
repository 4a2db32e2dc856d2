import type { ConsultationMeeting, Database, TupeMeasure } from '@handover/db';
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ConsultationMeetingTable, TupeMeasureTable } from '@handover/db';
import { NOT_EMPLOYEE_CONTRACTS } from '@handover/domain';
import { onlyUuids } from '../common/ids.ts';
import { TRANSFERRING } from '../eli/eli.repository.ts';

export async function measuresByIds(db: Kysely<Database>, ids: readonly string[]): Promise<TupeMeasure[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('tupe_measure').selectAll().where('id', 'in', valid).execute();
}

export async function measuresByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<TupeMeasure[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('tupe_measure')
    .selectAll()
    .where('programme_id', 'in', programmeIds)
    .orderBy('envisaged_by')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertMeasure(
  db: Kysely<Database>,
  row: Insertable<TupeMeasureTable>,
): Promise<TupeMeasure> {
  return db.insertInto('tupe_measure').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateMeasureIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: Updateable<TupeMeasureTable>,
  now: Date,
): Promise<TupeMeasure | undefined> {
  return db
    .updateTable('tupe_measure')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function meetingsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ConsultationMeeting[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('consultation_meeting').selectAll().where('id', 'in', valid).execute();
}

export async function meetingsByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<ConsultationMeeting[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('consultation_meeting')
    .selectAll()
    .where('programme_id', 'in', programmeIds)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

export async function insertMeeting(
  db: Kysely<Database>,
  row: Insertable<ConsultationMeetingTable>,
): Promise<ConsultationMeeting> {
  return db.insertInto('consultation_meeting').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateMeetingIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: Updateable<ConsultationMeetingTable>,
  now: Date,
): Promise<ConsultationMeeting | undefined> {
  return db
    .updateTable('consultation_meeting')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export interface TeamLetterCount {
  team_id: string;
  team_name: string;
  transferring: number;
  sent: number;
}

/** Per team: people in the transferring list, and how many of them have had their measures letter. */
export async function letterCountsByTeam(
  db: Kysely<Database>,
  programmeId: string,
): Promise<TeamLetterCount[]> {
  return db
    .selectFrom('employee as e')
    .innerJoin('post as p', 'p.id', 'e.post_id')
    .innerJoin('team as t', 't.id', 'p.team_id')
    .leftJoin('measures_letter as l', 'l.employee_id', 'e.id')
    .select((eb) => [
      't.id as team_id',
      't.name as team_name',
      eb.fn.count<number>('e.id').as('transferring'),
      eb.fn.count<number>('l.employee_id').as('sent'),
    ])
    .where('e.programme_id', '=', programmeId)
    .where('e.tupe_status', '=', TRANSFERRING)
    .where('e.contract_type', 'not in', NOT_EMPLOYEE_CONTRACTS)
    .groupBy(['t.id', 't.name'])
    .orderBy('t.name')
    .execute();
}

export interface LetterTotals {
  transferring: number;
  sent: number;
  last_sent_on: string | null;
  first_all_sent_on: string | null;
}

/** Totals over the transferring list, with the day the last of them was sent. */
export async function letterTotals(db: Kysely<Database>, programmeId: string): Promise<LetterTotals> {
  const row = await db
    .selectFrom('employee as e')
    .leftJoin('measures_letter as l', 'l.employee_id', 'e.id')
    .select((eb) => [
      eb.fn.count<number>('e.id').as('transferring'),
      eb.fn.count<number>('l.employee_id').as('sent'),
      eb.fn.max<string | null>('l.sent_on').as('last_sent_on'),
    ])
    .where('e.programme_id', '=', programmeId)
    .where('e.tupe_status', '=', TRANSFERRING)
    .where('e.contract_type', 'not in', NOT_EMPLOYEE_CONTRACTS)
    .executeTakeFirstOrThrow();
  const transferring = Number(row.transferring);
  const sent = Number(row.sent);
  return {
    transferring,
    sent,
    last_sent_on: row.last_sent_on,
    first_all_sent_on: transferring > 0 && sent === transferring ? row.last_sent_on : null,
  };
}

/** The transferring list (optionally one team's) without a letter yet, and how many already have one. */
export async function letterTargets(
  db: Kysely<Database>,
  programmeId: string,
  teamId: string | null,
): Promise<{ without: string[]; already: number }> {
  let q = db
    .selectFrom('employee as e')
    .leftJoin('measures_letter as l', 'l.employee_id', 'e.id')
    .select(['e.id', 'l.employee_id as letter'])
    .where('e.programme_id', '=', programmeId)
    .where('e.tupe_status', '=', TRANSFERRING)
    .where('e.contract_type', 'not in', NOT_EMPLOYEE_CONTRACTS);
  if (teamId)
    q = q.where('e.post_id', 'in', (eb) => eb.selectFrom('post').select('id').where('team_id', '=', teamId));
  const rows = await q.execute();
  return {
    without: rows.filter((r) => r.letter === null).map((r) => r.id),
    already: rows.filter((r) => r.letter !== null).length,
  };
}

/** Inserts letters; a letter already there (a race) is left as it was. Returns how many were inserted. */
export async function insertLetters(
  db: Kysely<Database>,
  programmeId: string,
  employeeIds: readonly string[],
  sentOn: string,
  recordedBy: string | null,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < employeeIds.length; i += 1000) {
    const rows = await db
      .insertInto('measures_letter')
      .values(
        employeeIds.slice(i, i + 1000).map((id) => ({
          employee_id: id,
          programme_id: programmeId,
          sent_on: sentOn,
          recorded_by: recordedBy,
        })),
      )
      .onConflict((oc) => oc.column('employee_id').doNothing())
      .returning('employee_id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

export interface LetterRow {
  employee_id: string;
  sent_on: string;
}

/** One page of the letters recorded, by payroll number. */
export async function listLetters(
  db: Kysely<Database>,
  programmeId: string,
  page: { limit: number; offset: number },
): Promise<LetterRow[]> {
  return db
    .selectFrom('measures_letter as l')
    .innerJoin('employee as e', 'e.id', 'l.employee_id')
    .select(['l.employee_id', 'l.sent_on'])
    .where('l.programme_id', '=', programmeId)
    .orderBy('e.payroll_number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countLetters(db: Kysely<Database>, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('measures_letter')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function teamInProgramme(
  db: Kysely<Database>,
  teamId: string,
  programmeId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('team')
    .innerJoin('service', 'service.id', 'team.service_id')
    .select('team.id')
    .where('team.id', '=', teamId)
    .where('service.programme_id', '=', programmeId)
    .executeTakeFirst();
  return row !== undefined;
}
