import type { ChecklistItem, Database } from '@handover/db';
import {
  blockingChain,
  cycleIfAdded,
  describeCycle,
  isChecklistItemOpen,
  type ChecklistStatus,
  type OwnerOrg,
} from '@handover/domain';
import { sql, type Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { conflict, updateAtVersion } from '../common/concurrency.ts';
import { evidenceList, requireDate, requireVersion } from '../common/validate.ts';
import {
  checklistItemsByIds,
  deleteDependency,
  dependenciesOf,
  dependencyExists,
  insertDependency,
  planItemsByProgrammeIds,
  touchChecklistItemIfVersion,
  updateChecklistItemIfVersion,
  type PlanItemRow,
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
  /** null clears the forecast. */
  forecastDate?: string | null;
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
          `cannot be COMPLETE while it depends on open items: ${open.map((d) => `${d.ref} ${d.title} (${d.status})`).join(', ')}`,
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
    // A date moved by hand is that date: the item is no longer dated from the transfer day (what-if keeps it).
    const current = (await checklistItemsByIds(db, [changes.id]))[0];
    if (current && current.due_date !== patch.due_date) patch.due_offset_days = null;
  }
  if (changes.forecastDate !== undefined) {
    patch.forecast_date =
      changes.forecastDate === null ? null : requireDate('forecastDate', changes.forecastDate);
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
      'nothing to change: give at least one of status, ownerId, ownerOrg, dueDate, forecastDate, evidence, durationDays, signOffRole',
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

export interface DependencyChange {
  /** The item that waits. */
  itemId: string;
  /** The item it waits on. */
  dependsOnId: string;
  expectedVersion: number;
}

async function bothItems(db: Kysely<Database>, change: DependencyChange) {
  const rows = await checklistItemsByIds(db, [change.itemId, change.dependsOnId]);
  const item = rows.find((r) => r.id === change.itemId);
  const dependsOn = rows.find((r) => r.id === change.dependsOnId);
  if (!item) throw new NotFoundError('ChecklistItem', change.itemId);
  if (!dependsOn) throw new ValidationError('dependsOnId', 'names no checklist item');
  return { item, dependsOn };
}

/**
 * Makes `itemId` wait on `dependsOnId` (any workstream of the same programme),
 * unless that would make a cycle, which the refusal names item by item. One
 * change to the graph at a time, so that two at once cannot close a cycle
 * neither saw. Bumps the waiting item's version.
 */
export async function addChecklistDependency(
  db: Kysely<Database>,
  change: DependencyChange,
  now: Date,
): Promise<ChecklistItem> {
  const expectedVersion = requireVersion('expectedVersion', change.expectedVersion);
  await sql`select pg_advisory_xact_lock(hashtext('checklist_dependency'))`.execute(db);
  const { item, dependsOn } = await bothItems(db, change);
  if (item.version !== expectedVersion) throw conflict('ChecklistItem', expectedVersion, item);
  if (dependsOn.programme_id !== item.programme_id) {
    throw new ValidationError('dependsOnId', 'names an item of another programme');
  }
  if (await dependencyExists(db, item.id, dependsOn.id)) {
    throw new ValidationError('dependsOnId', `${item.ref} already depends on ${dependsOn.ref}`);
  }
  const graph = await planItemsByProgrammeIds(db, [item.programme_id]);
  const cycle = cycleIfAdded(new Map(graph.map((g) => [g.id, g.depends_on])), item.id, dependsOn.id);
  if (cycle) {
    throw new ValidationError(
      'dependsOnId',
      `would make a cycle: ${describeCycle(cycle, new Map(graph.map((g) => [g.id, g])))}`,
    );
  }
  await insertDependency(db, item.id, dependsOn.id);
  return touch(db, item.id, expectedVersion, now);
}

/** Stops `itemId` waiting on `dependsOnId`; bumps the waiting item's version. */
export async function removeChecklistDependency(
  db: Kysely<Database>,
  change: DependencyChange,
  now: Date,
): Promise<ChecklistItem> {
  const expectedVersion = requireVersion('expectedVersion', change.expectedVersion);
  const { item, dependsOn } = await bothItems(db, change);
  if (item.version !== expectedVersion) throw conflict('ChecklistItem', expectedVersion, item);
  if (!(await deleteDependency(db, item.id, dependsOn.id))) {
    throw new ValidationError('dependsOnId', `${item.ref} does not depend on ${dependsOn.ref}`);
  }
  return touch(db, item.id, expectedVersion, now);
}

function touch(db: Kysely<Database>, id: string, expectedVersion: number, now: Date) {
  return updateAtVersion({
    typename: 'ChecklistItem',
    id,
    expectedVersion,
    update: () => touchChecklistItemIfVersion(db, id, expectedVersion, now),
    reload: async () => (await checklistItemsByIds(db, [id]))[0],
  });
}

/** The open items standing between `itemId` and completion, transitively, in the order they can be done. */
export function blockingChainOf(itemId: string, graph: readonly PlanItemRow[]): PlanItemRow[] {
  const byId = new Map(graph.map((g) => [g.id, g]));
  return blockingChain(
    itemId,
    new Map(graph.map((g) => [g.id, g.depends_on])),
    (id) => byId.has(id) && isChecklistItemOpen(byId.get(id)!.status),
  ).map((id) => byId.get(id)!);
}
