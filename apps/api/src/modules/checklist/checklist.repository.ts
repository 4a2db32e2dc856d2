import type { ChecklistItem, Database, Workstream } from '@handover/db';
import { onlyUuids } from '../common/ids.ts';
import {
  CLOSED_CHECKLIST_STATUSES,
  WORKSTREAM_CODES,
  type ChecklistStatus,
  type OwnerOrg,
  type WorkstreamCode,
} from '@handover/domain';
import { sql, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { ChecklistItemTable } from '@handover/db';
import { likePattern } from '../service/service.repository.ts';

export async function workstreamsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Workstream[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('workstream').selectAll().where('id', 'in', valid).execute();
}

export async function workstreamsByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<Workstream[]> {
  if (programmeIds.length === 0) return [];
  // The seventeen workstreams in the order of DOMAIN.md section 3.
  return db
    .selectFrom('workstream')
    .selectAll()
    .where('programme_id', 'in', programmeIds)
    .orderBy(sql`array_position(${sql.val([...WORKSTREAM_CODES])}::text[], code)`)
    .execute();
}

export interface ChecklistFilter {
  statuses?: readonly ChecklistStatus[] | null;
  workstreamIds?: readonly string[] | null;
  workstreamCodes?: readonly WorkstreamCode[] | null;
  serviceIds?: readonly string[] | null;
  ownerUserIds?: readonly string[] | null;
  /** true: only items with no named owner; false: only items with one. */
  noOwner?: boolean | null;
  /** true: only open items (isChecklistItemOpen of domain); false: only closed ones. */
  open?: boolean | null;
  ownerOrgs?: readonly OwnerOrg[] | null;
  /** true: only open items past their due date; false: only the others. */
  overdue?: boolean | null;
  dayOneCritical?: boolean | null;
  search?: string | null;
}

export const CHECKLIST_SORTS = ['DUE_DATE', 'DUE_DATE_DESC', 'REF', 'STATUS', 'TITLE'] as const;
export type ChecklistSort = (typeof CHECKLIST_SORTS)[number];

function filtered(
  db: Kysely<Database>,
  programmeId: string,
  filter: ChecklistFilter,
  today: string,
): SelectQueryBuilder<Database, 'checklist_item', object> {
  let q = db.selectFrom('checklist_item').where('programme_id', '=', programmeId);
  if (filter.statuses?.length) q = q.where('status', 'in', filter.statuses);
  if (filter.workstreamIds?.length) q = q.where('workstream_id', 'in', filter.workstreamIds);
  if (filter.workstreamCodes?.length) {
    const codes = filter.workstreamCodes;
    q = q.where('workstream_id', 'in', (eb) =>
      eb
        .selectFrom('workstream')
        .select('id')
        .where('programme_id', '=', programmeId)
        .where('code', 'in', codes),
    );
  }
  if (filter.serviceIds?.length) q = q.where('service_id', 'in', filter.serviceIds);
  if (filter.ownerUserIds?.length) q = q.where('owner_user_id', 'in', filter.ownerUserIds);
  if (typeof filter.open === 'boolean') {
    q = q.where('status', filter.open ? 'not in' : 'in', CLOSED_CHECKLIST_STATUSES);
  }
  if (typeof filter.noOwner === 'boolean') {
    q = q.where('owner_user_id', filter.noOwner ? 'is' : 'is not', null);
  }
  if (filter.ownerOrgs?.length) q = q.where('owner_org', 'in', filter.ownerOrgs);
  if (typeof filter.dayOneCritical === 'boolean') q = q.where('day_one_critical', '=', filter.dayOneCritical);
  if (typeof filter.overdue === 'boolean') {
    q = q.where((eb) => {
      const overdue = eb.and([eb('due_date', '<', today), eb('status', 'not in', CLOSED_CHECKLIST_STATUSES)]);
      return filter.overdue ? overdue : eb.not(overdue);
    });
  }
  const search = filter.search?.trim();
  if (search) {
    q = q.where((eb) =>
      eb.or([eb('title', 'ilike', likePattern(search)), eb('ref', 'ilike', likePattern(search))]),
    );
  }
  return q;
}

export async function listChecklistItems(
  db: Kysely<Database>,
  programmeId: string,
  filter: ChecklistFilter,
  sort: ChecklistSort,
  today: string,
  page: { limit: number; offset: number },
): Promise<ChecklistItem[]> {
  let q = filtered(db, programmeId, filter, today).selectAll();
  switch (sort) {
    case 'DUE_DATE':
      q = q.orderBy('due_date', (o) => o.asc().nullsLast());
      break;
    case 'DUE_DATE_DESC':
      q = q.orderBy('due_date', (o) => o.desc().nullsLast());
      break;
    case 'STATUS':
      q = q.orderBy('status');
      break;
    case 'TITLE':
      q = q.orderBy('title');
      break;
    case 'REF':
      break;
  }
  return q.orderBy('ref').orderBy('id').limit(page.limit).offset(page.offset).execute();
}

export async function countChecklistItems(
  db: Kysely<Database>,
  programmeId: string,
  filter: ChecklistFilter,
  today: string,
): Promise<number> {
  const row = await filtered(db, programmeId, filter, today)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function checklistItemsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ChecklistItem[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('checklist_item').selectAll().where('id', 'in', valid).execute();
}

export async function checklistItemsByServiceIds(
  db: Kysely<Database>,
  serviceIds: readonly string[],
): Promise<ChecklistItem[]> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('checklist_item')
    .selectAll()
    .where('service_id', 'in', serviceIds)
    .orderBy('due_date')
    .orderBy('ref')
    .execute();
}

export async function checklistItemsByWorkstreamIds(
  db: Kysely<Database>,
  workstreamIds: readonly string[],
): Promise<ChecklistItem[]> {
  if (workstreamIds.length === 0) return [];
  return db
    .selectFrom('checklist_item')
    .selectAll()
    .where('workstream_id', 'in', workstreamIds)
    .orderBy('due_date')
    .orderBy('ref')
    .execute();
}

/** The items each of `itemIds` depends on, with the dependent's id as `dependent_id`. */
export async function dependenciesOf(
  db: Kysely<Database>,
  itemIds: readonly string[],
): Promise<(ChecklistItem & { dependent_id: string })[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('checklist_dependency')
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_dependency.depends_on_id')
    .selectAll('checklist_item')
    .select('checklist_dependency.item_id as dependent_id')
    .where('checklist_dependency.item_id', 'in', itemIds)
    .orderBy('checklist_item.due_date')
    .orderBy('checklist_item.ref')
    .execute();
}

/** The items that depend on each of `itemIds`, with the depended-on id as `dependency_id`. */
export async function dependentsOf(
  db: Kysely<Database>,
  itemIds: readonly string[],
): Promise<(ChecklistItem & { dependency_id: string })[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('checklist_dependency')
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_dependency.item_id')
    .selectAll('checklist_item')
    .select('checklist_dependency.depends_on_id as dependency_id')
    .where('checklist_dependency.depends_on_id', 'in', itemIds)
    .orderBy('checklist_item.due_date')
    .orderBy('checklist_item.ref')
    .execute();
}

export type ChecklistItemPatch = Pick<
  Updateable<ChecklistItemTable>,
  | 'status'
  | 'owner_user_id'
  | 'owner_org'
  | 'due_date'
  | 'due_offset_days'
  | 'evidence'
  | 'duration_days'
  | 'sign_off_role'
  | 'forecast_date'
>;

/**
 * Applies `patch` only if the row is still at `expectedVersion`, bumping the
 * version. Returns the updated row, or undefined when the row is missing or
 * has moved on (the caller tells which).
 */
export async function updateChecklistItemIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: ChecklistItemPatch,
  now: Date,
): Promise<ChecklistItem | undefined> {
  return db
    .updateTable('checklist_item')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function userExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** A checklist item with the ids of the items it depends on: the plan's graph, one row per item. */
export type PlanItemRow = ChecklistItem & { depends_on: string[] };

/** Every item of each programme with what it depends on, in one statement (the dependency graph). */
export async function planItemsByProgrammeIds(
  db: Kysely<Database>,
  programmeIds: readonly string[],
): Promise<PlanItemRow[]> {
  if (programmeIds.length === 0) return [];
  const rows = await db
    .selectFrom('checklist_item')
    .selectAll('checklist_item')
    .select(
      sql<string[]>`coalesce((select array_agg(d.depends_on_id::text order by d.depends_on_id)
        from checklist_dependency d where d.item_id = checklist_item.id), '{}')`.as('depends_on'),
    )
    .where('programme_id', 'in', programmeIds)
    .orderBy('ref')
    .execute();
  // pg and PGlite may hand a text[] back as a Postgres array literal when the driver does not know its type.
  return rows.map((r) => ({ ...r, depends_on: parseIdArray(r.depends_on as unknown) }));
}

function parseIdArray(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  if (typeof value === 'string') {
    const inner = value.replace(/^\{|\}$/g, '');
    return inner === '' ? [] : inner.split(',').map((v) => v.replace(/^"|"$/g, ''));
  }
  return [];
}

export async function dependencyExists(
  db: Kysely<Database>,
  itemId: string,
  dependsOnId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('checklist_dependency')
    .select('item_id')
    .where('item_id', '=', itemId)
    .where('depends_on_id', '=', dependsOnId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertDependency(
  db: Kysely<Database>,
  itemId: string,
  dependsOnId: string,
): Promise<void> {
  await db
    .insertInto('checklist_dependency')
    .values({ item_id: itemId, depends_on_id: dependsOnId })
    .execute();
}

/** Removes the dependency; false when there was none. */
export async function deleteDependency(
  db: Kysely<Database>,
  itemId: string,
  dependsOnId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('checklist_dependency')
    .where('item_id', '=', itemId)
    .where('depends_on_id', '=', dependsOnId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Bumps an item's version (its dependencies changed), if it is still at `expectedVersion`. */
export async function touchChecklistItemIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  now: Date,
): Promise<ChecklistItem | undefined> {
  return db
    .updateTable('checklist_item')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}
