import type { ChecklistItem, ChecklistTemplate, Database } from '@handover/db';
import {
  WORKSTREAM_CODES,
  type ChecklistTemplateDefinition,
  type TemplateKind,
  type WorkstreamCode,
} from '@handover/domain';
import { sql, type Kysely } from 'kysely';
import { onlyUuids } from '../common/ids.ts';

export async function templatesByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ChecklistTemplate[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('checklist_template').selectAll().where('id', 'in', valid).execute();
}

export interface TemplateFilter {
  kind?: TemplateKind | null;
  workstreamCode?: WorkstreamCode | null;
  /** Only the versions of these keys. */
  keys?: readonly string[] | null;
  /** Only the newest version of each key. */
  latestOnly?: boolean | null;
}

/** Workstream templates first, in the order of DOMAIN.md section 3, then by key and newest version first. */
export async function listTemplates(
  db: Kysely<Database>,
  filter: TemplateFilter,
): Promise<ChecklistTemplate[]> {
  let q = db.selectFrom('checklist_template').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.workstreamCode) q = q.where('workstream_code', '=', filter.workstreamCode);
  if (filter.keys) {
    if (filter.keys.length === 0) return [];
    q = q.where('key', 'in', [...filter.keys]);
  }
  if (filter.latestOnly) {
    q = q.where((eb) =>
      eb(
        'template_version',
        '=',
        eb
          .selectFrom('checklist_template as newer')
          .select((n) => n.fn.max('newer.template_version').as('v'))
          .whereRef('newer.key', '=', 'checklist_template.key'),
      ),
    );
  }
  return q
    .orderBy(sql`case kind when 'WORKSTREAM' then 0 else 1 end`)
    .orderBy(sql`array_position(${sql.val([...WORKSTREAM_CODES])}::text[], workstream_code)`)
    .orderBy('key')
    .orderBy('template_version', 'desc')
    .execute();
}

export async function latestVersion(db: Kysely<Database>, key: string): Promise<number | null> {
  const row = await db
    .selectFrom('checklist_template')
    .select((eb) => eb.fn.max('template_version').as('v'))
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.v ?? null;
}

export async function insertTemplate(
  db: Kysely<Database>,
  t: ChecklistTemplateDefinition,
  createdBy: string | null,
  now: Date,
): Promise<ChecklistTemplate> {
  return db
    .insertInto('checklist_template')
    .values({
      key: t.key,
      template_version: t.version,
      name: t.name,
      description: t.description,
      kind: t.kind,
      workstream_code: t.workstream,
      service_kind: t.serviceKind,
      built_in: false,
      item_count: t.items.length,
      definition: JSON.stringify(t),
      created_by: createdBy,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Items made from template `key` in one scope: a service's, or the programme's own (service null). */
export async function itemsFromTemplate(
  db: Kysely<Database>,
  programmeId: string,
  key: string,
  serviceId: string | null,
): Promise<ChecklistItem[]> {
  let q = db
    .selectFrom('checklist_item')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('template_key', '=', key);
  q = serviceId ? q.where('service_id', '=', serviceId) : q.where('service_id', 'is', null);
  return q.orderBy('ref').execute();
}

/** The programme's items made from any template: to resolve `templateKey:itemKey` references. */
export async function templateItemsOfProgramme(
  db: Kysely<Database>,
  programmeId: string,
): Promise<Pick<ChecklistItem, 'id' | 'service_id' | 'template_key' | 'template_item_key' | 'ref'>[]> {
  return db
    .selectFrom('checklist_item')
    .select(['id', 'service_id', 'template_key', 'template_item_key', 'ref'])
    .where('programme_id', '=', programmeId)
    .where('template_key', 'is not', null)
    .execute();
}

export async function programmeDependencies(
  db: Kysely<Database>,
  programmeId: string,
): Promise<{ item_id: string; depends_on_id: string }[]> {
  return db
    .selectFrom('checklist_dependency')
    .innerJoin('checklist_item', 'checklist_item.id', 'checklist_dependency.item_id')
    .select(['checklist_dependency.item_id', 'checklist_dependency.depends_on_id'])
    .where('checklist_item.programme_id', '=', programmeId)
    .execute();
}

export async function refsInUse(
  db: Kysely<Database>,
  programmeId: string,
  refs: readonly string[],
): Promise<string[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .selectFrom('checklist_item')
    .select('ref')
    .where('programme_id', '=', programmeId)
    .where('ref', 'in', refs)
    .execute();
  return rows.map((r) => r.ref);
}
