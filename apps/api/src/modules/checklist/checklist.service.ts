import type { ChecklistItem, Database } from '@handover/db';
import { isChecklistItemOpen, type ChecklistStatus, type OwnerOrg } from '@handover/domain';
import type { Kysely } from 'kysely';
import { ValidationError } from '../../schema/errors.ts';
import { conflict, updateAtVersion } from '../common/concurrency.ts';
import { evidenceList, requireDate, requireVersion } from '../common/validate.ts';
import {
  checklistItemsByIds,
  dependenciesOf,
  updateChecklistItemIfVersion,
  userExists,
  type ChecklistItemPatch,
} from './checklist.repository.ts';

export interface ChecklistItemChanges {
  id: string;
  expectedVersion: number;
  status?: ChecklistStatus | null;
  /** null clears the owner. */
  ownerUserId?: string | null;
  ownerOrg?: OwnerOrg | null;
  /** null clears the due date. */
  dueDate?: string | null;
  evidence?: readonly string[] | null;
  durationDays?: number | null;
  /** null or empty clears the sign-off role. */
  signOffRole?: string | null;
}

/** Updates a checklist item's status, owner, due date and evidence, at the version the caller saw. */
export async function updateChecklistItem(
  db: Kysely<Database>,
  changes: ChecklistItemChanges,
  now: Date,
): Promise<ChecklistItem> {
  const expectedVersion = requireVersion('expectedVersion', changes.expectedVersion);
  const patch: ChecklistItemPatch = {};
  if (changes.status !== undefined) {
    if (changes.status === null) throw new ValidationError('status', 'cannot be empty');
    if (changes.status === 'COMPLETE') {
      // Someone else's change comes first: answer the conflict before judging what blocks the item.
      const current = (await checklistItemsByIds(db, [changes.id]))[0];
      if (current && current.version !== expectedVersion)
        throw conflict('ChecklistItem', expectedVersion, current);
      const open = (await dependenciesOf(db, [changes.id])).filter((d) => isChecklistItemOpen(d.status));
      if (open.length > 0) {
        throw new ValidationError(
          'status',
          `cannot be COMPLETE while it depends on open items: ${open.map((d) => `${d.ref} (${d.status})`).join(', ')}`,
        );
      }
    }
    patch.status = changes.status;
  }
  if (changes.ownerOrg !== undefined) {
    if (changes.ownerOrg === null) throw new ValidationError('ownerOrg', 'cannot be empty');
    patch.owner_org = changes.ownerOrg;
  }
  if (changes.dueDate !== undefined) {
    patch.due_date = changes.dueDate === null ? null : requireDate('dueDate', changes.dueDate);
  }
  if (changes.evidence !== undefined) {
    patch.evidence = changes.evidence === null ? [] : evidenceList('evidence', changes.evidence);
  }
  if (changes.durationDays !== undefined) {
    const d = changes.durationDays;
    if (d === null) throw new ValidationError('durationDays', 'cannot be empty');
    if (!Number.isInteger(d) || d < 0 || d > 1000)
      throw new ValidationError('durationDays', 'must be a whole number from 0 to 1000');
    patch.duration_days = d;
  }
  if (changes.signOffRole !== undefined) {
    const r = changes.signOffRole?.trim() ?? '';
    if (r.length > 200) throw new ValidationError('signOffRole', 'must be at most 200 characters');
    patch.sign_off_role = r === '' ? null : r;
  }
  if (changes.ownerUserId !== undefined) {
    if (changes.ownerUserId !== null && !(await userExists(db, changes.ownerUserId))) {
      throw new ValidationError('ownerId', 'names no user');
    }
    patch.owner_user_id = changes.ownerUserId;
  }
  if (Object.keys(patch).length === 0) {
    throw new ValidationError(
      'input',
      'nothing to change: give at least one of status, ownerId, ownerOrg, dueDate, evidence, durationDays, signOffRole',
    );
  }
  return updateAtVersion({
    typename: 'ChecklistItem',
    id: changes.id,
    expectedVersion,
    update: () => updateChecklistItemIfVersion(db, changes.id, expectedVersion, patch, now),
    reload: async () => (await checklistItemsByIds(db, [changes.id]))[0],
  });
}
