import type { Database, Milestone } from '@handover/db';
import { calendarDaysBetween, type Rag } from '@handover/domain';
import type { Kysely } from 'kysely';
import { ValidationError } from '../../schema/errors.ts';
import { updateAtVersion } from '../common/concurrency.ts';
import { requireDate, requireVersion } from '../common/validate.ts';
import { userExists } from '../checklist/checklist.repository.ts';
import { milestonesByIds, updateMilestoneIfVersion } from './milestone.repository.ts';

/** Days the milestone is (or was) later than its planned date: actual, else forecast; negative when early. */
export function slippageDays(
  m: Pick<Milestone, 'baseline_date' | 'forecast_date' | 'actual_date'>,
): number | null {
  const outturn = m.actual_date ?? m.forecast_date;
  return outturn ? calendarDaysBetween(m.baseline_date, outturn) : null;
}

export interface MilestoneChanges {
  id: string;
  expectedVersion: number;
  forecastDate?: string | null;
  actualDate?: string | null;
  rag?: Rag | null;
  /** null clears the owner. */
  ownerUserId?: string | null;
}

export async function updateMilestone(
  db: Kysely<Database>,
  changes: MilestoneChanges,
  now: Date,
  today: string,
): Promise<Milestone> {
  const expectedVersion = requireVersion('expectedVersion', changes.expectedVersion);
  const patch: {
    forecast_date?: string | null;
    actual_date?: string | null;
    rag?: Rag;
    owner_user_id?: string | null;
  } = {};
  if (changes.ownerUserId !== undefined) {
    if (changes.ownerUserId !== null && !(await userExists(db, changes.ownerUserId))) {
      throw new ValidationError('ownerId', 'names no user');
    }
    patch.owner_user_id = changes.ownerUserId;
  }
  if (changes.forecastDate !== undefined) {
    patch.forecast_date =
      changes.forecastDate === null ? null : requireDate('forecastDate', changes.forecastDate);
  }
  if (changes.actualDate !== undefined) {
    if (changes.actualDate !== null) {
      requireDate('actualDate', changes.actualDate);
      if (changes.actualDate > today) {
        throw new ValidationError('actualDate', `cannot be in the future (today is ${today})`);
      }
    }
    patch.actual_date = changes.actualDate;
    // A milestone achieved is BLUE (DOMAIN.md 6.5) unless the caller says otherwise; one no longer
    // achieved needs attention (AMBER) until someone rates it again.
    if (changes.rag === undefined) patch.rag = changes.actualDate === null ? 'AMBER' : 'BLUE';
  }
  if (changes.rag !== undefined) {
    if (changes.rag === null) throw new ValidationError('rag', 'cannot be empty');
    patch.rag = changes.rag;
  }
  if (Object.keys(patch).length === 0) {
    throw new ValidationError(
      'input',
      'nothing to change: give at least one of forecastDate, actualDate, rag, ownerId',
    );
  }
  return updateAtVersion({
    typename: 'Milestone',
    id: changes.id,
    expectedVersion,
    update: () => updateMilestoneIfVersion(db, changes.id, expectedVersion, patch, now),
    reload: async () => (await milestonesByIds(db, [changes.id]))[0],
  });
}
